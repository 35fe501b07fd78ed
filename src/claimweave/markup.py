"""Markdown syntax to hide from the parser, as ranges of the text that it must not see.

A Markdown article keeps its syntax in ``Document.text`` (offsets are file offsets), but the
parser reads ``**Lavrov**`` as three tokens and makes the asterisks a subject. The ranges found
here (emphasis delimiters, heading and list markers, link brackets and targets, code backticks,
rules) are blanked in ``Document.analysis_text``; the words themselves are never masked.
"""

from __future__ import annotations

import re

# Markers at the start of a line: headings, block quotes, list bullets and numbers.
_LINE_MARKER = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)", re.M)
# A closing run of '#' on a heading line ("## Who was there ##").
_HEADING_CLOSE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t].*?([ \t]+#+)[ \t]*$", re.M)
# A thematic break: a line of three or more '-', '*' or '_' (spaces allowed between them).
_RULE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
# Strong then plain emphasis. The opening delimiter is followed by a non-space and the closing one
# preceded by one; '_' only at word edges, so snake_case names and "2_000" stay as they are.
_STRONG = re.compile(r"(?<![\w*])(\*\*)(?=\S)(.+?)(?<=\S)(\*\*)(?![\w*])|(?<!\w)(__)(?=\S)(.+?)(?<=\S)(__)(?!\w)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*)(?=[^\s*])(.+?)(?<=[^\s*])(\*)(?![\w*])|(?<!\w)(_)(?=[^\s_])(.+?)(?<=[^\s_])(_)(?!\w)")
# Links and images: the text stays, the brackets and the target go ("[SANA](https://...)").
_LINK = re.compile(r"(!?\[)([^\]\n]+)(\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\))")
_CODE = re.compile(r"(`+)([^`\n]+?)(\1)")


def markdown_ranges(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sorted ranges of Markdown syntax in ``text`` after ``start`` (the body start)."""
    body = text[start:]
    ranges: list[tuple[int, int]] = []
    # Characters already taken by syntax or by code (whose content is never read as emphasis),
    # so each match is checked in constant time however long the file.
    taken = bytearray(len(body))

    def take(a: int, b: int) -> None:
        ranges.append((a, b))
        taken[a:b] = b"\x01" * (b - a)

    ruled = set()
    for match in _RULE.finditer(body):
        take(*match.span())
        ruled.add(match.start())
    for match in _LINE_MARKER.finditer(body):
        if match.start() not in ruled:
            take(*match.span())
    for match in _HEADING_CLOSE.finditer(body):
        take(*match.span(1))
    for match in _LINK.finditer(body):
        take(*match.span(1))
        take(*match.span(3))
    for pattern in (_CODE, _STRONG, _EMPHASIS):
        for match in pattern.finditer(body):
            if taken[match.start()]:
                continue
            opening, closing = (1, 3) if match.group(1) else (4, 6)
            take(*match.span(opening))
            take(*match.span(closing))
            if pattern is _CODE:
                taken[match.start(2) : match.end(2)] = b"\x01" * (match.end(2) - match.start(2))
    return sorted({(start + a, start + b) for a, b in ranges if b > a})
