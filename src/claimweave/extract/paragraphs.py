"""Sentence starts at blank lines (``claimweave_paragraphs``), set before the parser runs.

Headings, bullets and the lines left over from page chrome are separated from the body by blank
lines; the parser, left alone, runs a heading into the next sentence ("The port In 2019 the
group took over ..."), and every component then reads a wrong subject or date. The parser keeps
sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


#: A line ending in one of these closes its sentence.
_FINAL = (".", "!", "?", "\"", "'", "\u201d", "\u2019", ")", ":")


class ParagraphBreaks:
    """Marks a sentence start after a blank line, and after a line break that follows a finished
    sentence or a short line without closing punctuation (a heading in extracted HTML text).
    A long line broken mid-sentence (hard-wrapped text) is left alone."""

    def __call__(self, doc: Doc) -> Doc:
        line_words = 0
        pending = False
        for token in doc:
            if token.is_space:
                pending = pending or "\n" in token.text and self._breaks(token.text, doc, token.i - 1, line_words)
                if "\n" in token.text:
                    line_words = 0
                continue
            if pending and token.i > 0:
                token.is_sent_start = True
            pending = False
            line_words += 1
            if "\n" in token.whitespace_:
                pending = self._breaks(token.whitespace_, doc, token.i, line_words)
                line_words = 0
        return doc

    @staticmethod
    def _breaks(space: str, doc: Doc, last: int, line_words: int) -> bool:
        if space.count("\n") >= 2 or last < 0:
            return True
        previous = doc[last]
        return previous.text.endswith(_FINAL) or line_words < 8


@Language.factory("claimweave_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    """Sentence starts after blank lines, to be added before the parser."""
    return ParagraphBreaks()
