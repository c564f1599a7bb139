"""Pages for reviewers: every check as a graph and as a script, so experts can sign off without YAML."""

from __future__ import annotations

import mimetypes

from flask import Response, abort, render_template
from flask_babel import gettext as _

from ..content.model import Check
from ..i18n import language_blueprint
from ..review import depths, flow_graph_svg, script_markdown
from .helpers import edition

mimetypes.add_type("text/markdown", ".md")  # Frozen-Flask checks the type against the extension
bp = language_blueprint("review", __name__)


def find(section: str, item: str) -> Check:
    found = edition().item(section, item)
    if not isinstance(found, Check):
        abort(404)
    return found


@bp.route("/review/")
def index():
    """For reviewers: each check's flow graph and full script."""
    return render_template("review_index.html", checks=edition().checks())


@bp.route("/review/<section>/<item>/")
def script(section, item):
    """One check written out: every question, answer, route and outcome, with its inventory IDs."""
    check = find(section, item)
    return render_template("review_check.html", check=check, order=list(depths(check)))


@bp.route("/review/<section>/<item>/graph.svg")
def graph(section, item):
    """The check's questions and outcomes as a flow graph."""
    check = find(section, item)
    return Response(flow_graph_svg(check, _("Flow graph: %(title)s", title=check.title)), mimetype="image/svg+xml")


@bp.route("/review/<section>/<item>/script.md")
def markdown(section, item):
    """The same script as Markdown, to comment on or compare between versions."""
    labels = {"sources": _("Sources"), "question": _("Question"), "outcome": _("Outcome"),
              "advice": _("Advice rule"), "shown_when": _("Shown when"), "block": _("Block"),
              "lead": _("In the panel at the top of the page")}
    return Response(script_markdown(find(section, item), labels), mimetype="text/markdown")
