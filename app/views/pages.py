"""The guide's reading pages: language choice, home, section overviews and topics."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template

from ..content.model import Check
from ..i18n import language_blueprint, set_lang
from .helpers import edition

root = Blueprint("root", __name__)
bp = language_blueprint("pages", __name__)


@root.route("/")
def index():
    """Choose a language; the address of every other page says which one it is in."""
    set_lang(current_app.config["LANGUAGES"][0])
    return render_template("root.html")


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
    return render_template("topic.html", topic=found, section=edition().sections[section])
