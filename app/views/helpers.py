"""Template helpers shared by every view: links that survive freezing, and content rendering."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app, g, request, url_for
from flask_frozen import relative_url_for
from babel import Locale
from flask_babel import format_date, format_decimal
from markupsafe import Markup

from ..assets import hashed_name
from ..content.model import Check, Edition
from ..editions import organisation_part
from ..i18n import current_lang

INTERNAL_HREF = re.compile(r'href="(/[^"#]*)(#[^"]*)?"')


def link(endpoint: str, **values) -> str:
    """url_for, relative while freezing (Frozen-Flask patches the Jinja global), absolute on error pages.

    Error pages are served for any unknown address, at any depth, so only root-absolute links work there.
    Static files are linked by their hashed names (app/assets.py), which a host may cache for a year.
    """
    if endpoint == "static":
        values["filename"] = hashed_name(values["filename"])
    if g.get("absolute_urls"):
        # Under a WSGI server mounted in a subfolder, url_for already starts with it (script_root);
        # a static host only knows the subfolder from the site's public address.
        return ("" if request.script_root else public_path()) + url_for(endpoint, **values)
    template_url_for = current_app.jinja_env.globals["url_for"]
    if template_url_for is not relative_url_for or "_anchor" in values or "_external" in values:
        return template_url_for(endpoint, **values)
    # Freezing: Frozen-Flask's relative url_for, made cheap. A page links about twenty pages, and the
    # same ones from page to page; building each address once saves a quarter of the freeze.
    return relative_to_page(frozen_address(endpoint, values), request.path)


def frozen_address(endpoint: str, values: dict) -> str:
    """The root-absolute address as a frozen file (…/ as …/index.html), built once per app."""
    memo = current_app.extensions.setdefault("frozen_addresses", {})
    key = (endpoint, g.get("lang"), tuple(sorted(values.items())))
    if key not in memo:
        address = url_for(endpoint, **values)
        memo[key] = address + "index.html" if address.endswith("/") else address
    return memo[key]


def relative_to_page(address: str, page: str) -> str:
    """posixpath.relpath(address, the page's folder), as Frozen-Flask writes it, for root-absolute paths."""
    folder = page if page.endswith("/") else page.rsplit("/", 1)[0] + "/"
    here, there = folder.strip("/").split("/"), address.lstrip("/").split("/")
    here, there = [p for p in here if p], [p for p in there if p]
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + there[common:]
    return "/".join(parts) or "."


def public_path() -> str:
    """The path of the site's public address without its final slash: /gids, or '' at a domain's root."""
    return urlsplit(current_app.config.get("PUBLIC_URL") or "").path.rstrip("/")


def check_url(check: Check, codes: tuple[str, ...] = ()) -> str:
    """The address of the page a check shows after these answers."""
    if not codes:
        return link("pages.item", section=check.section, item=check.id)
    return link("checks.state", section=check.section, item=check.id, answers="/".join(codes))


def site_path_url(path: str, lang: str | None = None) -> str:
    """An address written in content (/werknemer/check/) as a link in the current language."""
    values = {"lang": lang} if lang else {}
    parts = [p for p in path.split("/") if p]
    if not parts:
        return link("pages.home", **values)
    if len(parts) == 1:
        return link("pages.section", section=parts[0], **values)
    return link("pages.item", section=parts[0], item=parts[1], **values)


def render_content(html: str | None) -> Markup:
    """Rendered Markdown with its guide-internal links pointed at the current language."""
    if not html:
        return Markup("")
    return Markup(INTERNAL_HREF.sub(lambda m: f'href="{site_path_url(m.group(1))}{m.group(2) or ""}"', html))


def edition() -> Edition:
    content = current_app.extensions["content"]
    return content.editions.get(current_lang()) or next(iter(content.editions.values()))


def other_languages() -> list[tuple[str, str]]:
    """(language, the current page in that language) for the language switch."""
    result = []
    for lang in current_app.config["LANGUAGES"]:
        if lang == current_lang():
            continue
        if request.endpoint and request.view_args is not None and not g.get("absolute_urls"):
            address = link(request.endpoint, **{**request.view_args, "lang": lang})
        else:
            address = link("pages.home", lang=lang)
        result.append((lang, address))
    return result


def organisation():
    """The organisation edition (content/site.yml), or None for the generic guide."""
    return current_app.extensions["content"].organisation


def own_names(languages) -> dict[str, str]:
    """Each language named in itself, for the language switch: Nederlands, English, Deutsch."""
    return {lang: Locale.parse(lang).get_display_name(lang).capitalize() for lang in languages}


def language_name(code: str) -> str:
    """A language a trust person speaks, named in the language of the page."""
    return Locale.parse(code).get_display_name(current_lang()) or code


def init_app(app) -> None:
    @app.url_value_preprocessor
    def fresh_request_state(endpoint, values):
        # Frozen-Flask renders every page inside one app context, so g outlives a request there:
        # clear what a page sets for itself before the language blueprints set the new language.
        g.pop("absolute_urls", None)
        g.pop("lang", None)

    app.jinja_env.globals.update(link=link, check_url=check_url, edition=edition, site_path_url=site_path_url,
                                 other_languages=other_languages, language_names=own_names(app.config["LANGUAGES"]),
                                 current_lang=current_lang, format_date=format_date,
                                 format_decimal=format_decimal, organisation=organisation,
                                 language_name=language_name, organisation_part=organisation_part)
    app.jinja_env.filters["content"] = render_content
    app.jinja_env.filters["language_name"] = language_name
