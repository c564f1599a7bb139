"""A topic page: content/<lang>/<section>/<id>.md, YAML front matter and a Markdown body."""

from __future__ import annotations

import re
from pathlib import Path

from . import schema
from .fields import MISSING, Fields
from .model import Bar, Chart, Topic
from .reader import Reader
from .shared import use_shared
from .yamlread import Document, Problem, describe, read_yaml

INCLUDE = re.compile(r"^\{\{block ([a-z0-9]+(?:-[a-z0-9]+)*)\}\}[ \t]*$")  # a topic line that shows a shared block


def read_topic(reader: Reader, lang: str, section: str, path: Path) -> Topic | None:
    text = reader.read_text(path)
    if text is None:
        return None
    file = reader.display(path)
    lines = text.split("\n")
    if lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
        reader.problems.append(Problem(file, 1, "", "expected front matter: a first line '---', the fields "
                                       "title, summary and sources, and a closing line '---'"))
        return None
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    doc = read_yaml("\n".join(lines[1:end]), file, reader.problems, first_line=2)
    if doc is None:
        return None
    f = reader.fields(doc)
    data = f.fields((), doc.data, *schema.TOPIC)
    if data is None:
        return None
    html = body(reader, lang, f, lines, end + 1)
    checked = f.date(("checked",), data["checked"]) if "checked" in data else None
    sources = f.sources(("sources",), data.get("sources"))
    charts = read_charts(f, ("charts",), data["charts"]) if "charts" in data else ()
    topic = Topic(path.stem, section, f.text(("title",), data.get("title")),
                  f.text(("summary",), data.get("summary")), html, sources, checked, charts,
                  f.flag(data, (), "show_organisation"))
    reader.keep(lang, path, doc, topic)
    return topic


def body(reader: Reader, lang: str, f: Fields, lines: list[str], start: int) -> str | None:
    """The Markdown after the front matter; a line {{block id}} stands for that shared block."""
    parts, run_start = [], start

    def flush(stop: int):
        text = "\n".join(lines[run_start:stop])
        if text.strip():
            parts.append(reader.markdown(lang, f, ("body",), text, first_line=run_start + 1))

    for i in range(start, len(lines)):
        found = INCLUDE.match(lines[i].strip())
        if found:
            flush(i)
            run_start = i + 1
            at_line = Fields(Document(f.doc.file, None, {(): i + 1}), f.problems)
            shared = use_shared(reader, lang, at_line, ("body",), found.group(1))
            parts.append(shared.html if shared else None)
    flush(len(lines))
    if not parts:
        return reader.markdown(lang, f, ("body",), "", first_line=start + 1)
    return None if None in parts else "".join(parts)


def read_charts(f: Fields, path: tuple, raw) -> tuple[Chart, ...]:
    if not isinstance(raw, list) or not raw:
        f.problem(path, f"expected a list of charts, found {describe(raw)}")
        return ()
    charts = []
    for i, item in enumerate(raw):
        data = f.fields(path + (i,), item, *schema.CHART)
        if data is None:
            continue
        unit = data["unit"]
        if unit is not MISSING and not isinstance(unit, str):
            f.problem(path + (i, "unit"), f"expected a unit like '%' or 'mensen', found {describe(unit)}")
            unit = ""
        raw_bars = data["bars"]
        if raw_bars is not MISSING and (not isinstance(raw_bars, list) or not raw_bars):
            f.problem(path + (i, "bars"), f"expected a list of bars with label and value, found {describe(raw_bars)}")
            raw_bars = []
        bars = [bar for b, raw_bar in enumerate(raw_bars if raw_bars is not MISSING else [])
                if (bar := read_bar(f, path + (i, "bars", b), raw_bar, unit)) is not None]
        chart_id = f.identifier(path + (i, "id"), data["id"], "a chart id")
        title = f.text(path + (i, "title"), data["title"])
        source = f.text(path + (i, "source"), data["source"])
        if bars:
            charts.append(Chart(chart_id, title, unit if isinstance(unit, str) else "", source, tuple(bars)))
    return tuple(charts)


def read_bar(f: Fields, path: tuple, raw, unit) -> Bar | None:
    data = f.fields(path, raw, *schema.BAR)
    if data is None:
        return None
    value = data["value"]
    if value is MISSING:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        f.problem(path + ("value",), f"expected a number of 0 or more, found {describe(value)}")
        return None
    if unit == "%" and value > 100:
        f.problem(path + ("value",), f"expected a percentage of at most 100, found {value}")
        return None
    return Bar(f.text(path + ("label",), data["label"]), float(value))
