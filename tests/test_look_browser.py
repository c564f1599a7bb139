"""An organisation edition with a logo and an accent colour (examples/site.yml) stays accessible."""

from __future__ import annotations

import pytest

from .test_browser import tool_address
from .test_gate_sweep import SHARDS, sweep

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


@pytest.mark.long
@pytest.mark.gate
@pytest.mark.parametrize("shard", range(SHARDS))
def test_the_whole_edition_passes_the_sweep(browser, frozen_with_organisation, edition_url, gate_report, shard):
    """The same whole-site sweep as the generic site's (tests/test_gate_sweep.py), on the edition: axe
    (contrast of the accent colour included), lang, h1, quick exit, nothing from elsewhere."""
    sweep(browser, frozen_with_organisation, edition_url, shard, gate_report, name="edition sweep")
