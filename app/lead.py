"""An outcome's answer in a sentence, for the panel at the top of its page (GOV.UK's outcome pattern).

Taken from the content as written, so writers add nothing: the first visible block either opens with a
heading that gives the advice ("Ons advies: ...") or with a paragraph whose first sentence is the answer
("Ja, hiermee kun je naar een vertrouwenspersoon."). That heading or sentence moves into the panel, so
the page does not say it twice; the rest of the block stays where it was.
"""

from __future__ import annotations

import dataclasses
import re

from markupsafe import Markup

from .content.model import Block

OPENING_HEADING = re.compile(r"\A\s*<h2[^>]*>(.*?)</h2>\s*", re.S)
OPENING_PARAGRAPH = re.compile(r"\A\s*<p>(.*?)</p>\s*", re.S)
SENTENCE_END = re.compile(r"[.!?](?=\s)")


def first_sentence(paragraph: str) -> tuple[str, str]:
    """The paragraph's first sentence and what follows it; a full stop inside a tag or a link is skipped."""
    for end in SENTENCE_END.finditer(paragraph):
        before = paragraph[: end.end()]
        if before.count("<") == before.count(">") and before.count("<a ") == before.count("</a>"):
            return before, paragraph[end.end():].strip()
    return paragraph, ""


def split_lead(blocks: tuple[Block, ...]) -> tuple[Markup | None, tuple[Block, ...]]:
    """The panel's sentence and the blocks without it; no sentence when the first block opens otherwise."""
    if not blocks:
        return None, blocks
    first = blocks[0]
    heading = OPENING_HEADING.match(first.html)
    if heading:
        return Markup(heading.group(1)), (dataclasses.replace(first, html=first.html[heading.end():]), *blocks[1:])
    paragraph = OPENING_PARAGRAPH.match(first.html)
    if not paragraph:
        return None, blocks
    lead, rest = first_sentence(paragraph.group(1))
    remaining = (f"<p>{rest}</p>\n" if rest else "") + first.html[paragraph.end():]
    return Markup(lead), (dataclasses.replace(first, html=remaining), *blocks[1:])
