"""The frozen site: every page is a file, in the right language, and no internal link is broken."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from app import create_app
from app.assets import HASHED, plain_name
from app.freeze import make_freezer, site_urls

EXPECTED_URLS = Path(__file__).parent / "expected_urls.txt"
LINK = re.compile(r'(?:href|src)="([^"]*)"')
QUICK_EXIT = re.compile(r'class="quick-exit"[^>]*>([^<]*)<')


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_freezer_lists_every_page_and_matches_the_stored_list():
    """A change to the content shows up as a change to this list in review.

    After an intended change, regenerate it: WEGWIJZER_UPDATE_URLS=1 python -m pytest tests/test_freeze.py
    """
    urls = sorted(set(make_freezer(create_app()).all_urls()))
    text = "\n".join(u for u in urls if not u.startswith("/static/")) + "\n"
    if os.environ.get("WEGWIJZER_UPDATE_URLS"):
        EXPECTED_URLS.write_text(text, encoding="utf-8")
    assert text == EXPECTED_URLS.read_text(encoding="utf-8")


def test_the_parallel_freeze_gives_frozen_flasks_own_serial_freeze_byte_for_byte(frozen_site, tmp_path):
    """build.py freezes on every core and lists every page itself; Frozen-Flask's plain serial freeze,
    which also follows every link it sees, must give exactly the same files (the .gz copies aside)."""
    import gzip

    from flask_frozen import Freezer, MissingURLGeneratorWarning

    app = create_app({"FREEZER_DESTINATION": str(tmp_path / "serial")})
    serial = Freezer(app, with_no_argument_rules=False)  # those are in site_urls, less what it leaves out
    serial.register_generator(lambda: site_urls(app))
    with pytest.warns(MissingURLGeneratorWarning, match="root.sitemap"):  # left out on purpose: no address
        serial.freeze()

    def files(root):
        # the search index is written after the freeze, by Pagefind (build.index_search)
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and p.suffix != ".gz" and "pagefind" not in p.relative_to(root).parts}

    parallel, reference = files(frozen_site), files(tmp_path / "serial")
    assert sorted(parallel.keys() ^ reference.keys()) == []
    assert [name for name in reference if parallel[name] != reference[name]] == []
    for gz in frozen_site.rglob("*.html.gz"):
        assert gzip.decompress(gz.read_bytes()) == gz.with_suffix("").read_bytes()


def test_every_listed_page_is_a_file(frozen_site):
    for url in make_freezer(create_app()).all_urls():
        path = frozen_site / (url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
        assert path.is_file(), url


@pytest.mark.parametrize("lang, quick_exit", [("nl", "Snel weg"), ("en", "Quick exit")])
def test_frozen_pages_have_the_interface_language_of_their_folder(frozen_site, lang, quick_exit):
    pages = html_files(frozen_site / lang)
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html, page
        assert QUICK_EXIT.search(html).group(1) == quick_exit, page


def test_no_internal_link_in_the_frozen_site_is_broken(frozen_site):
    checked = 0
    for page in html_files(frozen_site):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith("#"):
                continue
            base = frozen_site if parts.path.startswith("/") else page.parent
            path = (base / unquote(parts.path).lstrip("/")).resolve()
            if target.endswith("/") or path.is_dir():
                path = path / "index.html"
            assert path.is_file(), f"{page.relative_to(frozen_site)}: broken link {target}"
            checked += 1
    assert checked > 1000


def test_frozen_links_are_relative_so_the_site_works_from_any_folder(frozen_site):
    html = (frozen_site / "nl/werknemer/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./\.\./static/css/site\.[0-9a-f]{10}\.css"', html)
    assert 'href="check/index.html"' in html


def test_static_files_are_frozen_under_their_hashed_names_and_their_own(frozen_site):
    """Pages link the hashed name (cacheable for a year); the plain name stays for anything else."""
    html = (frozen_site / "nl/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'(?:href|src)="(?:\.\./)*(static/[^"]+)"', html)
    assert len(linked) >= 3
    for name in linked:
        assert HASHED.match(name), name
        assert (frozen_site / name).read_bytes() == (frozen_site / plain_name(name)).read_bytes()


def test_each_language_has_a_404_page_with_root_absolute_links(frozen_site):
    for lang, words in [("nl", "Pagina niet gevonden"), ("en", "Page not found")]:
        html = (frozen_site / lang / "404.html").read_text(encoding="utf-8")
        assert words in html and f'<html lang="{lang}">' in html
        assert f'href="/{lang}/"' in html and re.search(r'href="/static/css/site\.[0-9a-f]{10}\.css"', html)


def reachable_pages(root: Path, start: Path) -> set[Path]:
    """Every frozen page a visitor can reach from start by following links, as clicking would."""
    seen, todo = set(), [start]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or target.startswith("#") or not parts.path.endswith(".html"):
                continue
            path = (page.parent / unquote(parts.path)).resolve()
            if path.is_file():
                todo.append(path)
    return seen


def test_every_page_is_reachable_from_the_front_page_by_following_links(frozen_site):
    root = frozen_site.resolve()
    reached = reachable_pages(root, root / "index.html")
    pages = {p.resolve() for p in html_files(root) if p.name != "404.html"}
    unreachable = sorted(str(p.relative_to(root)) for p in pages - reached)
    assert unreachable == []
    assert len(reached) == len(pages)
