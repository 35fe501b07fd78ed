"""Markdown syntax is masked for the parser, words never are, and offsets stay file offsets."""

from __future__ import annotations

import pytest

from claimweave.ingest import read_text_file
from claimweave.markup import markdown_ranges


def blanked(text: str) -> str:
    chars = list(text)
    for start, end in markdown_ranges(text):
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, **Karin Berg** met him.", "On Monday,   Karin Berg   met him."),
        ("It was *not* signed.", "It was  not  signed."),
        ("It was __final__ and _binding_.", "It was   final   and  binding ."),
        ("## Who was there ##", "   Who was there   "),
        ("# Title", "  Title"),
        ("- **Port lease.** Signed in 2019.", "    Port lease.   Signed in 2019."),
        ("1. First point", "   First point"),
        ("> A quoted line", "  A quoted line"),
        ("See [the agency](https://example.org/a) report.", "See  the agency                         report."),
        ("Run `claimweave` now.", "Run  claimweave  now."),
        ("Run `a *x* b` now.", "Run  a *x* b  now."),  # code is not read as emphasis
        ("---", "   "),
        ("* * *", "     "),
        # Not Markdown: arithmetic, snake_case, a lone asterisk, intra-word underscores.
        ("5 * 3 * 2 = 30", "5 * 3 * 2 = 30"),
        ("the file_name_here field", "the file_name_here field"),
        ("Sales rose 5%* last year.", "Sales rose 5%* last year."),
    ],
)
def test_markdown_syntax_is_blanked_and_words_kept(text, expected):
    assert blanked(text) == expected
    assert len(blanked(text)) == len(text)


def test_markdown_file_masks_syntax_only_for_md(tmp_path):
    text = "---\ntitle: T\n---\nOn 3 May, **Karin Berg** agreed.\n"
    md = read_text_file("a.md", text, "md")
    txt = read_text_file("a.txt", text, "txt")
    assert "  Karin Berg  " in md.analysis_text
    assert "**Karin Berg**" in txt.analysis_text
    assert len(md.analysis_text) == len(text)


def test_ranges_start_after_the_front_matter():
    text = "---\ntitle: '*x*'\n---\n*y*"
    assert markdown_ranges(text, start=text.index("*y")) == [(len(text) - 3, len(text) - 2), (len(text) - 1, len(text))]
