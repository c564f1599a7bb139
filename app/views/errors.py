"""Error pages in the language of the address that was asked for."""

from __future__ import annotations

from flask import Flask, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException, NotFound

from ..i18n import language_blueprint, set_lang

bp = language_blueprint("errors", __name__)


def language_of(path: str) -> str:
    first = path.strip("/").split("/", 1)[0]
    languages = current_app.config["LANGUAGES"]
    return first if first in languages else languages[0]


def render_error(error: HTTPException, status: int):
    # A static host serves the frozen 404 page at any depth, so its links must be root-absolute.
    g.absolute_urls = True
    set_lang(g.get("lang") or language_of(request.path))
    return render_template("error.html", error=error), status


@bp.route("/404.html")
def not_found_page():
    """The 404 page as a file, for static hosts to serve for unknown addresses."""
    return render_error(NotFound(), 200)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)

    @app.errorhandler(HTTPException)
    def http_error(error):
        return render_error(error, error.code or 500)
