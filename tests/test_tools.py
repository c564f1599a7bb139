"""The private tools: the anonymity rule, the Word files, and the tool content's checks."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from app import create_app
from app.content import ContentError
from app.docx import letter_document

PROJECT = Path(__file__).resolve().parent.parent
SUPPRESS_JS = PROJECT / "app" / "static" / "js" / "suppress.js"
LETTER_JS = PROJECT / "app" / "static" / "js" / "letter-docx.js"


def run_rule(counts: list[int]) -> list:
    """The primary anonymity rule exactly as the browser runs it: suppress.js, loaded by Node.
    (Secondary suppression has its own tests: tests/test_report_privacy.py.)"""
    script = (f"const rule = require({json.dumps(str(SUPPRESS_JS))});"
              f"console.log(JSON.stringify({json.dumps(counts)}.map(rule.primary)));")
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_anonymity_rule_hides_counts_from_one_to_four():
    assert run_rule([0, 1, 4, 5, 12345]) == [0, "small", "small", 5, 12345]


@pytest.fixture
def content(app):
    return app.extensions["content"]


def tools(content, kind):
    for edition, item in content.items():
        if getattr(item, "kind", None) == kind:
            yield edition.lang, item


def test_each_language_has_the_three_tools(content):
    for kind in ("checklist", "letter", "report"):
        assert sorted(lang for lang, _ in tools(content, kind)) == ["en", "nl"], kind


def test_the_checklist_has_the_seeds_fifteen_points_each_linking_to_its_page_in_order(content):
    """Seed 002 lines 2288-2316 list fifteen points; the checklist follows the section's (the seed's) order."""
    for lang, tool in tools(content, "checklist"):
        assert len(tool.points) == 15
        for point in tool.points:
            assert content.editions[lang].page(point.link) is not None
        pages = list(content.editions[lang].sections["regelen"].items)
        assert [point.link for point in tool.points] == [f"/regelen/{page}/" for page in pages]


def test_the_letter_has_eleven_articles_and_the_20_percent_limit(content):
    for lang, tool in tools(content, "letter"):
        assert len(tool.letter.articles) == 11
        assert tool.field("percentage").max == 20 and tool.field("percentage").max_message


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_word_letter_opens_and_holds_every_article_with_marked_blanks(content, frozen_site, lang):
    tool = next(t for code, t in tools(content, "letter") if code == lang)
    path = frozen_site / lang / tool.section / tool.id / f"{tool.id}.docx"
    document = Document(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    for article in tool.letter.articles:
        assert article.title in text
    highlighted = [r for p in document.paragraphs for r in p.runs if r.font.highlight_color is not None]
    assert any(r.text.startswith("[") for r in highlighted)


def letter_blanks(tool) -> set[str]:
    paragraphs = tool.letter.opening + tool.letter.closing + tuple(p for a in tool.letter.articles for p in a.text)
    used = {part.field for p in paragraphs for part in p.parts if not isinstance(part, str)}
    return {tool.field(name).blank for name in used | set(tool.letter.signatures)}


def marked_runs(document) -> list[str]:
    cells = [p for table in document.tables for cell in table._cells for p in cell.paragraphs]
    return [r.text for p in list(document.paragraphs) + cells for r in p.runs if r.font.highlight_color is not None]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_blank_of_the_word_letter_is_one_marked_run_of_exactly_its_blank(content, lang):
    """What letter-docx.js relies on: a blank is never split over runs nor merged with the text around it."""
    tool = next(t for code, t in tools(content, "letter") if code == lang)
    document = Document(io.BytesIO(letter_document(tool, "Article")))
    marked = marked_runs(document)
    assert set(marked) == letter_blanks(tool)
    assert marked.count(tool.field("organisatie").blank) == 4  # opening (2), Tasks, Confidentiality


def fill_in_node(docx: bytes, values: dict, tmp_path) -> bytes:
    """The Word file filled exactly as the browser fills it: letter-docx.js, loaded by Node."""
    (tmp_path / "blank.docx").write_bytes(docx)
    script = (f"const fs = require('fs'); const docx = require({json.dumps(str(LETTER_JS))});"
              f"const file = fs.readFileSync({json.dumps(str(tmp_path / 'blank.docx'))});"
              f"docx.filledDocx(file.buffer.slice(file.byteOffset, file.byteOffset + file.length), "
              f"{json.dumps(values)}).then(blob => blob.arrayBuffer())"
              f".then(data => fs.writeFileSync({json.dumps(str(tmp_path / 'filled.docx'))}, Buffer.from(data)));")
    subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return (tmp_path / "filled.docx").read_bytes()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_letter_docx_js_fills_every_blank_and_escapes_what_was_typed(content, lang, tmp_path):
    tool = next(t for code, t in tools(content, "letter") if code == lang)
    blank = letter_document(tool, "Article")
    values = {field.blank: f"{field.id} <b>&amp; \u0001\"'" for field in tool.fields}
    values.pop(tool.field("plaats").blank)  # left empty: stays a marked blank
    filled = fill_in_node(blank, values, tmp_path)
    archive = zipfile.ZipFile(io.BytesIO(filled))
    assert archive.testzip() is None  # every part's checksum is right
    assert archive.namelist() == zipfile.ZipFile(io.BytesIO(blank)).namelist()
    document = Document(io.BytesIO(filled))
    text = "\n".join(p.text for p in document.paragraphs)
    for field in tool.fields:
        if field.id != "plaats":
            assert f"{field.id} <b>&amp; \"'" in text  # escaped on the way in, the control character gone
    assert marked_runs(document) == [tool.field("plaats").blank]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_word_report_scheme_opens_with_its_four_parts_and_count_tables(content, frozen_site, lang):
    tool = next(t for code, t in tools(content, "report") if code == lang)
    path = frozen_site / lang / tool.section / tool.id / f"{tool.id}.docx"
    document = Document(io.BytesIO(path.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    for part in tool.parts:
        assert part.title in text
    assert len(document.tables) == sum(len(p.tables) for p in tool.parts)


def toy_with(tmp_path, tool_yaml: str) -> list[str]:
    shutil.copytree(PROJECT / "tests" / "fixtures" / "content", tmp_path / "content")
    for lang in ("nl", "en"):
        (tmp_path / "content" / lang / "demo" / "brief.yml").write_text(tool_yaml, encoding="utf-8")
        section = tmp_path / "content" / lang / "demo" / "_section.yml"
        section.write_text(section.read_text(encoding="utf-8").replace("items: [vragen, uitleg]",
                                                                     "items: [vragen, uitleg, brief]"))
    try:
        create_app({"CONTENT_DIR": tmp_path / "content"})
    except ContentError as error:
        return [str(p) for p in error.problems if "/nl/" in p.file]
    return []


LETTER = """tool: letter
title: Brief
summary: Een brief.
intro: Vul in.
sources: [G6]
fields:
  - {id: naam, kind: text, label: Naam}
  - {id: deel, kind: percentage, label: Deel, max: 20, max-message: Hooguit 20.}
