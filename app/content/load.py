"""Read content/ into the model, collecting every problem instead of stopping at the first.

An editor fixes content faster from one complete list than from a loop of fix-one-rerun, so each
reader records what is wrong and carries on with whatever it could still read. The order: every
language folder (sections.py and the readers it calls), then the checks across files: links
(validate.py), the twins compared with the reference language (parity.py), and the organisation file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from ..advice import ADVICE, Advice
from .model import Content
from .organisation import Organisation, read_organisation
from .parity import compare_twins
from .reader import Reader
from .sections import read_edition
from .validate import check_links, check_routes
from .yamlread import Problem

SITE_FILE = "site.yml"  # the organisation edition
REFERENCE = "nl"  # the language the guide is written in first: every other one is compared with it


class ContentError(Exception):
    """The content cannot be served; `problems` says why, one line each."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} content problem(s)")
        self.problems = problems


def content_languages(root: Path) -> tuple[str, ...]:
    """The languages content/ has a folder for, the reference language first, then by name.

    A folder is a language when it holds a home.yml, so a third language costs a folder (and a
    catalogue of interface text in translations/), no code.
    """
    found = sorted(p.name for p in root.iterdir() if (p / "home.yml").is_file()) if root.is_dir() else []
    return tuple(sorted(found, key=lambda lang: (lang != REFERENCE, lang)))


def load_content(root: Path, languages: tuple[str, ...] | None = None, display_root: Path | None = None,
                 advice: Mapping[str, Advice] | None = None) -> Content:
    """Read and check all of content/; raise ContentError listing every problem found.

    languages: the first is the reference the others are compared with (default: content_languages).
    advice: the functions outcomes may name (default: those of app/advice.py).
    """
    languages = languages or content_languages(root) or (REFERENCE,)
    reader = Reader(root, display_root if display_root is not None else root.parent,
                    ADVICE if advice is None else advice, languages)
    editions = {}
    for lang in languages:
        edition = read_edition(reader, lang)
        if edition is not None:
            editions[lang] = edition
    if len(editions) == len(languages):
        check_links(editions, reader.links, reader.unreadable, reader.problems)
    compared = compare_twins(reader)
    for check, doc in reader.twin_checks:
        if doc.file not in compared:  # a twin equal to its reference has the same routes
            check_routes(check, doc, reader.problems, reader.advice)
    organisation = read_site(reader, root / SITE_FILE)
    if reader.problems:
        raise ContentError(reader.problems)
    return Content(MappingProxyType(editions), organisation)


def load_organisation(path: Path, languages: tuple[str, ...], display_root: Path) -> Organisation | None:
    """One site.yml on its own (python build.py package a.yml b.yml); raise ContentError on problems."""
    reader = Reader(path.parent, display_root, ADVICE, languages)
    organisation = read_site(reader, path)
    if reader.problems:
        raise ContentError(reader.problems)
    return organisation


def read_site(reader: Reader, path: Path) -> Organisation | None:
    if not path.is_file():
        return None
    doc = reader.yaml_file(path, empty_ok=True)
    return read_organisation(doc, reader.languages, reader.problems, path.parent) if doc is not None else None
