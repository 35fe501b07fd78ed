"""ingest: front matter, markers, chrome, formats, and bad input with one clear message each."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimweave.errors import InputError
from claimweave.ingest import chrome_ranges, read_corpus, read_path, safe_filename


def read_one(path):
    items = list(read_path(str(path)))
    assert len(items) == 1
    return items[0]


def test_front_matter_fields_and_body_offset(tmp_path):
    text = "---\nid: a-1\ntitle: 'T'\npublished: 2025-08-01\nsource: Wire\nurl: https://example.org/a\nlanguage: en\n---\nBody text here.\n"
    (tmp_path / "x.txt").write_text(text, encoding="utf-8")
    doc = read_one(tmp_path / "x.txt")
    assert (doc.id, doc.title, doc.source, doc.url, doc.language) == ("a-1", "T", "Wire", "https://example.org/a", "en")
    assert doc.published == dt.date(2025, 8, 1) and doc.published_from == "front_matter"
    assert doc.text == text
    assert doc.text[doc.body_start :] == "Body text here.\n"
    assert doc.analysis_text[: doc.body_start].strip() == ""
    assert len(doc.analysis_text) == len(doc.text)


def test_leading_date_marker_sets_published_and_is_masked(tmp_path):
    (tmp_path / "s.txt").write_text(" date 2025-08-11 When the delegation landed.\n", encoding="utf-8")
    doc = read_one(tmp_path / "s.txt")
    assert doc.id == "s"
    assert doc.published == dt.date(2025, 8, 11) and doc.published_from == "marker"
    assert "2025-08-11" not in doc.analysis_text
    assert doc.analysis_text.strip().startswith("When the delegation")


def test_marker_after_front_matter_without_published(tmp_path):
    (tmp_path / "m.txt").write_text("---\nid: m\n---\ndate 2024-01-02\nText.\n", encoding="utf-8")
    doc = read_one(tmp_path / "m.txt")
    assert doc.published == dt.date(2024, 1, 2)


@pytest.mark.parametrize(
    "line, masked",
    [
        ("Search", True),
        ("Helpful keywords", True),
        ("Share this article", True),
        ("Advertisement", True),
        ("Searching for peace, the envoys met in Geneva.", False),
        ("The minister said the search would continue.", False),
    ],
)
def test_chrome_lines(line, masked):
    text = f"First line of the article body.\n{line}\nLast line.\n"
    ranges = chrome_ranges(text)
    assert bool(ranges) is masked
    for start, end in ranges:
        assert text[start:end] == line


def test_repeated_headline_line_is_masked():
    head = "Minister's Moscow Visit Signals a Shift"
    text = f"{head}\n\nStandfirst here.\n{head}\n\nBody.\n"
    ranges = chrome_ranges(text)
    assert ranges == [(text.rindex(head), text.rindex(head) + len(head))]


def test_jsonl_records_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "j1", "published": "2025-08-02", "text": "First article."}),
        "",
        json.dumps({"text": "Second article without id."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(read_path(str(tmp_path / "feed.jsonl")))
    assert [(d.id, d.line, d.text) for d in docs] == [("j1", 1, "First article."), ("feed-3", 3, "Second article without id.")]
    assert docs[0].published == dt.date(2025, 8, 2)


def test_html_main_text_is_extracted(tmp_path):
    html = """<html><head><title>Ministers meet</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Ministers meet in Moscow</h1>
    <p>The foreign ministers of the two countries met in Moscow on Thursday to discuss a new agreement on trade.</p>
    <p>Officials said the talks would continue next month in Damascus, with further meetings planned for the autumn.</p>
    </article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    doc = read_one(tmp_path / "page.html")
    assert doc.format == "html"
    assert "met in Moscow on Thursday" in doc.text
    assert "All rights reserved" not in doc.text and "World" not in doc.text.split()


