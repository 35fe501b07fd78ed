"""The HTML report: escaping, span highlighting, and (in real headless Chromium) rendering,
filters, evidence links and a screenshot."""

from __future__ import annotations

import os
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimweave.cli import app
from claimweave.review.record import load_record, record_decision
from claimweave.review.report import Span, anchors, highlight, render_report

from review_fixtures import build_claims

CLAIMS = build_claims()
SIGN, CRITICISE, CALL, PATROL = (c.id for c in CLAIMS.claims)
LEADER = CLAIMS.roles[1].id
CHROMIUM = "/usr/bin/chromium"


@pytest.mark.parametrize(
    ("text", "spans", "html"),
    [
        ("a b c", [], "a b c"),
        ("a <b> & c", [Span(2, 5, "claim", "ev-1", 'x "y"')], 'a <span class="anchor" id="ev-1"></span><mark class="k-claim" data-spans="ev-1" title="x &quot;y&quot;">&lt;b&gt;</mark> &amp; c'),
        (
            "abcdef",
            [Span(0, 4, "claim", "ev-1", "c"), Span(2, 6, "entity", None, "e")],
            '<span class="anchor" id="ev-1"></span><mark class="k-claim" data-spans="ev-1" title="c">ab</mark>'
            '<mark class="k-claim k-entity" data-spans="ev-1" title="c\ne">cd</mark><mark class="k-entity" title="e">ef</mark>',
        ),
        ("abc", [Span(1, 9, "claim", "ev-1", "out of range")], "abc"),
    ],
)
def test_highlight(text, spans, html):
    assert highlight(text, spans) == html


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["claim", "entity"])), max_size=6),
)
def test_highlight_keeps_the_text_and_every_anchor(text, raw):
    spans = [Span(a, b, kind, f"ev-{n}" if kind == "claim" else None, "t") for n, (a, b, kind) in enumerate(raw)]
    html = highlight(text, spans)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    for s in spans:
        if s.anchor and 0 <= s.start < s.end <= len(text):
            assert f'id="{s.anchor}"' in html


def test_report_escapes_untrusted_text(outdir):
    html = render_report(load_record(outdir))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # only the report's own script


def test_report_is_self_contained(outdir):
    html = render_report(load_record(outdir))
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", html), "only in-page links and no external resources"
    assert "default-src 'none'" in html


def test_every_evidence_link_has_its_anchor(outdir):
    record = load_record(outdir)
    html = render_report(record)
    for anchor in anchors(record).values():
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_report_without_document_text_shows_evidence_only(outdir, tmp_path):
    for path in (tmp_path / "corpus").iterdir():
        path.write_text(path.read_text() + "edited after the run\n")
    result = CliRunner().invoke(app, ["report", str(outdir), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "Warning: harbour-a: document text not found or changed since the run" in result.output
    html = render_report(load_record(outdir))
    assert html.count("The document text is not available") == 2
    assert f'id="{anchors(load_record(outdir))[("harbour-a", CLAIMS.claims[1].evidence[0].start, CLAIMS.claims[1].evidence[0].end)]}"' in html


def test_report_command(outdir, tmp_path):
    result = CliRunner().invoke(app, ["report", str(outdir), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "7 items, 3 entities, 3 documents (3 with text)" in result.output
    missing = CliRunner().invoke(app, ["report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r2.html")])
    assert missing.exit_code == 2 and "no such output folder" in missing.output
    assert not (tmp_path / "r2.html").exists()


# --------------------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, outdir, tmp_path):
    record_decision(outdir, LEADER, "reject", note="not a title")
    path = tmp_path / "report.html"
    assert CliRunner().invoke(app, ["report", str(outdir), "-o", str(path)]).exit_code == 0
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.requests, page.dialogs, page.errors = [], [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(path.as_uri())
    yield page
    page.close()


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#items tr.row:not([hidden])", "rows => rows.map(r => r.id.slice(5))")


def test_browser_renders_without_network_or_script_injection(page):
    assert page.title() == "claimweave report"
    assert page.text_content("#f-count") == "10 of 10 shown"
    assert len(visible_ids(page)) == 7
    assert page.requests == [page.url]
    assert page.dialogs == [] and page.errors == []
    text = page.inner_text("#documents")
    assert "<script>alert('x')</script>" in text  # shown as text, not run


@pytest.mark.parametrize(
    ("action", "ids"),
    [
        (("select", "#f-kind", "role"), [CLAIMS.roles[0].id, LEADER]),
        (("select", "#f-state", "rejected"), [LEADER]),
        (("select", "#f-modality", "planned"), [PATROL]),
        (("fill", "#f-search", "rusk"), [CRITICISE, CALL, LEADER]),
    ],
)
def test_browser_filters(page, action, ids):
    how, selector, value = action
    page.select_option(selector, value) if how == "select" else page.fill(selector, value)
    assert visible_ids(page) == ids
    if selector != "#f-kind":
        assert page.text_content("#f-count").startswith(f"{len(ids) + (1 if value == 'rusk' else 0)} of 10")


def test_browser_conflicts_are_listed_and_filterable(page):
    assert "duration = P25Y / P30Y" in page.inner_text("#conflicts")
    page.select_option("#f-status", "conflicting")
    assert visible_ids(page) == [CLAIMS.agreements[0].id]
    page.click(f"#conflicts a[href='#item-{CLAIMS.agreements[0].id}']")
    assert page.evaluate("location.hash") == f"#item-{CLAIMS.agreements[0].id}"


def test_browser_evidence_link_goes_to_its_span(page, tmp_path):
    evidence = CLAIMS.claims[2].evidence[0]
    link = page.locator(f"#item-{CALL} a.ev-link").first
    assert link.inner_text() == f"harbour-b:{evidence.start}-{evidence.end}"
    target = link.get_attribute("href")
    link.click()
    page.wait_for_function("() => document.querySelectorAll('mark.active').length > 0")
    assert page.evaluate("location.hash") == target
    active = page.eval_on_selector_all("mark.active", "ms => ms.map(m => m.textContent).join('')")
    assert active == evidence.text
    box = page.locator(target).bounding_box()
    assert box is not None and 0 <= box["y"] <= 900, "the span is scrolled into view"
    screenshot = tmp_path / "report-evidence.png"
    page.screenshot(path=str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    keep = os.environ.get("CLAIMWEAVE_SCREENSHOTS")
    if keep:
        shutil.copy(screenshot, Path(keep) / screenshot.name)


def test_browser_full_page_screenshot(page, tmp_path):
    screenshot = tmp_path / "report-full.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 20_000
    keep = os.environ.get("CLAIMWEAVE_SCREENSHOTS")
    if keep:
        shutil.copy(screenshot, Path(keep) / screenshot.name)
