"""An outcome's answer in a sentence or two, for the panel at the top of its page (GOV.UK's outcome pattern).

Where the answer depends on the route (which trust person, for whom), the outcome's first blocks are
marked `lead: true`; the ones the answers show make up the panel, in order, and leave the details.
Without lead blocks the answer is taken from the content as written: the first visible block either opens
with a heading that gives the advice ("Ons advies: ...") or with a paragraph whose first sentence is the
answer ("Nee, voor een arbeidsconflict ..."). That heading or sentence moves into the panel, so the page
does not say it twice; the rest of the block stays where it was.
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
    """The panel's paragraphs and the blocks without them; no panel text when the first block opens otherwise."""
    if any(block.lead for block in blocks):
        return (Markup("\n".join(block.html for block in blocks if block.lead)),
                tuple(block for block in blocks if not block.lead))
    if not blocks:
        return None, blocks
    first = blocks[0]
    heading = OPENING_HEADING.match(first.html)
    if heading:
        lead, remaining = heading.group(1), first.html[heading.end():]
    else:
        paragraph = OPENING_PARAGRAPH.match(first.html)
        if not paragraph:
            return None, blocks
        lead, rest = first_sentence(paragraph.group(1))
        remaining = (f"<p>{rest}</p>\n" if rest else "") + first.html[paragraph.end():]
    rest_blocks = (dataclasses.replace(first, html=remaining),) if remaining.strip() else ()
    return Markup(f"<p>{lead}</p>"), (*rest_blocks, *blocks[1:])