BAD_CASES = [
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b"   \n\n", "empty document"),
    ("only-front.txt", b"---\nid: x\n---\n", "empty document"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
    ("broken-yaml.txt", b"---\nid: [unclosed\n---\nBody.\n", "malformed front matter"),
    ("not-mapping.txt", b"---\n- a\n- b\n---\nBody.\n", "malformed front matter"),
    ("unclosed.txt", b"---\nid: x\nBody without end.\n", "malformed front matter"),
    ("object.txt", b"---\nid: !!python/object/apply:os.system ['true']\n---\nBody.\n", "malformed front matter"),
    ("unknown.pdf", b"%PDF-1.4", "unsupported file type"),
]


@pytest.mark.parametrize("name, data, message", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_files_give_one_error_naming_the_file(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    item = read_one(path)
    assert isinstance(item, InputError)
    assert item.path == str(path)
    assert message in item.message
    assert "\n" not in str(item)


@pytest.mark.parametrize(
    "line, message",
    [("{not json", "not valid JSON"), ('{"id": "x"}', "missing string field 'text'"), ('["a"]', "JSON object"), ('{"text": "  "}', "empty document")],
)
def test_bad_jsonl_lines_name_the_line_and_spare_the_others(tmp_path, line, message):
    good = json.dumps({"id": "ok", "text": "A fine article."})
    (tmp_path / "f.jsonl").write_text(good + "\n" + line + "\n", encoding="utf-8")
    items = list(read_path(str(tmp_path / "f.jsonl")))
    assert items[0].id == "ok"
    assert isinstance(items[1], InputError) and items[1].path == f"{tmp_path / 'f.jsonl'}:2"
    assert message in items[1].message


def test_unparseable_published_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / "d.txt").write_text("---\npublished: the day after\n---\nBody.\n", encoding="utf-8")
    doc = read_one(tmp_path / "d.txt")
    assert doc.published is None
    assert any("unparseable publication date" in w for w in doc.warnings)


def test_too_large_file_is_refused_without_reading_it(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 3000)
    item = list(read_path(str(tmp_path / "big.txt"), max_bytes=1000))[0]
    assert isinstance(item, InputError) and "too large" in item.message


def test_missing_path_and_duplicate_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("---\nid: same\n---\nOne.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nid: same\n---\nTwo.\n", encoding="utf-8")
    items = list(read_corpus([str(tmp_path), str(tmp_path / "nope")], published=dt.date(2020, 1, 1)))
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.path for d in docs] == [str(tmp_path / "a" / "x.txt")]
    assert docs[0].published == dt.date(2020, 1, 1) and docs[0].published_from == "option"
    assert [e.path for e in errors] == [str(tmp_path / "b.md"), str(tmp_path / "nope")]
    assert "duplicate document id 'same'" in errors[0].message and str(tmp_path / "a" / "x.txt") in errors[0].message


@pytest.mark.parametrize(
    "doc_id, expected",
    [("plain-id_1.2", "plain-id_1.2"), ("../x", None), ("/etc/passwd", None), ("..", None), ("a/b\\c", None)],
)
def test_safe_filename_never_escapes(doc_id, expected):
    name = safe_filename(doc_id)
    if expected:
        assert name == expected
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert safe_filename(doc_id) == name


def test_folder_walk_skips_readme_and_hidden_files_but_reads_them_when_named(tmp_path):
    (tmp_path / "README.md").write_text("# About this corpus\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("An article.\n", encoding="utf-8")
    assert [d.id for d in read_corpus([str(tmp_path)])] == ["a"]
    assert [d.id for d in read_corpus([str(tmp_path / "README.md")])] == ["README"]


def test_navigation_menu_block_is_masked_but_short_headings_are_not():
    text = "Opening paragraph of the story.\nHome\nNews\nWorld News\nOpinion\n\nWho went?\n\nThe answer follows.\n"
    masked = [text[a:b] for a, b in chrome_ranges(text)]
    assert masked == ["Home", "News", "World News", "Opinion"]
