"""An organisation edition with a logo and an accent colour (examples/site.yml) stays accessible."""

from __future__ import annotations

import pytest

from .test_browser import tool_address
from .test_gate_sweep import SHARDS, edition_cover, sweep

pytestmark = pytest.mark.browser

# One page of each kind (a template each), in the organisation edition.
PAGES = ["/index.html", "/nl/", "/en/", "/nl/werknemer/", "/nl/werknemer/waar-vind-ik-een-vp/",
         "/nl/werknemer/check/", "/nl/werknemer/check/a1/", "/nl/werknemer/check/a1/b1/c1/d1/",
         "/nl/zoeken/", "/nl/review/", "/nl/review/werknemer/check/", "/nl/404.html",
         *(tool_address("nl", kind)[0] for kind in ("checklist", "letter", "report"))]


def test_every_kind_of_page_shows_the_logo_and_the_accent(page, edition_url):
    """What the look gives each kind of page; their accessibility is the edition sweep's, below."""
    for address in PAGES:
        response = page.goto(edition_url + address)
        assert response.status in (200, 404), address
        logo = page.locator("header img.organisation-logo")
        assert logo.get_attribute("alt") == "Zorggroep De Linde", address
        assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()") \
            == "#0b5c3b", address
        assert page.evaluate("document.querySelector('header img').naturalWidth") > 0, address  # it loaded


@pytest.mark.gate
@pytest.mark.parametrize("shard", range(SHARDS))
def test_the_whole_edition_passes_the_sweep(browser, frozen_with_organisation, edition_url, gate_report, shard):
    """The whole-site sweep (tests/test_gate_sweep.py) on the edition: every page's file read, and in
    Chromium axe (contrast of the accent colour included), nothing from elsewhere, cookies, console.

    Chromium loads a cover of the edition's pages, not one page per shape. The edition is the generic
    site with its organisation's parts filled in and look.css added (tests/test_editions.py), and the
    generic sweep has checked the generic site. What the edition can change is colour, which follows an
    element's path from the root (site.css selects on nothing else but for margins:
    test_the_paths_keep_what_the_stylesheet_selects_on), and its parts, which are elements with paths
    too. So every element path (with whether it holds text) needs one page in Chromium, and so does
    every outline (the order of headings and landmarks, for the rules that read the page as a whole)."""
    sweep(browser, frozen_with_organisation, edition_url, shard, gate_report, "edition sweep",
          edition_cover(frozen_with_organisation))
