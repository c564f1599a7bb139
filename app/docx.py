"""Word files made at build time from the same content as the tool pages, so both always say the same.

The letter's blanks are marked (highlighted, in brackets) so whoever adapts the file sees what to fill in.
Each blank is one run of its own, highlighted, whose whole text is the field's blank ("[label]"): that is
the marker static/js/letter-docx.js looks for when it fills the file in the browser, so python-docx must
never merge a blank with the text around it.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt

from .content.tools import Line, Paragraph, Slot, Tool


def add_blank(paragraph, tool: Tool, slot: Slot) -> None:
    run = paragraph.add_run(tool.field(slot.field).blank)
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def add_line(out, tool: Tool, parts: Line) -> None:
    """Text with its blanks marked: highlighted, in brackets."""
    for part in parts:
        if isinstance(part, Slot):
            add_blank(out, tool, part)
        else:
            out.add_run(part)


def add_paragraphs(document, tool: Tool, paragraphs: tuple[Paragraph, ...]) -> None:
    for paragraph in paragraphs:
        add_line(document.add_paragraph(style="List Bullet" if paragraph.kind == "li" else None), tool, paragraph.parts)


def letter_document(tool: Tool, article_word: str) -> bytes:
    letter = tool.letter
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(letter.heading, level=1)
    add_paragraphs(document, tool, letter.opening)
    for number, article in enumerate(letter.articles, start=1):
        document.add_heading(f"{article_word} {number}. {article.title}", level=2)
        add_paragraphs(document, tool, article.text)
    add_paragraphs(document, tool, letter.closing)
    table = document.add_table(rows=2, cols=len(letter.signatures))
    for column, name in enumerate(letter.signatures):
        table.cell(0, column).text = "\n\n_______________________"
        add_blank(table.cell(1, column).paragraphs[0], tool, Slot(name))
    return save(document)


def report_document(tool: Tool, intro: str, count_heading: str) -> bytes:
    document = Document()
    add_line(document.add_heading(level=1), tool, tool.heading or (tool.title,))
    document.add_paragraph(intro)
    for part in tool.parts:
        document.add_heading(part.title, level=2)
        if part.text:
            document.add_paragraph(part.text)
        for table in part.tables:
            document.add_heading(table.title, level=3)
            word_table = document.add_table(rows=1 + len(table.rows), cols=2)
            word_table.style = "Table Grid"
            word_table.cell(0, 1).text = count_heading
            for row, (_, label) in enumerate(table.rows, start=1):
                word_table.cell(row, 0).text = label
        for field in part.fields:
            document.add_heading(field.label, level=3)
            for _ in range(3 if field.kind == "longtext" else 1):
                document.add_paragraph("_" * 60)
    return save(document)


def save(document) -> bytes:
    # Fixed metadata: the same content gives the same file, and no name or date of the builder leaks out.
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return _dated_1980(buffer.getvalue())


def _dated_1980(docx: bytes) -> bytes:
    """The zip entries dated 1980-01-01 rather than now: a build gives the same bytes every time, so a
    host's cache and a reviewer's diff see only real changes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)),
                            source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
