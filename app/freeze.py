"""Freezing: every page of the site as a file, found by walking the content rather than a list."""

from __future__ import annotations

from collections.abc import Iterator

from pathlib import Path

from flask import Flask
from flask_frozen import Freezer

from .assets import hashed_name
from .content.model import Check
from .content.tools import Tool


def site_urls(app: Flask) -> Iterator[tuple[str, dict]]:
    """(endpoint, values) for every page: each language's home, sections, topics and check states."""
    # Every static file under its hashed name, the name pages link (Frozen-Flask adds the plain names).
    # Listed here rather than left to the links Frozen-Flask records: a recorded address is fetched after
    # the pages, outside any page's language, where building a link to a page fails.
    for path in sorted(Path(app.static_folder).rglob("*")):
        if path.is_file():
            yield "static", {"filename": hashed_name(path.relative_to(app.static_folder).as_posix(),
                                                     app.static_folder)}
    yield "root.index", {}
    if app.config.get("PUBLIC_URL"):  # see skipped_endpoints
        yield "root.sitemap", {}
    yield "root.robots", {}
    organisation = app.extensions["content"].organisation
    if organisation and (organisation.logo or organisation.accent):  # see skipped_endpoints
        yield "look.css", {}
    if organisation and organisation.logo:
        yield "look.logo", {"filename": organisation.logo.filename}
    for lang, edition in app.extensions["content"].editions.items():
        yield "pages.home", {"lang": lang}
        yield "errors.not_found_page", {"lang": lang}
        yield "search.page", {"lang": lang}
        yield "review.index", {"lang": lang}
        for section in edition.sections:
            yield "pages.section", {"lang": lang, "section": section}
        for item in edition.items():
            page = {"lang": lang, "section": item.section, "item": item.id}
            yield "pages.item", page
            if isinstance(item, Tool) and item.kind != "checklist":
                yield "tools.word", {**page, "name": item.id}
            if isinstance(item, Check):
                yield "review.script", page
                yield "review.graph", page
                yield "review.markdown", page
                for codes in item.routes():
                    if codes:
                        yield "checks.state", {**page, "answers": "/".join(codes)}


def skipped_endpoints(app: Flask) -> set[str]:
    """Addresses the app has that this build leaves out on purpose, each with the reason."""
    skipped = set()
    if not app.config.get("PUBLIC_URL"):
        skipped.add("root.sitemap")  # a sitemap needs full addresses: set url in content/site.yml
    organisation = app.extensions["content"].organisation
    if not (organisation and (organisation.logo or organisation.accent)):
        skipped.add("look.css")  # the generic look: site.yml gives no logo and no accent colour
    if not (organisation and organisation.logo):
        skipped.add("look.logo")
    if not any(isinstance(item, Tool) and item.kind != "checklist" for _, item in app.extensions["content"].items()):
        skipped.add("tools.word")  # no letter or report in this content (the toy content, say)
    return skipped


class _Shard(Freezer):
    """One worker's share of the pages; the parent checks the endpoints over all shares together."""

    def _check_endpoints(self, seen_endpoints):
        self.seen_endpoints = seen_endpoints


def make_freezer(app: Flask, shard: int = 0, shards: int = 1, only: frozenset[str] | None = None) -> Freezer:
    """A freezer for every page (or, with shards > 1, every shards-th page starting at shard; with
    only, the pages of those endpoints alone, app/editions.py).

    Every page is listed by site_urls, so the freezer does not follow the links it records: sharded, that
    would make each worker freeze nearly every page. tests/test_freeze.py compares the result with
    Frozen-Flask's own serial freeze, which does follow them.
    """
    freezer = _Shard(app, with_static_files=shard == 0 and only is None, with_no_argument_rules=False,
                     log_url_for=False)

    @freezer.register_generator
    def every_page():
        urls = (url for url in site_urls(app) if only is None or url[0] in only)
        for i, url in enumerate(urls):
            if i % shards == shard:
                yield url

    return freezer
