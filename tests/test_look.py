"""An organisation's own look (site.yml `logo`, `accent`): checked for contrast and safety, served as files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app import create_app
from app.content import ContentError
from app.content.look import SOFT, WHITE, contrast_ratio, stylesheet

PROJECT = Path(__file__).resolve().parent.parent
SITE = "organisation: De Linde\n"
LOGO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" '
            'fill="#154273"/><use href="#x"/></svg>')


@pytest.mark.parametrize("first, second, ratio", [
    ("#767676", "#ffffff", 4.54), ("#777777", "#ffffff", 4.48), ("#000000", "#ffffff", 21.0),
    ("#ffffff", "#ffffff", 1.0),
])
def test_contrast_ratio_matches_wcag(first, second, ratio):
    assert round(contrast_ratio(first, second), 2) == ratio
    assert contrast_ratio(second, first) == contrast_ratio(first, second)


def test_the_backgrounds_checked_are_the_stylesheets():
    css = (PROJECT / "app" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert f"--soft: {SOFT};" in css
    assert "background: #fff;" in css and WHITE == "#ffffff"
    assert re.search(r"\.button \{[^}]*color: #fff", css)  # the white text the accent sits under


def edition(tmp_path, site_yml: str, files: dict[str, bytes] | None = None):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "tests" / "fixtures" / "content", content)
    (content / "site.yml").write_text(site_yml, encoding="utf-8")
    for name, data in (files or {}).items():
        (content / name).write_bytes(data)
    return create_app({"CONTENT_DIR": content, "TESTING": True})


def problems(tmp_path, site_yml: str, files: dict[str, bytes] | None = None) -> list[str]:
    try:
        edition(tmp_path, site_yml, files)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize("accent, expected", [
    ("'#777777'", "content/site.yml:2 accent: #777777 fails WCAG AA contrast for links and answer labels on the "
                  "white page: #777777 on #ffffff is 4.48:1, at least 4.5:1 is needed; choose a darker colour"),
    ("'#767676'", "content/site.yml:2 accent: #767676 fails WCAG AA contrast for links in the light grey footer: "
                  "#767676 on #f3f2f1 is 4.06:1, at least 4.5:1 is needed; choose a darker colour"),
    ("'#FFBF47'", "content/site.yml:2 accent: #ffbf47 fails WCAG AA contrast for links and answer labels on the "
                  "white page: #ffbf47 on #ffffff is 1.64:1, at least 4.5:1 is needed; choose a darker colour"),
    ("blue", "content/site.yml:2 accent: expected a colour as #rrggbb (like #154273), found text 'blue'"),
    ("'#15427'", "content/site.yml:2 accent: expected a colour as #rrggbb (like #154273), found text '#15427'"),
])
def test_an_accent_colour_that_is_hard_to_read_is_refused(tmp_path, accent, expected):
    assert problems(tmp_path, SITE + f"accent: {accent}\n") == [expected]


@pytest.mark.parametrize("logo, data, expected", [
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * 102400 + b"</svg>",
     "'logo.svg' is 100 KB, at most 100 KB is allowed: every page loads it"),
    ("logo.gif", b"GIF89a", "expected an SVG or PNG file (.svg or .png), found 'logo.gif'"),
    ("logo.png", b"<svg/>", "'logo.png' is not a PNG image (its first bytes say otherwise)"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
     "'logo.svg' contains <script>: a logo may hold no script or embedded page"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect onclick='go()'/></svg>",
     "'logo.svg' has an event attribute onclick= on <rect>: a logo may hold no script"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>"
                 b"<image xlink:href='https://tracker.example/p.png'/></svg>",
     "'logo.svg' refers to 'https://tracker.example/p.png' on <image>: a logo may only refer to parts of itself"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><rect style=\"fill:url('https://x.example/a')\"/></svg>",
     "'logo.svg' refers to another file in style= on <rect>: a logo may only refer to parts of itself"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><style>@import 'https://x.example/a.css';</style></svg>",
     "'logo.svg' has a <style> that loads from elsewhere (url() or @import)"),
    ("logo.svg", b"<!DOCTYPE svg [<!ENTITY a 'aaaa'>]><svg xmlns='http://www.w3.org/2000/svg'>&a;</svg>",
     "'logo.svg' has a DOCTYPE or ENTITY declaration: save it as plain SVG"),
    ("../logo.svg", LOGO_SVG.encode(), "expected a file inside content/, found '../logo.svg'"),
    ("missing.svg", None, "no file 'missing.svg' in content/"),
])
def test_a_logo_that_is_too_big_of_the_wrong_kind_or_active_is_refused(tmp_path, logo, data, expected):
    files = {} if data is None else {Path(logo).name: data}
    if logo.startswith("../"):
        (tmp_path / "logo.svg").write_bytes(data)
        files = {}
    assert problems(tmp_path, SITE + f"logo: {logo}\n", files) == [f"content/site.yml:2 logo: {expected}"]


def test_a_logo_and_accent_are_served_from_the_site_itself(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
    app = edition(tmp_path, SITE + "logo: logo.png\naccent: '#0B5C3B'\n", {"logo.png": png})
    client = app.test_client()
    page = client.get("/nl/").get_data(as_text=True)
    assert '<link rel="stylesheet" href="/organisation/look.css">' in page
    assert '<img class="organisation-logo" src="/organisation/logo.png" alt="De Linde">' in page
    css = client.get("/organisation/look.css")
    assert css.mimetype == "text/css" and "--accent: #0b5c3b; --link: #0b5c3b;" in css.get_data(as_text=True)
    assert client.get("/organisation/logo.png").data == png
    assert client.get("/organisation/logo.svg").status_code == 404
    assert "style=" not in page  # the policy allows no inline style


def test_without_logo_or_accent_no_look_is_linked_and_the_name_is_text(tmp_path):
    client = edition(tmp_path, SITE).test_client()
    page = client.get("/nl/").get_data(as_text=True)
    assert "look.css" not in page and "organisation-logo" not in page
    assert '<span class="organisation-brand">De Linde</span>' in page
    assert client.get("/organisation/look.css").status_code == 404


def test_the_generic_guide_links_no_look(client):
    page = client.get("/nl/").get_data(as_text=True)
    assert "look.css" not in page and "organisation-brand" not in page


def test_the_accent_replaces_the_sites_accent_and_link_colour():
    assert ":root { --accent: #0b5c3b; --link: #0b5c3b; }" in stylesheet("#0b5c3b")
    assert "--accent" not in stylesheet(None)


# ---- what the edition's sweep may leave out (tests/test_look_browser.py) -----------------------------------

def test_the_paths_keep_what_the_stylesheet_selects_on():
    """The edition's sweep loads one page per element path: that holds only while site.css and look.css
    select on what a path keeps (tag, classes, the values VALUE_KEPT names, a link's kind of address),
    and look at an element's siblings only for margins."""
    from tests.test_gate_sweep import VALUE_KEPT

    css = (Path(__file__).resolve().parent.parent / "app" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    css += stylesheet("#0b5c3b")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    assert len(rules) > 50, "too few rules read: has the stylesheet's form changed?"
    for selector, declarations in rules:
        for attribute in re.findall(r"\[([a-z-]+)", selector):
            assert attribute in VALUE_KEPT or attribute == "href", f"{selector.strip()}: a path leaves out {attribute}'s value"
        if re.search(r"[+~]|:(first|last|nth|only)-|:has|:empty", selector):
            properties = {line.split(":")[0].strip() for line in declarations.split(";") if line.strip()}
            assert all(p.startswith("margin") for p in properties), f"{selector.strip()} looks at siblings for {properties}"


def test_element_paths_tell_apart_what_styles_and_rules_tell_apart():
    from tests.test_gate_sweep import ShapeReader, cover

    def features(html):
        reader = ShapeReader()
        reader.feed(html)
        reader.close()
        return reader.features()

    page = '<html lang="nl"><body><main><h1>A</h1><p>Tekst <a href="{href}">link</a></p>{more}</main></body></html>'
    plain = features(page.format(href="../x/index.html", more=""))
    assert features(page.format(href="../y/index.html", more="")) == plain  # where a link goes: the same
    assert features(page.format(href="https://example.org/", more="")) != plain  # another site's link is marked
    assert features(page.format(href="../x/", more='<p class="note">b</p>')) - plain  # a new class is a new path
    empty = features(page.format(href="../x/", more="<p></p>"))
    assert "html[lang=nl] > body > main > p > #text" in plain and empty - plain == set()  # no text, no new path
    two = features(page.format(href="../x/", more="<h2>b</h2><h2>c</h2>"))
    one = features(page.format(href="../x/", more="<h2>b</h2>"))
    assert two == one  # a run of headings of one level is one step of the outline
    deeper = features(page.format(href="../x/", more="<h2>b</h2><h3>c</h3>"))
    assert {f for f in deeper if f.startswith("outline")} != {f for f in one if f.startswith("outline")}
    chosen = cover({"a": plain, "b": one, "c": deeper, "d": two})
    assert chosen == ["c", "a", "b"]  # c holds most; a and b each add their outline; d adds nothing
