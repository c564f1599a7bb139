"""A language folder: home.yml, the shared files, and one folder per section with its _section.yml."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from . import schema
from .checks import read_check
from .fields import ID, MISSING
from .model import Check, Edition, Section, Topic
from .reader import Reader
from .shared import BLOCKS_FILE, SEARCH_FILE, read_search_words, read_shared_blocks, report_unused
from .tool_reader import read_tool
from .tools import Tool
from .topics import read_topic
from .yamlread import Problem, describe

HOME_FILE = "home.yml"
SECTION_FILE = "_section.yml"
RESERVED = {"zoeken", "review", "static"}  # addresses of the site's own pages: /<lang>/zoeken/


def read_edition(reader: Reader, lang: str) -> Edition | None:
    folder = reader.root / lang
    if not folder.is_dir():
        reader.problems.append(Problem(reader.display(folder), None, "", "missing language folder"))
        return None
    home = read_home(reader, lang, folder / HOME_FILE)
    read_shared_blocks(reader, lang, folder / BLOCKS_FILE)
    search = read_search_words(reader, lang, folder / SEARCH_FILE)
    sections = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        section = read_section(reader, lang, sub)
        if section is not None:
            sections[section.id] = section
        else:
            reader.unreadable.add((lang, sub.name, None))
    report_unused(reader, lang, folder / BLOCKS_FILE)
    if home is None:
        return None
    title, intro, roles, footer, f = home
    for i, role in enumerate(roles):
        if role not in sections:
            f.problem(("roles", i), f"unknown section '{role}' (known: {', '.join(sorted(sections))})")
    edition = Edition(lang, title, intro, roles, footer, MappingProxyType(sections), search,
                      MappingProxyType(dict(reader.shared[lang])))
    reader.keep(lang, folder / HOME_FILE, f.doc, edition)
    return edition


def read_home(reader: Reader, lang: str, path: Path):
    if not path.is_file():
        reader.problems.append(Problem(reader.display(path), None, "", "missing file"))
        return None
    found = reader.mapping_file(lang, path, schema.HOME)
    if found is None:
        return None
    f, data = found
    roles = data["roles"]
    if roles is MISSING:
        roles = []
    elif not isinstance(roles, list) or not roles:
        f.problem(("roles",), f"expected a list of section ids, found {describe(roles)}")
        roles = []
    roles = tuple(r for i, r in enumerate(roles) if f.identifier(("roles", i), r))
    footer = data.get("footer", [])
    if not isinstance(footer, list) or not all(isinstance(a, str) for a in footer):
        f.problem(("footer",), f"expected a list of addresses like /over/veiligheid/, found {describe(footer)}")
        footer = []
    for i, address in enumerate(footer):
        reader.link(lang, f, ("footer", i), address)
    title = f.text(("title",), data.get("title"))
    intro = reader.markdown(lang, f, ("intro",), data.get("intro"))
    return title, intro, roles, tuple(footer), f


def read_section(reader: Reader, lang: str, folder: Path) -> Section | None:
    index = folder / SECTION_FILE
    section_id = folder.name
    if section_id in RESERVED:
        reader.problems.append(Problem(reader.display(folder), None, "", f"'{section_id}' is an address the site "
                                       f"itself uses: choose another folder name"))
        return None
    if not ID.match(section_id):
        reader.problems.append(Problem(reader.display(folder), None, "", "a folder name is an address: use "
                                       "lower-case letters, digits and hyphens"))
        return None
    if not index.is_file():
        reader.problems.append(Problem(reader.display(index), None, "", "missing file: every section folder "
                                       "needs one"))
        return None
    found = reader.mapping_file(lang, index, schema.SECTION)
    if found is None:
        return None
    f, data = found
    coming = f.flag(data, (), "coming")
    listed = data["items"]
    if listed is MISSING:
        listed = []
    elif not isinstance(listed, list):
        f.problem(("items",), f"expected a list of the ids of this folder's topics and checks, found {describe(listed)}")
        listed = []
    files = section_files(reader, lang, folder)
    items = {}
    for i, item_id in enumerate(listed):
        if f.identifier(("items", i), item_id) is None:
            continue
        if item_id in items:
            f.problem(("items", i), f"duplicate id '{item_id}'")
            continue
        path = files.get(item_id)
        if path is None:
            missing = folder / f"{item_id}.md", folder / f"{item_id}.yml"
            if not any(reader.twin_exists(lang, twin) for twin in missing):  # else parity names both files
                f.problem(("items", i), f"no file '{item_id}.md' or '{item_id}.yml' in {reader.display(folder)}")
            reader.unreadable.add((lang, section_id, item_id))
            continue
        item = read_item(reader, lang, section_id, path)
        if item is None:
            reader.unreadable.add((lang, section_id, item_id))
        items[item_id] = item
    for stem, path in files.items():
        if stem not in listed:
            reader.problems.append(Problem(reader.display(path), None, "",
                                           f"not listed in the items of {reader.display(index)}"))
    if coming and listed:
        f.problem(("items",), "a section marked 'coming: true' lists no items")
    intro = reader.optional_markdown(lang, f, data, (), "intro")
    section = Section(section_id, f.text(("title",), data.get("title")), f.text(("summary",), data.get("summary")),
                      intro, MappingProxyType({k: v for k, v in items.items() if v is not None}), coming)
    reader.keep(lang, index, f.doc, section)
    return section


def section_files(reader: Reader, lang: str, folder: Path) -> dict[str, Path]:
    """The folder's topics and checks by id; other files are reported."""
    files = {}
    for path in sorted(folder.iterdir()):
        if path.name == SECTION_FILE:
            continue
        reader.register(lang, path)
        if path.suffix not in (".md", ".yml") or not path.is_file():
            reader.problems.append(Problem(reader.display(path), None, "", "unexpected file: a section holds "
                                           "_section.yml, topics (.md) and checks (.yml)"))
            continue
        if path.stem in files:
            reader.problems.append(Problem(reader.display(path), None, "",
                                           f"two files with the id '{path.stem}': an id names one page"))
            continue
        files[path.stem] = path
    return files


def read_item(reader: Reader, lang: str, section: str, path: Path) -> Topic | Check | Tool | None:
    if path.suffix == ".md":
        return read_topic(reader, lang, section, path)
    doc = reader.yaml_file(path)
    if doc is None:
        return None
    if isinstance(doc.data, dict) and "tool" in doc.data:
        return read_tool(reader, lang, section, path, doc)
    return read_check(reader, lang, section, path, doc)
