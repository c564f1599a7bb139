"""The search page: an A-Z list of every topic and check (no JavaScript needed) and the search field.

The search itself runs in the browser (static/js/search.js) on the Pagefind index that build.py makes
after the freeze (app/search_index.py), so a search never leaves the user's device.
"""

from __future__ import annotations

import re

from flask import render_template

from ..i18n import language_blueprint
from .helpers import edition

bp = language_blueprint("search", __name__)
NUMBER = re.compile(r"^\d+\.\s*")  # "1. Aanstelling ...": one of the twelve numbered points


def subject(title: str) -> str:
    """What a title is filed under in the A-Z list: "1. Aanstelling" under A, not under 1."""
    return NUMBER.sub("", title)


@bp.route("/zoeken/")
def page():
    """Search (with JavaScript) and the A-Z list of every topic and check (always)."""
    items = sorted(((edition().section_of(item), item) for item in edition().items()),
                   key=lambda found: subject(found[1].title).casefold())
    letters: dict[str, list] = {}
    for section, item in items:
        letters.setdefault(subject(item.title)[0].upper(), []).append((section, item))
    return render_template("search.html", letters=letters)
