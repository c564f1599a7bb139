"""The organisation's own look as files of the site: its stylesheet and logo (content/site.yml).

Files, not inline style: the Content-Security-Policy allows style only from the site itself. Both exist
only in an edition that has a logo or an accent colour, so the generic guide links neither.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort

from ..content.look import stylesheet
from .helpers import organisation

bp = Blueprint("look", __name__)


def has_look() -> bool:
    org = organisation()
    return bool(org and (org.logo or org.accent))


@bp.route("/organisation/look.css")
def css():
    if not has_look():
        abort(404)
    return Response(stylesheet(organisation().accent), mimetype="text/css")


@bp.route("/organisation/<filename>")
def logo(filename: str):
    org = organisation()
    if not (org and org.logo and filename == org.logo.filename):
        abort(404)
    return Response(org.logo.data, mimetype=org.logo.mimetype)
