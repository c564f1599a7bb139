"""The site's public address: full addresses in sitemap.xml, and a site hosted in a subfolder whose 404
page (served at any depth, so with root-absolute links) still finds its styles and pages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import build
from app import create_app

LINK = re.compile(r'(?:href|src)="([^"#]+)"')
IN_FOLDER = "https://wegwijzer.example.org/gids/"


def test_the_404_page_of_a_site_in_a_subfolder_links_inside_it(frozen_site):
    client = create_app({"TESTING": True, "PUBLIC_URL": IN_FOLDER}).test_client()
    for lang in ("nl", "en"):
        page = client.get(f"/{lang}/404.html").get_data(as_text=True)
        links = [link for link in LINK.findall(page) if not link.startswith("https://")]
        assert links and all(link.startswith("/gids/") for link in links), links
        for link in links:  # each one is a file of the build, once the subfolder is taken off
            path = frozen_site / link.removeprefix("/gids/")
            assert (path / "index.html" if link.endswith("/") else path).is_file(), link
        assert any("/static/css/site." in link for link in links)


def test_with_a_public_address_the_sitemap_has_full_addresses_and_robots_names_it():
    client = create_app({"TESTING": True, "PUBLIC_URL": IN_FOLDER}).test_client()
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 50 and all(urlsplit(loc).scheme == "https" and loc.startswith(IN_FOLDER)
                                       for loc in locations)
    assert f"Sitemap: {IN_FOLDER}sitemap.xml" in client.get("/robots.txt").get_data(as_text=True)


def test_without_a_public_address_there_is_no_sitemap_and_the_build_says_why(frozen_site, toy_content, tmp_path,
                                                                               capsys):
    client = create_app({"TESTING": True}).test_client()
    assert client.get("/sitemap.xml").status_code == 404
    assert "Sitemap" not in client.get("/robots.txt").get_data(as_text=True)
    assert not (frozen_site / "sitemap.xml").exists()
    build.freeze(create_app({"CONTENT_DIR": toy_content}), tmp_path / "toy")
    assert "sitemap.xml: left out, as the site's public address is unknown" in capsys.readouterr().out
