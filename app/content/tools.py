"""The private tools: a setup checklist, an appointment letter and an annual report, described in content.

A tool file is a section item with `tool: checklist | letter | report`. The content gives the words, the
form fields and (for the letter) the text with {field} placeholders; static/js/tools.js fills them in, in
the browser only, and app/docx.py turns the same content into a Word file with the blanks marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("checklist", "letter", "report")
FIELD_KINDS = ("text", "longtext", "number", "date", "percentage")
PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    hint: str | None
    max: float | None
    max_message: str | None

    @property
    def blank(self) -> str:
        """How the letter shows this field while it is empty: the page, the print and the Word file alike.
        static/js/letter-docx.js finds the Word file's blanks by this text."""
        return f"[{self.label.lower()}]"


@dataclass(frozen=True)
class Slot:
    """A blank in the letter, filled with the value of a field."""

    field: str


Line = tuple[str | Slot, ...]


@dataclass(frozen=True)
class Paragraph:
    kind: str  # "p" or "li"
    parts: Line


@dataclass(frozen=True)
class Article:
    title: str
    text: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Letter:
    heading: str
    opening: tuple[Paragraph, ...]
    articles: tuple[Article, ...]
    closing: tuple[Paragraph, ...]
    signatures: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    id: str
    title: str
    text: str
    link: str


@dataclass(frozen=True)
class CountTable:
    id: str
    title: str
    rows: tuple[tuple[str, str], ...]  # (id, label)
    total: str | None = None  # the number field the rows add up to (the number of reports), if any


@dataclass(frozen=True)
class Identifying:
    """Words in the report's free text that may point to a person (see static/js/identifying.js)."""

    words: tuple[str, ...]   # department-like words, such as "afdeling"
    titles: tuple[str, ...]  # words before a name, such as "mevrouw"


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    text: str | None
    fields: tuple[Field, ...]
    tables: tuple[CountTable, ...]


@dataclass(frozen=True)
class Tool:
    id: str
    section: str
    kind: str
    title: str
    summary: str
    intro: str  # rendered HTML
    sources: tuple[str, ...]
    fields: tuple[Field, ...] = ()
    points: tuple[Point, ...] = ()
    letter: Letter | None = None
    parts: tuple[Part, ...] = ()
    heading: Line = ()  # the report's own title, with {field} blanks such as the year
    identifying: Identifying | None = None

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return self.fields + tuple(f for part in self.parts for f in part.fields)

    def field(self, field_id: str) -> Field | None:
        return next((f for f in self.all_fields if f.id == field_id), None)


def parse_text(text: str) -> tuple[Paragraph, ...]:
    """Paragraphs split by blank lines; lines starting with '- ' are list items; {id} becomes a Slot."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.split("\n")
        if all(line.lstrip().startswith("- ") for line in lines):
            paragraphs += [Paragraph("li", slots(line.lstrip()[2:])) for line in lines]
        else:
            paragraphs.append(Paragraph("p", slots(" ".join(line.strip() for line in lines))))
    return tuple(paragraphs)


def slots(text: str) -> Line:
    parts: list[str | Slot] = []
    for i, piece in enumerate(PLACEHOLDER.split(text)):
        if piece:
            parts.append(Slot(piece) if i % 2 else piece)
    return tuple(parts)
