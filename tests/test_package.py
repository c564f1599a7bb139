"""python build.py package: an upload-ready zip per organisation."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import create_app
from app.package import host_readme, nginx_config, package, site_files, slug

from .test_gate_html import SUMMARY, run_linkchecker, served  # noqa: F401 (served is a fixture)

PROJECT = Path(__file__).resolve().parent.parent
TOY = PROJECT / "tests" / "fixtures" / "content"


@pytest.mark.build
def test_package_of_the_example_is_a_working_site_with_its_nginx_config(tmp_path, served):
    dist = tmp_path / "dist"
    result = subprocess.run([sys.executable, "build.py", "package", "examples/site.yml"], cwd=PROJECT,
                            capture_output=True, text=True, env={**os.environ, "WEGWIJZER_DIST": str(dist)},
                            timeout=900)
    assert result.returncode == 0, result.stderr
    target = dist / "zorggroep-de-linde.zip"
    assert f"package: {target} (" in result.stdout and " MB, " in result.stdout
    with zipfile.ZipFile(target) as archive:
        archive.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "zorggroep-de-linde"
    nginx = (root / "nginx.conf").read_text(encoding="utf-8")
    assert nginx.count("server_name wegwijzer.delinde.example;") == 2 and "example.org" not in nginx
    readme = (root / "README.txt").read_text(encoding="utf-8")
    assert "Zorggroep De Linde" in readme and "Content-Security-Policy: default-src 'none'" in readme
    assert "site/nl/404.html" in readme
    site = root / "site"
    assert (site / "organisation" / "logo.svg").is_file() and (site / "sitemap.xml").is_file()
    # the search works in the edition: its index is there, for each language
    assert (site / "static" / "pagefind" / "pagefind.js").is_file()
    assert {p.name for p in (site / "static" / "pagefind").glob("words-*.json")} == {"words-nl.json", "words-en.json"}
    linked = run_linkchecker(served(site))
    summary = SUMMARY.search(linked.stdout)
    assert linked.returncode == 0 and summary and summary[4] == "0", linked.stdout[-3000:]
    assert int(summary[2]) > 1000  # it walked the site, not just the first page


def test_a_folder_gives_every_yml_in_it(tmp_path):
    for name in ("b.yml", "a.yml", "notes.txt"):
        (tmp_path / name).write_text("organisation: X\n", encoding="utf-8")
    assert site_files([str(tmp_path)]) == [tmp_path / "a.yml", tmp_path / "b.yml"]
    assert site_files([]) == [None]
    with pytest.raises(SystemExit, match="no file or folder 'missing.yml'"):
        site_files(["missing.yml"])


def test_a_bad_site_yml_stops_every_edition_with_its_lines(tmp_path, capsys):
    (tmp_path / "good.yml").write_text("organisation: Goed\n", encoding="utf-8")
    (tmp_path / "bad.yml").write_text("organisation: Fout\naccent: '#777777'\n", encoding="utf-8")
    app = create_app({"CONTENT_DIR": TOY})
    frozen = []
    with pytest.raises(SystemExit) as stopped:
        package(app, [str(tmp_path)], lambda app, site: frozen.append(site) or 0, tmp_path / "dist")
    assert stopped.value.code == 1 and frozen == []  # nothing built, not even the good one
    error = capsys.readouterr().err
    assert "bad.yml:2 accent: #777777 fails WCAG AA contrast" in error


def test_each_edition_has_its_own_organisation_and_address(tmp_path):
    import build

    (tmp_path / "a.yml").write_text("organisation: Eerste\nurl: https://een.example/gids/\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("organisation: Tweede\n", encoding="utf-8")
    app = create_app({"CONTENT_DIR": TOY})
    frozen = []

    def freeze(app, site):  # the toy site, once, with the organisation's parts open
        frozen.append((app.extensions["content"].organisation, app.config["PUBLIC_URL"]))
        return build.freeze(app, site, workers=1)

    written = package(app, [str(tmp_path)], freeze, tmp_path / "dist")
    assert frozen == [(None, None)]
    assert [p.name for p in written] == ["eerste.zip", "tweede.zip"]
    for target, name, other in [(written[0], "Eerste", "Tweede"), (written[1], "Tweede", "Eerste")]:
        with zipfile.ZipFile(target) as archive:
            home = archive.read(f"{target.stem}/site/nl/index.html").decode("utf-8")
            robots = archive.read(f"{target.stem}/site/robots.txt").decode("utf-8")
        assert f'<span class="organisation-brand">{name}</span>' in home and other not in home
        assert "<!--organisation:" not in home
        # the address is the edition's own: only the first has one, so only it has a sitemap
        assert ("Sitemap: https://een.example/gids/sitemap.xml" in robots) == (name == "Eerste")
    assert app.extensions["content"].organisation is None  # the app is left as it was


def test_nginx_config_and_readme_follow_the_address():
    assert "server_name gids.example.nl;" in nginx_config("https://gids.example.nl/wegwijzer/")
    assert "server_name wegwijzer.example.org;" in nginx_config(None)
    assert "subfolder /wegwijzer/" in host_readme(None, "https://gids.example.nl/wegwijzer/")
    assert "set it to your host name" in host_readme(None, None)
    assert slug(None) == "wegwijzer"
