"""Freezing: every page of the site as a file, found by walking the content rather than a list."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask
from flask_frozen import Freezer

from .content.model import Check
from .content.tools import Tool


def site_urls(app: Flask) -> Iterator[tuple[str, dict]]:
    """(endpoint, values) for every page: each language's home, sections, topics and check states."""
    yield "root.index", {}
    yield "root.sitemap", {}
    yield "root.robots", {}
    for lang, edition in app.extensions["content"].editions.items():
        yield "pages.home", {"lang": lang}
        yield "errors.not_found_page", {"lang": lang}
        yield "search.page", {"lang": lang}
        yield "review.index", {"lang": lang}
        for section in edition.sections.values():
            yield "pages.section", {"lang": lang, "section": section.id}
            for item in section.items.values():
                yield "pages.item", {"lang": lang, "section": section.id, "item": item.id}
                if isinstance(item, Tool) and item.kind != "checklist":
                    yield "tools.word", {"lang": lang, "section": section.id, "item": item.id, "name": item.id}
                if isinstance(item, Check):
                    review = {"lang": lang, "section": section.id, "item": item.id}
                    yield "review.script", review
                    yield "review.graph", review
                    yield "review.markdown", review
                    for codes in item.routes():
                        if codes:
                            yield "checks.state", {"lang": lang, "section": section.id, "item": item.id,
                                                   "answers": "/".join(codes)}


def make_freezer(app: Flask) -> Freezer:
    freezer = Freezer(app)

    @freezer.register_generator
    def every_page():
        yield from site_urls(app)

    return freezer
