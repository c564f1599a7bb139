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
import shutil
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


def write_gzip_copy(path: Path) -> None:
    """Beside a text file its gzip copy, for hosts that serve files compressed ahead of time."""
    if path.suffix in TEXT_SUFFIXES:
        # mtime=0: the same page gives the same bytes, build after build
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def fill(app: Flask, open_site: Path, site: Path) -> int:
    """The edition the app now holds, from an open build: returns the number of files written."""
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

    count = 0
    for source in sorted(open_site.rglob("*")):
        if source.is_dir() or source.suffix == ".gz":
            continue  # a page's gzip copy is copied or made again with the page
        relative = source.relative_to(open_site).as_posix()
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if source.suffix == ".html" and b"<!--organisation:" in data:
            target.write_text(PART.sub(lambda found: part(found.group(1), relative), data.decode("utf-8")),
                              encoding="utf-8")
            write_gzip_copy(target)
        else:
            target.write_bytes(data)
            copy = source.with_name(source.name + ".gz")
            if copy.exists():
                shutil.copyfile(copy, target.with_name(copy.name))
        count += 1
    # The pages that depend on the edition throughout, frozen again over the copies.
    app.config.update(FREEZER_DESTINATION=str(site), FREEZER_REMOVE_EXTRA_FILES=False)
    freezer = make_freezer(app, only=EDITION_ENDPOINTS)
    for page in freezer.freeze_yield():
        write_gzip_copy(freezer.root / page.path)
    return count
