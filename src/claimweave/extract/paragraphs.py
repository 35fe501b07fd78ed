"""Sentence starts at blank lines (``claimweave_paragraphs``), set before the parser runs.

Headings, bullets and the lines left over from page chrome are separated from the body by blank
lines; the parser, left alone, runs a heading into the next sentence ("The port In 2019 the
group took over ..."), and every component then reads a wrong subject or date. The parser keeps
sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphBreaks:
    """Marks the first token after a blank line as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if token.is_space:
                after_break = after_break or token.text.count("\n") >= 2
                continue
            if after_break and token.i > 0:
                token.is_sent_start = True
            after_break = "\n\n" in token.whitespace_
        return doc


@Language.factory("claimweave_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    """Sentence starts after blank lines, to be added before the parser."""
    return ParagraphBreaks()
