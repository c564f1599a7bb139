"""An interactive check: content/<lang>/<section>/<id>.yml with questions and outcomes (nodes)."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from . import schema
from .fields import MISSING, Fields
from .model import Block, Check, Option, Outcome, Question
from .reader import Reader
from .shared import use_shared
from .validate import check_routes
from .yamlread import Document, describe

CODE = re.compile(r"^[a-z][a-z0-9]{0,7}$")


def read_check(reader: Reader, lang: str, section: str, path: Path, doc: Document) -> Check | None:
    """The check, or None when a node cannot be read.

    Its routes are checked here in the reference language; a twin's routes only when it cannot be
    compared with the reference (parity.py), since a difference in structure says more than its effects.
    """
    f = reader.fields(doc)
    data = f.fields((), doc.data, *schema.CHECK)
    if data is None:
        return None
    raw_nodes = data["nodes"]
    nodes = {}
    if raw_nodes is MISSING:
        raw_nodes = {}
    elif not isinstance(raw_nodes, dict) or not raw_nodes:
        f.problem(("nodes",), f"expected a mapping of node ids to questions and outcomes, found {describe(raw_nodes)}")
        raw_nodes = {}
    for node_id, raw in raw_nodes.items():
        if f.identifier(("nodes", node_id), node_id, "a node id") is None:
            continue
        node = read_node(reader, lang, f, ("nodes", node_id), node_id, raw)
        if node is not None:
            nodes[node_id] = node
    sources = f.sources(("sources",), data.get("sources"))
    check = Check(path.stem, section, f.text(("title",), data.get("title")), f.text(("summary",), data.get("summary")),
                  reader.markdown(lang, f, ("intro",), data.get("intro")), sources, data.get("start"),
                  MappingProxyType(nodes), f.date(("checked",), data["checked"]) if "checked" in data else None)
    if len(nodes) < len(raw_nodes):  # routes only make sense over a complete set of nodes
        return None
    reader.keep(lang, path, doc, check)
    if lang == reader.reference:
        check_routes(check, doc, reader.problems, reader.advice)
    else:
        reader.twin_checks.append((check, doc))
    return check


def read_node(reader: Reader, lang: str, f: Fields, path: tuple, node_id: str, raw):
    kind = raw.get("type") if isinstance(raw, dict) else None
    if kind == "question":
        data = f.fields(path, raw, *schema.QUESTION)
        hint = reader.optional_markdown(lang, f, data, path, "hint")
        options = read_options(f, path + ("options",), data.get("options"))
        if options is None:
            return None
        return Question(node_id, f.text(path + ("title",), data.get("title")), hint, options)
    if kind == "outcome":
        data = f.fields(path, raw, *schema.OUTCOME)
        sources = f.sources(path + ("sources",), data.get("sources"))
        advice = f.optional_text(data, path, "advice")
        blocks = read_blocks(reader, lang, f, path + ("blocks",), data.get("blocks"))
        return Outcome(node_id, f.text(path + ("title",), data.get("title")), blocks, sources, advice,
                       f.flag(data, path, "show_organisation"))
    f.problem(path + ("type",) if isinstance(raw, dict) else path,
              f"expected type 'question' or 'outcome', found {describe(kind)}")
    return None


def read_options(f: Fields, path: tuple, raw) -> tuple[Option, ...] | None:
    if raw is MISSING:
        return None
    if not isinstance(raw, list) or not raw:
        found = "no options" if raw in (None, []) else describe(raw)
        f.problem(path, f"dead end: a question needs options that lead on (only an outcome may end a route), "
                        f"found {found}")
        return None
    if len(raw) < 2:
        f.problem(path, "expected at least two options, found 1: a question with one answer is not a question")
    options, seen = [], {}
    for i, item in enumerate(raw):
        data = f.fields(path + (i,), item, *schema.OPTION)
        if data is None or data["code"] is MISSING:
            continue
        code = data["code"]
        if not (isinstance(code, str) and CODE.match(code)):
            f.problem(path + (i, "code"), f"expected a short neutral code like 'a1' (a letter, then letters or "
                                          f"digits), found {describe(code)}")
            continue
        if code in seen:
            f.problem(path + (i, "code"), f"duplicate code '{code}' (also options[{seen[code]}])")
            continue
        seen[code] = i
        label = f.text(path + (i, "label"), data.get("label"))
        hint = f.optional_text(data, path + (i,), "hint")
        target = data["next"]
        if target is MISSING:
            continue
        if not isinstance(target, str):
            f.problem(path + (i, "next"), f"expected a node id, found {describe(target)}")
            continue
        options.append(Option(code, label, hint, target))
    return tuple(options)


# What a lead block (the panel's answer) may not hold: it is a sentence or two, not a part of the page.
LEAD_MARKUP = re.compile(r"<(?:h[1-6]|ul|ol|table|blockquote|pre)\b")


def read_blocks(reader: Reader, lang: str, f: Fields, path: tuple, raw) -> tuple[Block, ...]:
    if raw is MISSING:
        return ()
    if not isinstance(raw, list) or not raw:
        f.problem(path, f"expected a list of blocks with text, found {describe(raw)}")
        return ()
    blocks, seen = [], {}
    for i, item in enumerate(raw):
        data = f.fields(path + (i,), item, *schema.BLOCK)
        if data is None:
            continue
        when = read_when(f, path + (i, "when"), data["when"]) if "when" in data else {}
        sources = f.sources(path + (i, "sources"), data["sources"]) if "sources" in data else ()
        if ("text" in data) == ("use" in data):
            f.problem(path + (i,), "expected either 'text' (the block's own Markdown) or 'use' (a shared block's "
                                   f"id), found {'both' if 'text' in data else 'neither'}")
            if isinstance(data.get("use"), str):  # it is used, so do not also report it as unused
                reader.shared_used[lang].add(data["use"])
            continue
        if "use" in data:
            shared = use_shared(reader, lang, f, path + (i, "use"), data["use"])
            html, sources = (shared.html, shared.sources + sources) if shared else (None, sources)
            block_id = data.get("id", data["use"])
        else:
            html = reader.markdown(lang, f, path + (i, "text"), data["text"])
            block_id = data.get("id")
        if "id" in data and f.identifier(path + (i, "id"), data["id"], "a block id") is None:
            block_id = None
        if block_id is not None and block_id in seen:
            f.problem(path + (i, "id"), f"duplicate block id '{block_id}' (also blocks[{seen[block_id]}])")
        elif block_id is not None:
            seen[block_id] = i
        lead = f.flag(data, path + (i,), "lead")
        if lead and html is not None and LEAD_MARKUP.search(html):
            f.problem(path + (i, "lead"), "a lead block is the answer in the panel at the top of the page: "
                                          "one or two sentences, without a heading, list or table")
        if lead and blocks and not blocks[-1].lead:
            f.problem(path + (i, "lead"), "lead blocks come first: the panel opens the page, so its blocks "
                                          "stand before every other block of the outcome")
        blocks.append(Block(html, MappingProxyType(when), sources, block_id, data.get("use"), lead))
    return tuple(blocks)


def read_when(f: Fields, path: tuple, raw) -> dict:
    if not isinstance(raw, dict) or not raw:
        f.problem(path, f"expected a mapping of question ids to lists of option codes, found {describe(raw)}")
        return {}
    when = {}
    for question, codes in raw.items():
        if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
            f.problem(path + (question,), f"expected a list of option codes like [a1, a2], found {describe(codes)}")
            continue
        when[question] = frozenset(codes)
    return when
