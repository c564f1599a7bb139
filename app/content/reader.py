"""What reading content/ shares across files: the problems found, the files seen, the links to check.

The readers of each kind of content (sections.py, topics.py, checks.py, tool_reader.py, shared.py) read
one file each and record here what the checks across files (validate.py, parity.py) need afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..advice import Advice
from .fields import MISSING, Fields
from .markdown import render
from .yamlread import Document, Problem, read_yaml


@dataclass(frozen=True)
class Link:
    lang: str
    file: str
    path: tuple  # the key path of the text the link stands in
    line: int | None
    href: str


class Reader:
    def __init__(self, root: Path, display_root: Path, advice: Mapping[str, Advice], languages: tuple[str, ...]):
        self.root = root
        self.display_root = display_root
        self.advice = advice
        self.languages = languages
        self.problems: list[Problem] = []
        self.links: list[Link] = []
        self.files: dict[tuple[str, str], str] = {}  # (lang, path in the language folder) -> path as displayed
        # (lang, path in the language folder) -> (document, what it was read into): parity compares these
        self.read: dict[tuple[str, str], tuple[Document, object]] = {}
        # (lang, section, item or None) that could not be read: their own problems say why, so links
        # to them are not reported as broken as well.
        self.unreadable: set[tuple[str, str, str | None]] = set()
        # lang -> shared block id -> the block (see shared.py); and the ids something used, to report unused ones
        self.shared: dict[str, dict] = {}
        self.shared_used: dict[str, set[str]] = {}
        self.twin_checks: list = []  # (check, document) in the other languages, for routes after parity

    @property
    def reference(self) -> str:
        """The language every other one is compared with."""
        return self.languages[0]

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

    def yaml_file(self, path: Path, empty_ok: bool = False) -> Document | None:
        text = self.read_text(path)
        if text is None:
            return None
        doc = read_yaml(text, self.display(path), self.problems)
        if doc is not None and doc.data is None and not empty_ok:
            self.problems.append(Problem(doc.file, 1, "", "the file is empty"))
            return None
        return doc

    def mapping_file(self, lang: str, path: Path, shape: tuple) -> tuple[Fields, dict] | None:
        """A YAML file that holds one mapping of the given shape: its field reader and its fields."""
        self.register(lang, path)
        doc = self.yaml_file(path)
        if doc is None:
            return None
        f = self.fields(doc)
        data = f.fields((), doc.data, *shape)
        return None if data is None else (f, data)

    def fields(self, doc: Document) -> Fields:
        return Fields(doc, self.problems)

    def register(self, lang: str, path: Path) -> None:
        """Note that the file exists, even if it turns out unreadable, so parity does not call it missing."""
        self.files[(lang, self.relative(lang, path))] = self.display(path)

    def relative(self, lang: str, path: Path) -> str:
        return path.relative_to(self.root / lang).as_posix()

    def keep(self, lang: str, path: Path, doc: Document, built) -> None:
        """Remember what a file was read into, for the comparison with its twins."""
        self.read[(lang, self.relative(lang, path))] = (doc, built)

    def twin_exists(self, lang: str, path: Path) -> bool:
        """Whether the reference language has this file (so parity reports it missing here)."""
        return lang != self.reference and (self.reference, self.relative(lang, path)) in self.files

    # ---- text ----------------------------------------------------------------------------------

    def markdown(self, lang: str, f: Fields, path: tuple, value, first_line: int | None = None) -> str | None:
        text = f.text(path, value)
        if text is None:
            return None
        if first_line is None:  # a YAML block scalar starts on the line after its key
            key_line = f.doc.line(path) or 1
            first_line = key_line + 1 if "\n" in text else key_line
        html, links = render(text, f.doc.file, path, first_line, self.problems)
        self.links += [Link(lang, f.doc.file, path, line, href) for line, href in links]
        return html

    def optional_markdown(self, lang: str, f: Fields, data: dict, path: tuple, key: str) -> str | None:
        return self.markdown(lang, f, path + (key,), data[key]) if data.get(key, MISSING) is not MISSING else None

    def link(self, lang: str, f: Fields, path: tuple, href: str) -> None:
        """An address written in a plain field (a footer, a checklist point), checked like a Markdown link."""
        self.links.append(Link(lang, f.doc.file, path, f.doc.line(path), href))
