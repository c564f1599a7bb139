"""An edition made by filling in the open build (app/editions.py, build.py package) is, byte for byte,
the edition frozen directly: every file, its gzip copy and the search index."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import build
from app import create_app
from app.content.load import load_organisation
from app.editions import fill, open_build, read_site

PROJECT = Path(__file__).resolve().parent.parent
# Without a logo or colour, in a subfolder (error pages link from it), one trust person without a phone.
PLAIN = """organisation: Stichting Voorbeeld
url: https://gids.voorbeeld.example/wegwijzer/
trust_persons:
  - name: Karel Bos
    kind: extern
    email: vp@voorbeeld.example
"""


@pytest.mark.build
@pytest.mark.long
def test_a_filled_in_edition_is_the_edition_frozen_directly(tmp_path):
    (tmp_path / "plain.yml").write_text(PLAIN, encoding="utf-8")
    app = create_app()
    content = app.extensions["content"]
    open_site = open_build(app, build.freeze_site, tmp_path / "open")
    languages = tuple(app.config["LANGUAGES"])
    for yml in (PROJECT / "examples" / "site.yml", tmp_path / "plain.yml"):
        organisation = load_organisation(yml, languages, yml.parent)
        app.extensions["content"] = dataclasses.replace(content, organisation=organisation)
        app.config["PUBLIC_URL"] = organisation.url
        made = fill(app, open_site)
        build.freeze_site(app, tmp_path / yml.stem)
        expected = read_site(tmp_path / yml.stem)
        assert sorted(made) == sorted(expected), yml.name
        different = [name for name in expected if made[name] != expected[name]]
        assert different == [], f"{yml.name}: {len(different)} files differ, first {different[:5]}"
        # the organisation is on the pages, the marker is not
        page = made["nl/index.html"].decode("utf-8")
        assert "organisation-brand" in page and "<!--organisation:" not in page