letter:
  heading: Aanstelling
  opening: Hierbij stellen wij {naam} aan.
  articles:
    - title: Tijd
      text: Hooguit {deel}% van de tijd.
  closing: Getekend.
  signatures: [naam]
"""


def test_a_valid_toy_letter_loads(tmp_path):
    assert toy_with(tmp_path, LETTER) == []


@pytest.mark.parametrize("change, expected", [
    (("{naam} aan", "{nam} aan"),
     "content/nl/demo/brief.yml:11 letter.opening: unknown placeholder '{nam}' (fields: deel, naam)"),
    (("max: 20, max-message: Hooguit 20.", "max: 20"),
     "content/nl/demo/brief.yml:8 fields[1]: give 'max' and 'max-message' together: the message says why the "
     "limit is there"),
    (("kind: text", "kind: tekst"),
     "content/nl/demo/brief.yml:7 fields[0].kind: expected one of text, longtext, number, date, percentage, "
     "found text 'tekst'"),
    (("tool: letter", "tool: brief"),
     "content/nl/demo/brief.yml:1 tool: expected one of checklist, letter, report, found text 'brief'"),
    (("signatures: [naam]", "signatures: [naam, getuige]"),
     "content/nl/demo/brief.yml:16 letter.signatures[1]: unknown field 'getuige' (fields: deel, naam)"),
])
def test_each_kind_of_bad_tool_content_gets_its_exact_message(tmp_path, change, expected):
    assert toy_with(tmp_path, LETTER.replace(*change)) == [expected]


REPORT = """tool: report
title: Verslag
summary: Een verslag.
intro: Vul in.
sources: [V5]
heading: Verslag {jaar}
identifying:
  words: [afdeling]
  titles: [mevrouw]
parts:
  - id: cijfers
    title: Cijfers
    fields:
      - {id: jaar, kind: number, label: Jaar}
      - {id: meldingen, kind: number, label: Meldingen}
      - {id: toelichting, kind: longtext, label: Toelichting}
    tables:
      - {id: soort, title: Soort, total: meldingen, rows: [{id: a, label: A}, {id: b, label: B}]}
"""


def test_a_valid_toy_report_loads(tmp_path):
    assert toy_with(tmp_path, REPORT) == []


@pytest.mark.parametrize("change, expected", [
    (("total: meldingen", "total: toelichting"),
     "content/nl/demo/brief.yml:18 parts[0].tables[0].total: expected the id of a number field (jaar, meldingen), "
     "found 'toelichting'"),
    (("heading: Verslag {jaar}", "heading: Verslag {jr}"),
     "content/nl/demo/brief.yml:6 heading: unknown placeholder '{jr}' (fields: jaar, meldingen, toelichting)"),
    (("  titles: [mevrouw]\n", ""), "content/nl/demo/brief.yml:7 identifying: missing field 'titles'"),
])
def test_each_kind_of_bad_report_content_gets_its_exact_message(tmp_path, change, expected):
    assert toy_with(tmp_path, REPORT.replace(*change)) == [expected]
