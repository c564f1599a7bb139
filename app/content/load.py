"""Read content/ into the model, collecting every problem instead of stopping at the first.

An editor fixes content faster from one complete list than from a loop of fix-one-rerun, so each
reader records what is wrong and carries on with whatever it could still read.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from markdown_it import MarkdownIt

from ..advice import ADVICE, Advice
from . import schema
from .organisation import Organisation, read_organisation
from .tools import (FIELD_KINDS, KINDS as TOOL_KINDS, PLACEHOLDER, Article, CountTable, Field, Identifying, Letter,
                    Part, Point, Tool, parse_text)
from .model import Bar, Chart, Block, Check, Content, Edition, Option, Outcome, Question, SearchWords, Section, Topic
from .yamlread import Document, Problem, describe, format_keypath, read_yaml

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE = re.compile(r"^[a-z][a-z0-9]{0,7}$")
SOURCE = re.compile(r"^(?:T(?:[1-9]|10)|W[1-8]|V(?:[1-9]|1[0-5])|G[1-7]|P[1-4])$")
SECTION_FILE = "_section.yml"
BLOCKS_FILE = "_blocks.yml"  # texts used in several places: one wording, kept in one place
SEARCH_FILE = "_search.yml"  # the search's synonyms and stop words
SEARCH_WORD = re.compile(r"^[^\W_](?:[\w'-]| (?! ))*(?<! )$")  # lower-case words, one space between them
INCLUDE = re.compile(r"^\{\{block ([a-z0-9]+(?:-[a-z0-9]+)*)\}\}[ \t]*$")  # a topic line that shows a shared block
SITE_FILE = "site.yml"  # the organisation edition
RESERVED = {"zoeken", "review", "static"}  # addresses of the site's own pages: /<lang>/zoeken/
HOME_FILE = "home.yml"

# Raw HTML off: content is written by editors, but rendered into pages people trust.
MARKDOWN = MarkdownIt("js-default")


def _link_open(renderer, tokens, idx, options, env):
    """Links to other sites tell them nothing: no referrer, even where a host drops the site's policy."""
    if str(tokens[idx].attrGet("href") or "").startswith("https://"):
        tokens[idx].attrSet("rel", "noreferrer")
    return renderer.renderToken(tokens, idx, options, env)


MARKDOWN.add_render_rule("link_open", _link_open)


MISSING = object()  # a required field that fields() has already reported as missing


