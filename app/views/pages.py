"""The guide's reading pages: language choice, home, section overviews and topics."""

from __future__ import annotations

import mimetypes

from flask import Blueprint, Response, abort, current_app, render_template, url_for

from ..content.model import Check
from ..content.tools import Tool
from ..i18n import language_blueprint, set_lang
from .helpers import edition

root = Blueprint("root", __name__)
bp = language_blueprint("pages", __name__)


@root.route("/")
def index():
    """Choose a language; the address of every other page says which one it is in."""
    set_lang(current_app.config["LANGUAGES"][0])
    return render_template("root.html")


def public_url(path: str) -> str:
    """A full address for crawlers: the site's public address with the path under it."""
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


@root.route("/sitemap.xml")
def sitemap():
    """Every reading page and every check's first page, in both languages, for search engines.

    The sitemap protocol wants full addresses, so without a public address there is no sitemap.
    """
    if not current_app.config.get("PUBLIC_URL"):
        abort(404)
    addresses = [url_for("root.index")]
    for lang, found in current_app.extensions["content"].editions.items():
        addresses.append(url_for("pages.home", lang=lang))
        addresses.append(url_for("search.page", lang=lang))
        addresses += [url_for("pages.section", lang=lang, section=section) for section in found.sections]
        addresses += [url_for("pages.item", lang=lang, section=item.section, item=item.id) for item in found.items()]
    body = render_template("sitemap.xml", addresses=[public_url(a) for a in addresses])
    return Response(body, mimetype=mimetypes.guess_type("sitemap.xml")[0])


@root.route("/robots.txt")
def robots():
    """Everything may be indexed; the check's answer pages are many, so the sitemap lists what matters."""
    lines = ["User-agent: *", "Allow: /"]
    if current_app.config.get("PUBLIC_URL"):
        lines.append(f"Sitemap: {public_url(url_for('root.sitemap'))}")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@bp.route("/")
def home():
    """Choose your role: employee, trust person or employer."""
    return render_template("home.html")


@bp.route("/<section>/")
def section(section):
    """A section's overview: its topics and checks in the order the content gives."""
    found = edition().sections.get(section) or abort(404)
    return render_template("section.html", section=found)


@bp.route("/<section>/<item>/")
def item(section, item):
    """A topic page, or the first page of a check."""
    found = edition().item(section, item) or abort(404)
    if isinstance(found, Check):
        from .checks import render_check

        return render_check(found, ())
    if isinstance(found, Tool):
        from .tools import render_tool

        return render_tool(found, edition().sections[section])
    return render_template("topic.html", topic=found, section=edition().sections[section])
