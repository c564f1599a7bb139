"""Gate: every frozen page is valid HTML (the Nu HTML checker) and no link of the site is broken
(linkchecker, from the site's root, never following links to other sites)."""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from app.serve import StaticHandler
from tests.markup import NEEDS_JAVASCRIPT, with_javascript

pytestmark = pytest.mark.gate

PROJECT = Path(__file__).resolve().parent.parent
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER = Path(sys.executable).with_name("linkchecker")
LINKCHECKER_CONFIG = Path(__file__).resolve().parent / "fixtures" / "linkcheckerrc"


def run_vnu(*folders: Path) -> subprocess.CompletedProcess:
    """The Nu HTML checker over every .html file below the folders; errors only."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install a Java runtime ('apt-get install default-jre-headless'; bin/test does)")
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(PROJECT)} is missing: run 'npm ci' in {PROJECT} (bin/test does)")
    return subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", *map(str, folders)],
                          capture_output=True, text=True, timeout=900)


def vnu_errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if ": error:" in line]


class LinkCheckedHandler(StaticHandler):
    """The frozen site as app/serve.py serves it, plus the header linkchecker asks for before it checks
    one host faster than 10 requests a second (see tests/fixtures/linkcheckerrc)."""

    def end_headers(self):
        self.send_header("LinkChecker", "allow")
        super().end_headers()


@pytest.fixture
def served():
    """Serve a folder on loopback for linkchecker; yields a function folder -> base address."""
    servers = []

    def serve(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(LinkCheckedHandler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def run_linkchecker(base: str) -> subprocess.CompletedProcess:
    """linkchecker from the root of a served site; links to other sites are not followed."""
    assert LINKCHECKER.exists(), f"{LINKCHECKER} is missing: pip install -e '.[test]' (bin/test does)"
    return subprocess.run([str(LINKCHECKER), "-f", str(LINKCHECKER_CONFIG), "--no-status", "--no-warnings",
                           f"{base}/"], capture_output=True, text=True, timeout=900)


SUMMARY = re.compile(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found")


def with_javascript_copies(site: Path, folder: Path) -> int:
    """Copies of the pages that hold data blocks, as they are once site.js has put the markup in place:
    the checker reads a data block as text, so the markup inside is checked in these copies."""
    copied = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if NEEDS_JAVASCRIPT.search(html):
            copy = folder / page.relative_to(site)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(with_javascript(html), encoding="utf-8")
            copied += 1
    return copied


def test_every_frozen_page_is_valid_html(frozen_site, tmp_path, gate_report):
    started = time.perf_counter()
    copies = with_javascript_copies(frozen_site, tmp_path / "with-javascript")
    result = run_vnu(frozen_site, tmp_path / "with-javascript")
    errors = vnu_errors(result)
    pages = len(list(frozen_site.rglob("*.html")))
    gate_report(f"gate html: {pages} pages, and {copies} of them as JavaScript fills them in, {len(errors)} errors "
                f"(vnu, exit {result.returncode}), {time.perf_counter() - started:.0f} s")
    assert copies > 0
    assert result.returncode == 0 and not errors, "\n".join(errors[:50]) or result.stdout + result.stderr


def test_no_link_of_the_frozen_site_is_broken(frozen_site, served, gate_report):
    started = time.perf_counter()
    result = run_linkchecker(served(frozen_site))
    summary = SUMMARY.search(result.stdout)
    assert summary, result.stdout + result.stderr
    links, urls, _, errors = map(int, summary.groups())
    gate_report(f"gate links: {urls} URLs checked, {errors} broken (linkchecker, exit {result.returncode}), "
                f"{time.perf_counter() - started:.0f} s")
    assert result.returncode == 0 and errors == 0, result.stdout
    # from the root it reaches both languages and every page, not one language's corner
    assert urls >= len(list(frozen_site.rglob("*.html"))), result.stdout


# ---- the gate can fail ---------------------------------------------------------------------------

VALID = '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"><title>Goed</title></head>\n' \
        '<body><main><h1>Goed</h1><p><a href="../{target}">verder</a></p></main></body>\n</html>\n'


def test_vnu_fails_on_a_planted_invalid_page(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "goed.html").write_text(VALID.format(target="nl/goed.html"), encoding="utf-8")
    (tmp_path / "nl" / "fout.html").write_text(VALID.format(target="nl/goed.html").replace(
        "<p><a", "<p><div><a").replace("</a></p>", "</a></div></p>"), encoding="utf-8")
    result = run_vnu(tmp_path)
    assert result.returncode != 0
    errors = vnu_errors(result)
    assert errors and all("fout.html" in error for error in errors), errors


def test_linkchecker_fails_on_a_planted_broken_link(tmp_path, served):
    (tmp_path / "nl").mkdir()
    (tmp_path / "index.html").write_text(VALID.format(target="nl/index.html").replace('"../', '"'),
                                         encoding="utf-8")
    (tmp_path / "nl" / "index.html").write_text(VALID.format(target="nl/weg.html"), encoding="utf-8")
    result = run_linkchecker(served(tmp_path))
    assert result.returncode != 0
    assert "nl/weg.html" in result.stdout
    assert SUMMARY.search(result.stdout).group(4) == "1"
