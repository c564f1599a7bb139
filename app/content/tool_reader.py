"""A tool file: a section item with `tool: checklist | letter | report` (the model is in tools.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import schema
from .fields import MISSING, Fields
from .reader import Reader
from .tools import (FIELD_KINDS, KINDS, PLACEHOLDER, Article, CountTable, Field, Identifying, Letter, Part, Point,
                    Tool, parse_text)
from .yamlread import Document, describe


def read_tool(reader: Reader, lang: str, section: str, path: Path, doc: Document) -> Tool | None:
    f = reader.fields(doc)
    kind = doc.data["tool"]
    if kind not in KINDS:
        f.problem(("tool",), f"expected one of {', '.join(KINDS)}, found {describe(kind)}")
        return None
    required, optional = schema.TOOL_SHAPES[kind]
    data = f.fields((), doc.data, schema.TOOL[0] + required, optional)
    tool = Tool(path.stem, section, kind, f.text(("title",), data["title"]), f.text(("summary",), data["summary"]),
                reader.markdown(lang, f, ("intro",), data["intro"]), f.sources(("sources",), data["sources"]))
    if kind == "checklist":
        tool = replace(tool, points=read_points(reader, lang, f, ("points",), data["points"]))
    elif kind == "letter":
        fields = read_form_fields(f, ("fields",), data["fields"])
        tool = replace(tool, fields=fields, letter=read_letter(f, ("letter",), data["letter"], fields))
    else:
        tool = read_report(f, data, replace(tool, parts=read_parts(f, ("parts",), data["parts"])))
    ids = [field.id for field in tool.all_fields]
    for field_id in sorted({i for i in ids if ids.count(i) > 1}):
        f.problem((), f"duplicate field id '{field_id}'")
    reader.keep(lang, path, doc, tool)
    return tool


def read_points(reader: Reader, lang: str, f: Fields, path: tuple, raw) -> tuple[Point, ...]:
    points = []
    for i, data in f.each(path, raw, "points", schema.POINT):
        point_id = f.identifier(path + (i, "id"), data["id"], "a point id")
        link = f.text(path + (i, "link"), data["link"])
        if link:
            reader.link(lang, f, path + (i, "link"), link)
        points.append(Point(point_id, f.text(path + (i, "title"), data["title"]),
                            f.text(path + (i, "text"), data["text"]), link))
    return tuple(points)


def read_form_fields(f: Fields, path: tuple, raw) -> tuple[Field, ...]:
    fields = []
    for i, data in f.each(path, raw, "form fields", schema.FIELD):
        kind = data["kind"]
        if kind is not MISSING and kind not in FIELD_KINDS:
            f.problem(path + (i, "kind"), f"expected one of {', '.join(FIELD_KINDS)}, found {describe(kind)}")
        maximum = data.get("max")
        if maximum is not None and (isinstance(maximum, bool) or not isinstance(maximum, (int, float))):
            f.problem(path + (i, "max"), f"expected a number, found {describe(maximum)}")
            maximum = None
        if (maximum is None) != ("max-message" not in data):
            f.problem(path + (i,), "give 'max' and 'max-message' together: the message says why the limit is there")
        fields.append(Field(f.identifier(path + (i, "id"), data["id"], "a field id"), kind,
                            f.text(path + (i, "label"), data["label"]), f.optional_text(data, path + (i,), "hint"),
                            maximum, f.optional_text(data, path + (i,), "max-message")))
    return tuple(fields)


def letter_text(f: Fields, path: tuple, raw, known: set[str]) -> tuple:
    text = f.text(path, raw)
    if text is None:
        return ()
    for name in PLACEHOLDER.findall(text):
        if name not in known:
            f.problem(path, f"unknown placeholder '{{{name}}}' (fields: {', '.join(sorted(known))})")
    return parse_text(text)


def read_letter(f: Fields, path: tuple, raw, fields: tuple[Field, ...]) -> Letter | None:
    data = f.fields(path, raw, *schema.LETTER)
    if data is None:
        return None
    known = {field.id for field in fields}
    articles = []
    for i, article in f.each(path + ("articles",), data["articles"], "articles", schema.ARTICLE):
        articles.append(Article(f.text(path + ("articles", i, "title"), article["title"]),
                                letter_text(f, path + ("articles", i, "text"), article["text"], known)))
    signatures = data["signatures"] if isinstance(data["signatures"], list) else []
    for i, name in enumerate(signatures):
        if name not in known:
            f.problem(path + ("signatures", i), f"unknown field '{name}' (fields: {', '.join(sorted(known))})")
    return Letter(f.text(path + ("heading",), data["heading"]), letter_text(f, path + ("opening",), data["opening"], known),
                  tuple(articles), letter_text(f, path + ("closing",), data["closing"], known), tuple(signatures))


def read_report(f: Fields, data: dict, tool: Tool) -> Tool:
    """The report's heading and word lists, and the tables' totals, once all its fields are known."""
    known = {field.id for field in tool.all_fields}
    heading = letter_text(f, ("heading",), data["heading"], known)
    for p, part in enumerate(tool.parts):
        for t, table in enumerate(part.tables):
            field = tool.field(table.total) if table.total else None
            if table.total and (field is None or field.kind != "number"):
                numbers = sorted(field.id for field in tool.all_fields if field.kind == "number")
                f.problem(("parts", p, "tables", t, "total"), f"expected the id of a number field "
                                                              f"({', '.join(numbers)}), found '{table.total}'")
    identifying = None
    if "identifying" in data:
        found = f.fields(("identifying",), data["identifying"], *schema.IDENTIFYING)
        if found is not None:
            identifying = Identifying(*(read_words(f, ("identifying", key), found[key])
                                        for key in schema.IDENTIFYING[0]))
    return replace(tool, heading=heading[0].parts if heading else (), identifying=identifying)


def read_words(f: Fields, path: tuple, raw) -> tuple[str, ...]:
    return tuple(word for i, item in enumerate(f.items_of(path, raw, "words"))
                 if (word := f.text(path + (i,), item)) is not None)


def read_parts(f: Fields, path: tuple, raw) -> tuple[Part, ...]:
    parts = []
    for i, data in f.each(path, raw, "parts", schema.PART):
        fields = read_form_fields(f, path + (i, "fields"), data["fields"]) if "fields" in data else ()
        tables = tuple(read_table(f, path + (i, "tables", t), table)
                       for t, table in f.each(path + (i, "tables"), data.get("tables", MISSING), "tables", schema.TABLE))
        parts.append(Part(f.identifier(path + (i, "id"), data["id"], "a part id"), f.text(path + (i, "title"), data["title"]),
                          f.optional_text(data, path + (i,), "text"), fields, tables))
    return tuple(parts)


def read_table(f: Fields, path: tuple, data: dict) -> CountTable:
    rows = [(f.identifier(path + ("rows", r, "id"), row["id"]), f.text(path + ("rows", r, "label"), row["label"]))
            for r, row in f.each(path + ("rows",), data["rows"], "rows", schema.ROW)]
    return CountTable(f.identifier(path + ("id",), data["id"]), f.text(path + ("title",), data["title"]), tuple(rows),
                      f.identifier(path + ("total",), data["total"], "a field id") if "total" in data else None)
