"""Languages: the language lives only in the URL (no cookie); interface strings come from flask-babel."""

from __future__ import annotations

from pathlib import Path

import flask_babel
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, Flask, current_app, g
from werkzeug.routing import BaseConverter

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


def compile_catalogues(directory: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .po that is newer than its .mo: flask-babel only reads .mo files."""
    compiled = []
    for po_path in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalogue = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalogue)
        compiled.append(mo_path)
    return compiled


def current_lang() -> str:
    return g.get("lang") or current_app.config["LANGUAGES"][0]


def set_lang(lang: str) -> None:
    g.lang = lang
    # flask-babel caches the locale in g; Frozen-Flask renders every page in one app context, so
    # without this refresh every frozen page after the first keeps the first page's language.
    flask_babel.refresh()


def init_app(app: Flask) -> None:
    # A language's interface text is its catalogue translations/<lang>/LC_MESSAGES/messages.po
    # (English, the language the templates are written in, needs none).
    translations = Path(app.config.setdefault("TRANSLATIONS_DIR", TRANSLATIONS))
    compile_catalogues(translations)
    register_language_converter(app)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", app.config["LANGUAGES"][0])
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations)
    flask_babel.Babel(app, locale_selector=current_lang)
    install_template_gettext(app)


def install_template_gettext(app: Flask) -> None:
    """Templates translate through one catalogue per language, found once and kept.

    flask-babel looks the catalogue up again through the request context for each string (about 25 on
    a page): a sixth of the time a frozen page took. The catalogues do not change while the app runs
    (they are compiled when it starts), so the language alone picks the catalogue.
    """
    catalogues: dict[str, object] = {}

    def catalogue():
        lang = current_lang()
        if lang not in catalogues:
            catalogues[lang] = flask_babel.get_translations()
        return catalogues[lang]

    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalogue().ugettext(s),
        ngettext=lambda s, p, n: catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )


def language_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose every address starts with the language: /nl/..., /en/..."""
    bp = Blueprint(name, import_name, url_prefix="/<lang:lang>")

    @bp.url_value_preprocessor
    def take_language(endpoint, values):
        set_lang(values.pop("lang"))

    @bp.url_defaults
    def add_language(endpoint, values):
        # g.get: Frozen-Flask builds URLs outside any request, where g has no language yet.
        values.setdefault("lang", g.get("lang"))

    return bp


def register_language_converter(app: Flask) -> None:
    """<lang:...> matches only the configured languages, so /fr/ is a plain 404."""
    pattern = "|".join(app.config["LANGUAGES"])
    app.url_map.converters["lang"] = type("LanguageConverter", (BaseConverter,), {"regex": pattern})