class ContentError(Exception):
    """The content cannot be served; `problems` says why, one line each."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} content problem(s)")
        self.problems = problems


def load_content(root: Path, languages: tuple[str, ...], display_root: Path | None = None,
                 advice: Mapping[str, Advice] | None = None) -> Content:
    """Read and check all of content/; raise ContentError listing every problem found.

    advice: the functions outcomes may name (default: those of app/advice.py).
    """
    from .validate import check_links, check_parity  # the cross-file checks

    reader = _Reader(root, display_root if display_root is not None else root.parent,
                     ADVICE if advice is None else advice)
    editions = {}
    for lang in languages:
        edition = reader.edition(lang)
        if edition is not None:
            editions[lang] = edition
    if len(editions) == len(languages):
        check_links(editions, reader.links, reader.unreadable, reader.problems)
    check_parity(reader.signatures, reader.files, reader.display(root), languages, reader.problems)
    organisation = reader.organisation(root / SITE_FILE, languages)
    if reader.problems:
        raise ContentError(reader.problems)
    return Content(MappingProxyType(editions), organisation)


def load_organisation(path: Path, languages: tuple[str, ...], display_root: Path) -> Organisation | None:
    """One site.yml on its own (python build.py package a.yml b.yml); raise ContentError on problems."""
    reader = _Reader(path.parent, display_root, ADVICE)
    organisation = reader.organisation(path, languages)
    if reader.problems:
        raise ContentError(reader.problems)
    return organisation


class _Reader:
    def __init__(self, root: Path, display_root: Path, advice: Mapping[str, Advice]):
        self.root = root
        self.advice = advice
        self.display_root = display_root
        self.problems: list[Problem] = []
        self.links: list[tuple[str, Document, tuple, int, str]] = []  # lang, doc, path, line, href
        # (lang, file relative to the language folder) -> {structure key: (value, doc, path)}
        self.signatures: dict[tuple[str, str], dict] = {}
        self.files: dict[tuple[str, str], str] = {}  # (lang, relative path) -> path as displayed
        # (lang, section, item or None) that could not be read: their own problems say why, so links
        # to them are not reported as broken as well.
        self.unreadable: set[tuple[str, str, str | None]] = set()
        # lang -> shared block id -> (html, sources); and the ids something used, to report unused ones
        self.shared: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {}
        self.shared_used: dict[str, set[str]] = {}

    # ---- files ---------------------------------------------------------------------------------

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.display_root))
        except ValueError:
            return str(path)

    def read_text(self, path: Path) -> str | None:
        data = path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.problems.append(Problem(self.display(path), line, "",
                                         f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the "
                                         "file as UTF-8"))
            return None

    def yaml_file(self, path: Path) -> Document | None:
        text = self.read_text(path)
        if text is None:
            return None
        doc = read_yaml(text, self.display(path), self.problems)
        if doc is not None and doc.data is None:
            self.problems.append(Problem(doc.file, 1, "", "the file is empty"))
            return None
        return doc

    def signature(self, lang: str, relative: str, doc: Document) -> dict:
        """The file's structure, for comparison with its twins in the other languages."""
        return self.signatures.setdefault((lang, relative), {"__doc__": (None, doc, ())})

    def register(self, lang: str, path: Path) -> None:
        """Note that the file exists, even if it turns out unreadable, so parity does not call it missing."""
        self.files[(lang, str(path.relative_to(self.root / lang)))] = self.display(path)

    # ---- fields --------------------------------------------------------------------------------

    def fields(self, doc: Document, path: tuple, value, required: tuple, optional: tuple = ()):
        """value as a mapping with the required keys and no unknown ones; None if not a mapping."""
        if not isinstance(value, dict):
            self.problems.append(doc.problem(path, f"expected a mapping with {', '.join(required)}, "
                                                   f"found {describe(value)}"))
            return None
        known = required + optional
        for key in value:
            if key not in known:
                self.problems.append(doc.problem(path + (key,), f"unknown field '{key}' (expected one "
                                                                f"of: {', '.join(known)})"))
        for key in required:
            if key not in value:
                self.problems.append(doc.problem(path, f"missing field '{key}'"))
        return {**{key: MISSING for key in required}, **value}

    def text(self, doc: Document, path: tuple, value) -> str | None:
        if value is MISSING:
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        found = "empty text" if isinstance(value, str) else describe(value)
        self.problems.append(doc.problem(path, f"expected text, found {found}"))
        return None

    def identifier(self, doc: Document, path: tuple, value, what: str = "an id") -> str | None:
        if value is MISSING:
            return None
        if isinstance(value, str) and ID.match(value):
            return value
        self.problems.append(doc.problem(path, f"expected {what} of lower-case letters, digits and "
                                               f"hyphens, found {describe(value)}"))
        return None

    def sources(self, doc: Document, path: tuple, value) -> tuple[str, ...]:
        if value is MISSING:
            return ()
        if not isinstance(value, list) or not value:
            self.problems.append(doc.problem(path, f"expected a list of inventory IDs like [W1, T4], "
                                                   f"found {describe(value)}"))
            return ()
        found = []
        for i, item in enumerate(value):
            if isinstance(item, str) and SOURCE.match(item):
                found.append(item)
            else:
                self.problems.append(doc.problem(path + (i,), f"expected an inventory ID (T1-T10, W1-W8, "
                                                              f"V1-V15, G1-G7, P1-P4), found {describe(item)}"))
        return tuple(found)

    def markdown(self, lang: str, doc: Document, path: tuple, value, first_line: int | None = None) -> str | None:
        text = self.text(doc, path, value)
        if text is None:
            return None
        if first_line is None:  # a YAML block scalar starts on the line after its key
            key_line = doc.line(path) or 1
            first_line = key_line + 1 if "\n" in text else key_line
        tokens = MARKDOWN.parse(text)
        for token in tokens:
            line = first_line + (token.map[0] if token.map else 0)
            if token.type == "heading_open" and token.tag == "h1":
                self.problems.append(Problem(doc.file, line, format_keypath(path),
                                             "heading level 1 ('# '): the page title is the only level-1 "
                                             "heading, start at '## '"))
            for child in token.children or ():
                if child.type == "link_open":
                    self.links.append((lang, doc, path, line, str(child.attrGet("href") or "")))
        return MARKDOWN.renderer.render(tokens, MARKDOWN.options, {})

    def organisation(self, path: Path, languages: tuple[str, ...]) -> Organisation | None:
        if not path.is_file():
            return None
        text = self.read_text(path)
        doc = read_yaml(text, self.display(path), self.problems) if text is not None else None
        return read_organisation(doc, languages, self.problems, path.parent) if doc is not None else None

    def flag(self, doc: Document, path: tuple, data: dict, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problems.append(doc.problem(path + (key,), f"expected true or false, found {describe(value)}"))
            return False
        return value

    # ---- the language edition --------------------------------------------------------------------

    def edition(self, lang: str) -> Edition | None:
        folder = self.root / lang
        if not folder.is_dir():
            self.problems.append(Problem(self.display(folder), None, "", "missing language folder"))
            return None
        home = self.home(lang, folder / HOME_FILE)
        shared_doc = self.shared_blocks(lang, folder / BLOCKS_FILE)
        search = self.search_words(lang, folder / SEARCH_FILE)
        sections = {}
        for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
            section = self.section(lang, sub)
            if section is not None:
                sections[section.id] = section
            else:
                self.unreadable.add((lang, sub.name, None))
        if shared_doc is not None:
            for block_id in self.shared[lang]:
                if block_id not in self.shared_used[lang]:
                    self.problems.append(shared_doc.problem((block_id,), f"shared block '{block_id}' is used "
                                                                         f"nowhere: use it or delete it"))
        if home is None:
            return None
        title, intro, roles, footer, doc = home
        for i, role in enumerate(roles):
            if role not in sections:
                self.problems.append(doc.problem(("roles", i), f"unknown section '{role}' (known: "
                                                               f"{', '.join(sorted(sections))})"))
        return Edition(lang, title, intro, roles, footer, MappingProxyType(sections), search)

    def shared_blocks(self, lang: str, path: Path) -> Document | None:
        """content/<lang>/_blocks.yml: id -> text (and sources), for outcomes (`use:`) and topics."""
        self.shared[lang], self.shared_used[lang] = {}, set()
        if not path.is_file():
            return None
        self.register(lang, path)
        doc = self.yaml_file(path)
        if doc is None:
            return None
        if not isinstance(doc.data, dict):
            self.problems.append(doc.problem((), f"expected a mapping of block ids to blocks with text, "
                                                 f"found {describe(doc.data)}"))
            return None
        sig = self.signature(lang, BLOCKS_FILE, doc)
        for block_id, raw in doc.data.items():
            if self.identifier(doc, (block_id,), block_id, "a block id") is None:
                continue
            data = self.fields(doc, (block_id,), raw, *schema.SHARED_BLOCK)
            if data is None:
                continue
            sources = self.sources(doc, (block_id, "sources"), data["sources"]) if "sources" in data else ()
            html = self.markdown(lang, doc, (block_id, "text"), data["text"])
            sig[(block_id,)] = (sources, doc, (block_id,))
            if html is not None:
                self.shared[lang][block_id] = (html, sources)
        return doc

    def search_words(self, lang: str, path: Path) -> SearchWords:
        """content/<lang>/_search.yml: synonym groups (id -> words) and stop words, for the search."""
        if not path.is_file():
            return SearchWords()
        self.register(lang, path)
        doc = self.yaml_file(path)
        data = self.fields(doc, (), doc.data, *schema.SEARCH) if doc is not None else None
        if data is None:
            return SearchWords()
        sig = self.signature(lang, SEARCH_FILE, doc)
        groups, group_of = [], {}
        raw_groups = data["synonyms"]
        if raw_groups is not MISSING and not isinstance(raw_groups, dict):
            self.problems.append(doc.problem(("synonyms",), f"expected a mapping of group ids to lists of "
                                                            f"words, found {describe(raw_groups)}"))
        elif raw_groups is not MISSING:
            for group_id, words in raw_groups.items():
                path_ = ("synonyms", group_id)
                if self.identifier(doc, path_, group_id, "a group id") is None:
                    continue
                sig[path_] = (True, doc, path_)  # the same groups in every language; the words differ
                found = self.search_word_list(doc, path_, words, at_least=2)
                for i, word in enumerate(found):
                    if word in group_of:
                        self.problems.append(doc.problem(path_ + (i,), f"'{word}' is already in group "
                                                                       f"'{group_of[word]}': a word belongs "
                                                                       f"to one group"))
                    group_of.setdefault(word, group_id)
                groups.append(found)
        stopwords = self.search_word_list(doc, ("stopwords",), data["stopwords"], at_least=1)
        sig[("stopwords",)] = (True, doc, ("stopwords",))
        return SearchWords(tuple(groups), frozenset(stopwords))

    def search_word_list(self, doc: Document, path: tuple, value, at_least: int) -> tuple[str, ...]:
        """A list of lower-case words (or short phrases); problems for anything else."""
        if value is MISSING:
            return ()
        if not isinstance(value, list) or len(value) < at_least:
            found = f"{len(value)} word(s)" if isinstance(value, list) else describe(value)
            self.problems.append(doc.problem(path, f"expected a list of at least {at_least} word(s), found "
                                                   f"{found}"))
            return ()
        found = []
        for i, word in enumerate(value):
            if isinstance(word, str) and SEARCH_WORD.match(word) and word == word.lower():
                found.append(word)
            else:
                self.problems.append(doc.problem(path + (i,), f"expected a word in lower case (letters, "
                                                              f"digits, ' and -; phrases with single "
                                                              f"spaces), found {describe(word)}"))
        return tuple(found)

    def use_shared(self, lang: str, doc: Document, path: tuple, block_id) -> tuple[str, tuple[str, ...]] | None:
        """The shared block named at path, marked as used; None (and a problem) when there is none."""
        if self.identifier(doc, path, block_id, "a shared block id") is None:
            return None
        found = self.shared.get(lang, {}).get(block_id)
        if found is None:
            known = ", ".join(sorted(self.shared.get(lang, {}))) or f"none: {BLOCKS_FILE} has no blocks"
            self.problems.append(doc.problem(path, f"unknown shared block '{block_id}' (known: {known})"))
            return None
        self.shared_used[lang].add(block_id)
        return found

    def home(self, lang: str, path: Path):
        if not path.is_file():
            self.problems.append(Problem(self.display(path), None, "", "missing file"))
            return None
        self.register(lang, path)
        doc = self.yaml_file(path)
        if doc is None:
            return None
        data = self.fields(doc, (), doc.data, *schema.HOME)
        if data is None:
            return None
        roles = data["roles"]
        if roles is MISSING:
            roles = []
        elif not isinstance(roles, list) or not roles:
            self.problems.append(doc.problem(("roles",), f"expected a list of section ids, found {describe(roles)}"))
            roles = []
        roles = tuple(r for i, r in enumerate(roles) if self.identifier(doc, ("roles", i), r))
        sig = self.signature(lang, HOME_FILE, doc)
        sig["roles"] = (roles, doc, ("roles",))
        footer = data.get("footer", [])
        if not isinstance(footer, list) or not all(isinstance(a, str) for a in footer):
            self.problems.append(doc.problem(("footer",), f"expected a list of addresses like "
                                                          f"/over/veiligheid/, found {describe(footer)}"))
            footer = []
        for i, address in enumerate(footer):
            self.links.append((lang, doc, ("footer", i), doc.line(("footer", i)), address))
        sig["footer"] = (tuple(footer), doc, ("footer",))
        title = self.text(doc, ("title",), data.get("title"))
        intro = self.markdown(lang, doc, ("intro",), data.get("intro"))
        return title, intro, roles, tuple(footer), doc

    def section(self, lang: str, folder: Path) -> Section | None:
        index = folder / SECTION_FILE
        section_id = folder.name
        if section_id in RESERVED:
            self.problems.append(Problem(self.display(folder), None, "", f"'{section_id}' is an address the "
                                         f"site itself uses: choose another folder name"))
            return None
        if not ID.match(section_id):
            self.problems.append(Problem(self.display(folder), None, "", "a folder name is an address: use "
                                         "lower-case letters, digits and hyphens"))
            return None
        if not index.is_file():
            self.problems.append(Problem(self.display(index), None, "", "missing file: every section folder "
                                         "needs one"))
            return None
        self.register(lang, index)
        doc = self.yaml_file(index)
        if doc is None:
            return None
        data = self.fields(doc, (), doc.data, *schema.SECTION)
        if data is None:
            return None
        coming = data.get("coming", False)
        if not isinstance(coming, bool):
            self.problems.append(doc.problem(("coming",), f"expected true or false, found {describe(coming)}"))
            coming = False
        listed = data["items"]
        if listed is MISSING:
            listed = []
        elif not isinstance(listed, list):
            self.problems.append(doc.problem(("items",), f"expected a list of the ids of this folder's "
                                                         f"topics and checks, found {describe(listed)}"))
            listed = []
        files = {}
        for path in sorted(folder.iterdir()):
            if path.name == SECTION_FILE:
                continue
            self.register(lang, path)
            if path.suffix not in (".md", ".yml") or not path.is_file():
                self.problems.append(Problem(self.display(path), None, "", "unexpected file: a section holds "
                                             "_section.yml, topics (.md) and checks (.yml)"))
                continue
            if path.stem in files:
                self.problems.append(Problem(self.display(path), None, "",
                                             f"two files with the id '{path.stem}': an id names one page"))
                continue
            files[path.stem] = path
        items = {}
        for i, item_id in enumerate(listed):
            if self.identifier(doc, ("items", i), item_id) is None:
                continue
            if item_id in items:
                self.problems.append(doc.problem(("items", i), f"duplicate id '{item_id}'"))
                continue
            path = files.get(item_id)
            if path is None:
                self.problems.append(doc.problem(("items", i), f"no file '{item_id}.md' or '{item_id}.yml' in "
                                                               f"{self.display(folder)}"))
                continue
            item = (self.topic if path.suffix == ".md" else self.check_or_tool)(lang, section_id, path)
            if item is None:
                self.unreadable.add((lang, section_id, item_id))
            items[item_id] = item
        for stem, path in files.items():
            if stem not in listed:
                self.problems.append(Problem(self.display(path), None, "",
                                             f"not listed in the items of {self.display(index)}"))
        if coming and listed:
            self.problems.append(doc.problem(("items",), "a section marked 'coming: true' lists no items"))
        sig = self.signature(lang, f"{section_id}/{SECTION_FILE}", doc)
        sig["items"] = (tuple(listed), doc, ("items",))
        sig["coming"] = (coming, doc, ("coming",))
        sig["intro"] = ("intro" in data, doc, ("intro",))
        intro = self.markdown(lang, doc, ("intro",), data["intro"]) if "intro" in data else None
        return Section(section_id, self.text(doc, ("title",), data.get("title")),
                       self.text(doc, ("summary",), data.get("summary")), intro,
                       MappingProxyType({k: v for k, v in items.items() if v is not None}), coming)

    # ---- topics --------------------------------------------------------------------------------

    def topic(self, lang: str, section: str, path: Path) -> Topic | None:
        text = self.read_text(path)
        if text is None:
            return None
        file = self.display(path)
        lines = text.split("\n")
        if lines[0].strip() != "---" or "---" not in (line.strip() for line in lines[1:]):
            self.problems.append(Problem(file, 1, "", "expected front matter: a first line '---', the fields "
                                         "title, summary and sources, and a closing line '---'"))
            return None
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        doc = read_yaml("\n".join(lines[1:end]), file, self.problems, first_line=2)
        if doc is None:
            return None
        data = self.fields(doc, (), doc.data, *schema.TOPIC)
        if data is None:
            return None
        html = self.topic_body(lang, doc, lines, end + 1)
        checked = self.date(doc, ("checked",), data["checked"]) if "checked" in data else None
        sources = self.sources(doc, ("sources",), data.get("sources"))
        sig = self.signature(lang, f"{section}/{path.name}", doc)
        sig["sources"] = (sources, doc, ("sources",))
        sig["checked"] = (checked, doc, ("checked",))
        sig["show_organisation"] = (data.get("show_organisation", False), doc, ("show_organisation",))
        charts = self.charts(doc, ("charts",), data["charts"]) if "charts" in data else ()
        sig["charts"] = (tuple((c.id, c.unit, tuple(b.value for b in c.bars)) for c in charts), doc, ("charts",))
        return Topic(path.stem, section, self.text(doc, ("title",), data.get("title")),
                     self.text(doc, ("summary",), data.get("summary")), html, sources, checked, charts,
                     self.flag(doc, (), data, "show_organisation"))

    def topic_body(self, lang: str, doc: Document, lines: list[str], start: int) -> str | None:
        """The Markdown after the front matter; a line {{block id}} stands for that shared block."""
        parts, run_start = [], start

        def flush(stop: int):
            text = "\n".join(lines[run_start:stop])
            if text.strip():
                parts.append(self.markdown(lang, doc, ("body",), text, first_line=run_start + 1))

        for i in range(start, len(lines)):
            found = INCLUDE.match(lines[i].strip())
            if found:
                flush(i)
                run_start = i + 1
                shared = self.use_shared(lang, Document(doc.file, None, {(): i + 1}), ("body",), found.group(1))
                parts.append(shared[0] if shared else None)
        flush(len(lines))
        if not parts:
            return self.markdown(lang, doc, ("body",), "", first_line=start + 1)
        return None if None in parts else "".join(parts)

    def charts(self, doc: Document, path: tuple, raw) -> tuple[Chart, ...]:
        if not isinstance(raw, list) or not raw:
            self.problems.append(doc.problem(path, f"expected a list of charts, found {describe(raw)}"))
            return ()
        charts = []
        for i, item in enumerate(raw):
            data = self.fields(doc, path + (i,), item, *schema.CHART)
            if data is None:
                continue
            unit = data["unit"]
            if unit is not MISSING and not isinstance(unit, str):
                self.problems.append(doc.problem(path + (i, "unit"), f"expected a unit like '%' or 'mensen', "
                                                                    f"found {describe(unit)}"))
                unit = ""
            bars = []
            raw_bars = data["bars"]
            if raw_bars is not MISSING and (not isinstance(raw_bars, list) or not raw_bars):
                self.problems.append(doc.problem(path + (i, "bars"), f"expected a list of bars with label and "
                                                                    f"value, found {describe(raw_bars)}"))
                raw_bars = []
            for b, bar in enumerate(raw_bars if raw_bars is not MISSING else []):
                bar_data = self.fields(doc, path + (i, "bars", b), bar, *schema.BAR)
                if bar_data is None:
                    continue
                value = bar_data["value"]
                bar_path = path + (i, "bars", b, "value")
                if value is MISSING:
                    continue
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    self.problems.append(doc.problem(bar_path, f"expected a number of 0 or more, found "
                                                               f"{describe(value)}"))
                    continue
                if unit == "%" and value > 100:
                    self.problems.append(doc.problem(bar_path, f"expected a percentage of at most 100, found "
                                                               f"{value}"))
                    continue
                label = self.text(doc, path + (i, "bars", b, "label"), bar_data["label"])
                bars.append(Bar(label, float(value)))
            chart_id = self.identifier(doc, path + (i, "id"), data["id"], "a chart id")
            title = self.text(doc, path + (i, "title"), data["title"])
            source = self.text(doc, path + (i, "source"), data["source"])
            if bars:
                charts.append(Chart(chart_id, title, unit if isinstance(unit, str) else "", source, tuple(bars)))
        return tuple(charts)

    def date(self, doc: Document, path: tuple, value) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.problems.append(doc.problem(path, f"expected a date like 2026-11-23, found {describe(value)}"))
            return None

    # ---- tools ---------------------------------------------------------------------------------

    def check_or_tool(self, lang: str, section: str, path: Path) -> Check | Tool | None:
        doc = self.yaml_file(path)
        if doc is None:
            return None
        if isinstance(doc.data, dict) and "tool" in doc.data:
            return self.tool(lang, section, path, doc)
        return self.check(lang, section, path, doc)

    def tool(self, lang: str, section: str, path: Path, doc: Document) -> Tool | None:
        kind = doc.data["tool"]
        if kind not in TOOL_KINDS:
            self.problems.append(doc.problem(("tool",), f"expected one of {', '.join(TOOL_KINDS)}, found "
                                                        f"{describe(kind)}"))
            return None
        required, optional = schema.TOOL_SHAPES[kind]
        data = self.fields(doc, (), doc.data, schema.TOOL[0] + required, optional)
        sig = self.signature(lang, f"{section}/{path.name}", doc)
        sources = self.sources(doc, ("sources",), data["sources"])
        sig["sources"] = (sources, doc, ("sources",))
        sig["tool"] = (kind, doc, ("tool",))
        tool = Tool(path.stem, section, kind, self.text(doc, ("title",), data["title"]),
                    self.text(doc, ("summary",), data["summary"]),
                    self.markdown(lang, doc, ("intro",), data["intro"]), sources)
        if kind == "checklist":
            tool = replace(tool, points=self.points(lang, doc, ("points",), data["points"], sig))
        elif kind == "letter":
            fields = self.form_fields(doc, ("fields",), data["fields"], sig)
            tool = replace(tool, fields=fields, letter=self.letter(doc, ("letter",), data["letter"], fields, sig))
        else:
            tool = self.report(doc, data, replace(tool, parts=self.parts(doc, ("parts",), data["parts"], sig)))
        ids = [f.id for f in tool.all_fields]
        for field_id in sorted({i for i in ids if ids.count(i) > 1}):
            self.problems.append(doc.problem((), f"duplicate field id '{field_id}'"))
        return tool

    def items_of(self, doc: Document, path: tuple, raw, what: str) -> list:
        if raw is MISSING:
            return []
        if not isinstance(raw, list) or not raw:
            self.problems.append(doc.problem(path, f"expected a list of {what}, found {describe(raw)}"))
            return []
        return raw

    def points(self, lang, doc, path, raw, sig) -> tuple[Point, ...]:
        points = []
        for i, item in enumerate(self.items_of(doc, path, raw, "points")):
            data = self.fields(doc, path + (i,), item, *schema.POINT)
            if data is None:
                continue
            point_id = self.identifier(doc, path + (i, "id"), data["id"], "a point id")
            link = self.text(doc, path + (i, "link"), data["link"])
            if link:
                self.links.append((lang, doc, path + (i, "link"), doc.line(path + (i, "link")), link))
            points.append(Point(point_id, self.text(doc, path + (i, "title"), data["title"]),
                                self.text(doc, path + (i, "text"), data["text"]), link))
        sig[path] = (tuple(p.id for p in points), doc, path)
        return tuple(points)

    def form_fields(self, doc, path, raw, sig) -> tuple[Field, ...]:
        fields = []
        for i, item in enumerate(self.items_of(doc, path, raw, "form fields")):
            data = self.fields(doc, path + (i,), item, *schema.FIELD)
            if data is None:
                continue
            kind = data["kind"]
            if kind is not MISSING and kind not in FIELD_KINDS:
                self.problems.append(doc.problem(path + (i, "kind"), f"expected one of {', '.join(FIELD_KINDS)}, "
                                                                    f"found {describe(kind)}"))
            maximum = data.get("max")
            if maximum is not None and (isinstance(maximum, bool) or not isinstance(maximum, (int, float))):
                self.problems.append(doc.problem(path + (i, "max"), f"expected a number, found {describe(maximum)}"))
                maximum = None
            if (maximum is None) != ("max-message" not in data):
                self.problems.append(doc.problem(path + (i,), "give 'max' and 'max-message' together: the message "
                                                              "says why the limit is there"))
            fields.append(Field(self.identifier(doc, path + (i, "id"), data["id"], "a field id"), kind,
                                self.text(doc, path + (i, "label"), data["label"]),
                                self.text(doc, path + (i, "hint"), data["hint"]) if "hint" in data else None,
                                maximum,
                                self.text(doc, path + (i, "max-message"), data["max-message"])
                                if "max-message" in data else None))
        sig[path] = (tuple((f.id, f.kind, f.max) for f in fields), doc, path)
        return tuple(fields)

    def letter_text(self, doc, path, raw, known: set[str]) -> tuple:
        text = self.text(doc, path, raw)
        if text is None:
            return ()
        for name in PLACEHOLDER.findall(text):
            if name not in known:
                self.problems.append(doc.problem(path, f"unknown placeholder '{{{name}}}' (fields: "
                                                       f"{', '.join(sorted(known))})"))
        return parse_text(text)

    def letter(self, doc, path, raw, fields, sig) -> Letter | None:
        data = self.fields(doc, path, raw, *schema.LETTER)
        if data is None:
            return None
        known = {f.id for f in fields}
        articles = []
        for i, item in enumerate(self.items_of(doc, path + ("articles",), data["articles"], "articles")):
            article = self.fields(doc, path + ("articles", i), item, *schema.ARTICLE)
            if article is not None:
                articles.append(Article(self.text(doc, path + ("articles", i, "title"), article["title"]),
                                        self.letter_text(doc, path + ("articles", i, "text"), article["text"], known)))
        signatures = data["signatures"] if isinstance(data["signatures"], list) else []
        for i, name in enumerate(signatures):
            if name not in known:
                self.problems.append(doc.problem(path + ("signatures", i), f"unknown field '{name}' (fields: "
                                                                           f"{', '.join(sorted(known))})"))
        sig[path + ("articles",)] = (len(articles), doc, path + ("articles",))
        sig[path + ("signatures",)] = (tuple(signatures), doc, path + ("signatures",))
        return Letter(self.text(doc, path + ("heading",), data["heading"]),
                      self.letter_text(doc, path + ("opening",), data["opening"], known), tuple(articles),
                      self.letter_text(doc, path + ("closing",), data["closing"], known), tuple(signatures))

    def report(self, doc, data, tool: Tool) -> Tool:
        """The report's heading and word lists, and the tables' totals, once all its fields are known."""
        known = {f.id for f in tool.all_fields}
        heading = self.letter_text(doc, ("heading",), data["heading"], known)
        for p, part in enumerate(tool.parts):
            for t, table in enumerate(part.tables):
                field = tool.field(table.total) if table.total else None
                if table.total and (field is None or field.kind != "number"):
                    numbers = sorted(f.id for f in tool.all_fields if f.kind == "number")
                    self.problems.append(doc.problem(("parts", p, "tables", t, "total"), f"expected the id of a "
                                                     f"number field ({', '.join(numbers)}), found '{table.total}'"))
        identifying = None
        if "identifying" in data:
            found = self.fields(doc, ("identifying",), data["identifying"], *schema.IDENTIFYING)
            if found is not None:
                identifying = Identifying(*(self.words(doc, ("identifying", key), found[key])
                                            for key in schema.IDENTIFYING[0]))
        return replace(tool, heading=heading[0].parts if heading else (), identifying=identifying)

    def words(self, doc, path, raw) -> tuple[str, ...]:
        return tuple(word for i, item in enumerate(self.items_of(doc, path, raw, "words"))
                     if (word := self.text(doc, path + (i,), item)) is not None)

    def parts(self, doc, path, raw, sig) -> tuple[Part, ...]:
        parts = []
        for i, item in enumerate(self.items_of(doc, path, raw, "parts")):
            data = self.fields(doc, path + (i,), item, *schema.PART)
            if data is None:
                continue
            fields = self.form_fields(doc, path + (i, "fields"), data["fields"], sig) if "fields" in data else ()
            tables = []
            for t, table in enumerate(self.items_of(doc, path + (i, "tables"), data.get("tables", MISSING), "tables")):
                table_data = self.fields(doc, path + (i, "tables", t), table, *schema.TABLE)
                if table_data is None:
                    continue
                rows = []
                for r, row in enumerate(self.items_of(doc, path + (i, "tables", t, "rows"), table_data["rows"], "rows")):
                    row_data = self.fields(doc, path + (i, "tables", t, "rows", r), row, *schema.ROW)
                    if row_data is not None:
                        rows.append((self.identifier(doc, path + (i, "tables", t, "rows", r, "id"), row_data["id"]),
                                     self.text(doc, path + (i, "tables", t, "rows", r, "label"), row_data["label"])))
                tables.append(CountTable(self.identifier(doc, path + (i, "tables", t, "id"), table_data["id"]),
                                         self.text(doc, path + (i, "tables", t, "title"), table_data["title"]),
                                         tuple(rows),
                                         self.identifier(doc, path + (i, "tables", t, "total"), table_data["total"],
                                                         "a field id") if "total" in table_data else None))
            sig[path + (i, "tables")] = (tuple((t.id, tuple(r[0] for r in t.rows), t.total) for t in tables), doc,
                                         path + (i, "tables"))
            parts.append(Part(self.identifier(doc, path + (i, "id"), data["id"], "a part id"),
                              self.text(doc, path + (i, "title"), data["title"]),
                              self.text(doc, path + (i, "text"), data["text"]) if "text" in data else None,
                              fields, tuple(tables)))
        sig[path] = (tuple(p.id for p in parts), doc, path)
        return tuple(parts)

    # ---- checks --------------------------------------------------------------------------------

    def check(self, lang: str, section: str, path: Path, doc: Document) -> Check | None:
        from .validate import check_routes
        data = self.fields(doc, (), doc.data, *schema.CHECK)
        if data is None:
            return None
        sig = self.signature(lang, f"{section}/{path.name}", doc)
        raw_nodes = data["nodes"]
        nodes = {}
        if raw_nodes is MISSING:
            raw_nodes = {}
        elif not isinstance(raw_nodes, dict) or not raw_nodes:
            self.problems.append(doc.problem(("nodes",), f"expected a mapping of node ids to questions and "
                                                         f"outcomes, found {describe(raw_nodes)}"))
            raw_nodes = {}
        for node_id, raw in raw_nodes.items():
            if self.identifier(doc, ("nodes", node_id), node_id, "a node id") is None:
                continue
            node = self.node(lang, doc, ("nodes", node_id), node_id, raw, sig)
            if node is not None:
                nodes[node_id] = node
        start = data.get("start")
        sig["start"] = (start, doc, ("start",))
        sources = self.sources(doc, ("sources",), data.get("sources"))
        sig["sources"] = (sources, doc, ("sources",))
        check = Check(path.stem, section, self.text(doc, ("title",), data.get("title")),
                      self.text(doc, ("summary",), data.get("summary")),
                      self.markdown(lang, doc, ("intro",), data.get("intro")), sources,
                      start, MappingProxyType(nodes),
                      self.date(doc, ("checked",), data["checked"]) if "checked" in data else None)
        sig["checked"] = (check.checked, doc, ("checked",))
        if len(nodes) == len(raw_nodes):  # routes only make sense over a complete set of nodes
            return check if check_routes(check, doc, self.problems, self.advice) else None
        return None

    def node(self, lang, doc, path, node_id, raw, sig):
        kind = raw.get("type") if isinstance(raw, dict) else None
        if kind == "question":
            data = self.fields(doc, path, raw, *schema.QUESTION)
            hint = self.markdown(lang, doc, path + ("hint",), raw["hint"]) if "hint" in raw else None
            sig[path + ("hint",)] = ("hint" in raw, doc, path + ("hint",))
            options = self.options(doc, path + ("options",), data.get("options"), sig)
            if options is None:
                return None
            return Question(node_id, self.text(doc, path + ("title",), data.get("title")), hint, options)
        if kind == "outcome":
            data = self.fields(doc, path, raw, *schema.OUTCOME)
            sources = self.sources(doc, path + ("sources",), data.get("sources"))
            sig[path + ("sources",)] = (sources, doc, path + ("sources",))
            advice = self.text(doc, path + ("advice",), data["advice"]) if "advice" in data else None
            sig[path + ("advice",)] = (advice, doc, path + ("advice",))
            sig[path + ("show_organisation",)] = (data.get("show_organisation", False), doc,
                                                  path + ("show_organisation",))
            blocks = self.blocks(lang, doc, path + ("blocks",), data.get("blocks"), sig)
            return Outcome(node_id, self.text(doc, path + ("title",), data.get("title")), blocks, sources,
                           advice, self.flag(doc, path, data, "show_organisation"))
        self.problems.append(doc.problem(path + ("type",) if isinstance(raw, dict) else path,
                                         f"expected type 'question' or 'outcome', found {describe(kind)}"))
        return None

    def options(self, doc, path, raw, sig):
        if raw is MISSING:
            return None
        if not isinstance(raw, list) or not raw:
            found = "no options" if raw in (None, []) else describe(raw)
            self.problems.append(doc.problem(path, f"dead end: a question needs options that lead on (only "
                                                   f"an outcome may end a route), found {found}"))
            return None
        if len(raw) < 2:
            self.problems.append(doc.problem(path, "expected at least two options, found 1: a question with "
                                                   "one answer is not a question"))
        options, seen = [], {}
        for i, item in enumerate(raw):
            data = self.fields(doc, path + (i,), item, *schema.OPTION)
            if data is None:
                continue
            code = data["code"]
            if code is MISSING:
                continue
            if not (isinstance(code, str) and CODE.match(code)):
                self.problems.append(doc.problem(path + (i, "code"), f"expected a short neutral code like "
                                                                     f"'a1' (a letter, then letters or digits), "
                                                                     f"found {describe(code)}"))
                continue
            if code in seen:
                self.problems.append(doc.problem(path + (i, "code"), f"duplicate code '{code}' (also "
                                                                     f"options[{seen[code]}])"))
                continue
            seen[code] = i
            label = self.text(doc, path + (i, "label"), data.get("label"))
            hint = self.text(doc, path + (i, "hint"), data["hint"]) if "hint" in data else None
            target = data["next"]
            if target is MISSING:
                continue
            if not isinstance(target, str):
                self.problems.append(doc.problem(path + (i, "next"), f"expected a node id, found "
                                                                     f"{describe(target)}"))
                continue
            sig[path + (code, "next")] = (target, doc, path + (i, "next"))
            sig[path + (code, "hint")] = ("hint" in data, doc, path + (i, "hint"))
            options.append(Option(code, label, hint, target))
        sig[path] = (tuple(seen), doc, path)
        return tuple(options)

    def blocks(self, lang, doc, path, raw, sig):
        if raw is MISSING:
            return ()
        if not isinstance(raw, list) or not raw:
            self.problems.append(doc.problem(path, f"expected a list of blocks with text, found {describe(raw)}"))
            return ()
        blocks, seen = [], {}
        for i, item in enumerate(raw):
            data = self.fields(doc, path + (i,), item, *schema.BLOCK)
            if data is None:
                continue
            when = self.when(doc, path + (i, "when"), data["when"]) if "when" in data else {}
            sources = self.sources(doc, path + (i, "sources"), data["sources"]) if "sources" in data else ()
            if ("text" in data) == ("use" in data):
                self.problems.append(doc.problem(path + (i,), "expected either 'text' (the block's own "
                                                              "Markdown) or 'use' (a shared block's id), "
                                                              f"found {'both' if 'text' in data else 'neither'}"))
                if isinstance(data.get("use"), str):  # it is used, so do not also report it as unused
                    self.shared_used[lang].add(data["use"])
                continue
            if "use" in data:
                shared = self.use_shared(lang, doc, path + (i, "use"), data["use"])
                html, sources = (shared[0], shared[1] + sources) if shared else (None, sources)
                block_id = data.get("id", data["use"])
            else:
                html = self.markdown(lang, doc, path + (i, "text"), data["text"])
                block_id = data.get("id")
            if "id" in data and self.identifier(doc, path + (i, "id"), data["id"], "a block id") is None:
                block_id = None
            if block_id is not None and block_id in seen:
                self.problems.append(doc.problem(path + (i, "id"), f"duplicate block id '{block_id}' (also "
                                                                   f"blocks[{seen[block_id]}])"))
            elif block_id is not None:
                seen[block_id] = i
            sig[path + (i,)] = ((tuple(sorted((q, tuple(sorted(c))) for q, c in when.items())), sources,
                                 block_id, data.get("use")), doc, path + (i,))
            blocks.append(Block(html, MappingProxyType(when), sources, block_id))
        sig[path] = (len(raw), doc, path)
        return tuple(blocks)

    def when(self, doc, path, raw) -> dict:
        if not isinstance(raw, dict) or not raw:
            self.problems.append(doc.problem(path, f"expected a mapping of question ids to lists of option "
                                                   f"codes, found {describe(raw)}"))
            return {}
        when = {}
        for question, codes in raw.items():
            if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
                self.problems.append(doc.problem(path + (question,), f"expected a list of option codes like "
                                                                     f"[a1, a2], found {describe(codes)}"))
                continue
            when[question] = frozenset(codes)
        return when
