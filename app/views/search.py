"""Finding things: an A-Z list of every topic and check (no JavaScript needed) and the search index.

The index is a JSON file per language, made when the site is frozen; static/js/search.js reads it in
the browser, so a search never leaves the user's device.
"""

from __future__ import annotations

import html
import re

from flask import jsonify, render_template

from ..content.model import Check, Outcome, Question
from ..content.tools import Tool
from ..i18n import current_lang, language_blueprint
from .helpers import edition, link

bp = language_blueprint("search", __name__)
TAG = re.compile(r"<[^>]+>")
HEADING = re.compile(r"<h[2-4][^>]*>(.*?)</h[2-4]>", re.S)


def plain(markup: str | None) -> str:
    return " ".join(html.unescape(TAG.sub(" ", markup or "")).split())


def headings(markup: str | None) -> list[str]:
    return [plain(h) for h in HEADING.findall(markup or "")]


def entries():
    """Every topic and check of the current language, with the text a search looks in."""
    for section in edition().sections.values():
        for item in section.items.values():
            if isinstance(item, Check):
                parts = [item.intro] + [n.hint for n in item.nodes.values() if isinstance(n, Question)]
                parts += [b.html for n in item.nodes.values() if isinstance(n, Outcome) for b in n.blocks]
                texts = [plain(p) for p in parts]
                texts += [n.title for n in item.nodes.values()]
                texts += [o.label for n in item.nodes.values() if isinstance(n, Question) for o in n.options]
                found_headings = [h for p in parts for h in headings(p)]
            elif isinstance(item, Tool):
                texts = [plain(item.intro)] + [f"{p.title} {p.text}" for p in item.points]
                texts += [f.label for f in item.all_fields] + [p.title for p in item.parts]
                if item.letter:
                    texts += [a.title for a in item.letter.articles]
                found_headings = [p.title for p in item.parts]
            else:
                texts = [plain(item.html)] + [f"{b.label} {b.value}" for c in item.charts for b in c.bars]
                found_headings = headings(item.html)
            yield section, item, found_headings, " ".join(t for t in texts if t)


@bp.route("/zoeken/")
def page():
    """Search (with JavaScript) and the A-Z list of every topic and check (always)."""
    items = sorted(((item.title, section, item) for section, item, _, _ in entries()),
                   key=lambda entry: entry[0].casefold())
    letters: dict[str, list] = {}
    for title, section, item in items:
        letters.setdefault(title[0].upper(), []).append((section, item))
    return render_template("search.html", letters=letters)


@bp.route("/zoeken/index.json")
def index():
    """The search index: title, section, headings and text of every topic and check."""
    return jsonify({
        "lang": current_lang(),
        "pages": [{
            "url": link("pages.item", section=section.id, item=item.id),
            "title": item.title,
            "section": section.title,
            "summary": item.summary,
            "headings": found_headings,
            "text": text,
        } for section, item, found_headings, text in entries()],
    })
