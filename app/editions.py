"""Many organisations' editions from one build (build.py package with several site.yml files).

Every page's header names the organisation, so without help every edition is a whole new freeze. Instead
the pages are frozen once with the parts that name the organisation left open: a marker in place of each
macro of templates/_organisation.html. Each edition then fills the markers in (a part depends only on
the page's language and folder depth, so each is rendered a handful of times), freezes again the few
pages that depend on it throughout (error pages, sitemap, robots.txt, its look), and copies the rest,
the search index included. tests/test_editions.py checks that an edition made this way is, byte for
byte, the edition frozen directly.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from flask import Flask, current_app, get_template_attribute
from flask_frozen import patch_url_for
from markupsafe import Markup

from .i18n import set_lang

OPEN = "ORGANISATION_PARTS_OPEN"  # app.config: render the organisation's parts as markers
PART = re.compile(r"<!--organisation:(\w+)-->")
# Pages that depend on the edition beyond its parts: error pages link from the site's public address,
# the sitemap and robots.txt give it in full, look.css and the logo exist only in some editions.
EDITION_ENDPOINTS = frozenset({"errors.not_found_page", "root.sitemap", "root.robots", "look.css", "look.logo"})
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md"}


def organisation_part(name: str) -> Markup:
    """A part of templates/_organisation.html, rendered; or, in an open build, the marker for it."""
    if current_app.config.get(OPEN):
        return Markup(f"<!--organisation:{name}-->")
    return get_template_attribute("_organisation.html", name)()


def gzip_copy(data: bytes) -> bytes:
    return gzip.compress(data, 9, mtime=0)  # mtime=0: the same page gives the same bytes, build after build


def write_gzip_copy(path: Path) -> None:
    """Beside a text file its gzip copy, for hosts that serve files compressed ahead of time."""
    if path.suffix in TEXT_SUFFIXES:
        path.with_name(path.name + ".gz").write_bytes(gzip_copy(path.read_bytes()))


def open_build(app: Flask, freeze, folder: Path) -> dict[str, bytes]:
    """Freeze the site (with freeze(app, folder)) for no organisation, its parts left open; its files."""
    import dataclasses

    app.extensions["content"] = dataclasses.replace(app.extensions["content"], organisation=None)
    app.config.update({"PUBLIC_URL": None, OPEN: True})
    try:
        freeze(app, folder)
    finally:
        app.config[OPEN] = False
    return read_site(folder)


def read_site(site: Path) -> dict[str, bytes]:
    """Every file of a frozen site, by its path in the site: an open build is read once, then filled in
    for each edition in memory (on this kind of machine, creating files costs more than the filling)."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file()}


def fill(app: Flask, open_site: dict[str, bytes]) -> dict[str, bytes]:
    """The files of the edition the app now holds, from the files of an open build (read_site)."""
    import tempfile

    from .freeze import make_freezer

    rendered: dict[tuple[str, int, str], str] = {}
    languages = app.config["LANGUAGES"]

    def part(name: str, relative: str) -> str:
        folders = relative.split("/")[:-1]
        lang = folders[0] if folders and folders[0] in languages else languages[0]
        key = (lang, len(folders), name)
        if key not in rendered:
            # Links in a part are relative to the page's folder, and go to files outside every language
            # folder (look.css, the logo): a page at the same depth gets the same part.
            # (relative, as in every frozen page: Frozen-Flask's url_for, patched in as when it freezes)
            with patch_url_for(app), app.test_request_context("/" + relative):
                set_lang(lang)
                rendered[key] = str(get_template_attribute("_organisation.html", name)())
        return rendered[key]

    files = dict(open_site)
    for relative, data in open_site.items():
        if relative.endswith(".html") and b"<!--organisation:" in data:
            page = PART.sub(lambda found: part(found.group(1), relative), data.decode("utf-8")).encode("utf-8")
            files[relative] = page
            files[relative + ".gz"] = gzip_copy(page)
    # The pages that depend on the edition throughout, frozen on their own and laid over the rest.
    with tempfile.TemporaryDirectory() as scratch:
        app.config.update(FREEZER_DESTINATION=scratch, FREEZER_REMOVE_EXTRA_FILES=False)
        freezer = make_freezer(app, only=EDITION_ENDPOINTS)
        for page in freezer.freeze_yield():
            write_gzip_copy(freezer.root / page.path)
        files.update(read_site(Path(scratch)))
    return files
