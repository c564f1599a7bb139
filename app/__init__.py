"""Wegwijzer Vertrouwenspersoon: an interactive guide for unwanted behaviour at work."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from . import assets, cache, i18n, security
from .content import load_content
from .content.load import REFERENCE, content_languages

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; raises ContentError (listing every problem) when the content is broken."""
    app = Flask(__name__)
    app.config.from_mapping(
        CONTENT_DIR=PROJECT_ROOT / "content",
        # Where the quick exit goes: a busy, neutral page that reveals nothing about this site.
        QUICK_EXIT_URL="https://www.buienradar.nl/",
        FREEZER_RELATIVE_URLS=True,  # the frozen site works from any folder, even a USB stick
        FREEZER_REDIRECT_POLICY="error",
        FREEZER_DESTINATION=str(PROJECT_ROOT / "build"),
    )
    if test_config:
        app.config.update(test_config)

    content_dir = Path(app.config["CONTENT_DIR"])
    # The languages are content/'s language folders, unless a test names them: the first (nl) is the
    # reference language and the default.
    app.config.setdefault("LANGUAGES", content_languages(content_dir) or (REFERENCE,))
    app.extensions["content"] = load_content(content_dir, tuple(app.config["LANGUAGES"]),
                                             display_root=content_dir.parent)
    # The site's public address, when known: sitemap.xml needs it, and a site in a subfolder
    # (https://example.org/gids/) needs its path for the 404 page's root-absolute links.
    organisation = app.extensions["content"].organisation
    app.config.setdefault("PUBLIC_URL", organisation.url if organisation and organisation.url else None)
    i18n.init_app(app)
    security.init_app(app)
    assets.init_app(app)

    from .views import checks, errors, helpers, look, pages, review, search, tools

    helpers.init_app(app)
    app.register_blueprint(pages.root)
    app.register_blueprint(pages.bp)
    app.register_blueprint(checks.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(tools.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(look.bp)
    errors.init_app(app)
    cache.init_app(app)
    return app
