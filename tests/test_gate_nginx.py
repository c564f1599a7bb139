"""Gate: real nginx with docs/nginx.conf, on loopback, serving the frozen site: every promised header on a
page, an asset, a 404 and a redirect; HTTPS with HSTS; compression; caching; a type for every file."""

from __future__ import annotations

import gzip
import http.client
import re
import ssl
from pathlib import Path

import pytest

from app import security
from app.nginx import serving

# One worker under pytest-xdist: the module's costly shared fixture is made once.
pytestmark = [pytest.mark.gate, pytest.mark.xdist_group("nginx")]

TYPES = {"html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
         "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
         "svg": "image/svg+xml; charset=utf-8", "xml": "application/xml; charset=utf-8",
         "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "png": "image/png", "wasm": "application/wasm", "gz": None,  # .gz: served for its sibling
         # Pagefind's index and WebAssembly files (static/pagefind/), compressed by Pagefind itself
         "pagefind": "application/octet-stream", "pf_fragment": "application/octet-stream",
         "pf_index": "application/octet-stream", "pf_meta": "application/octet-stream"}


@pytest.fixture(scope="module")
def nginx(frozen_site, tmp_path_factory):
    """nginx with docs/nginx.conf serving the frozen site (with the .gz files a build writes)."""
    with serving(frozen_site, tmp_path_factory.mktemp("nginx")) as ports:
        yield ports


def get(port: int, path: str, tls: bool = True, **headers):
    """One request; (status, headers as a dict with lower-case names, body)."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10,
                                                 context=ssl._create_unverified_context())
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def promised_header_problems(headers: dict) -> list[str]:
    promised = {**security.HEADERS, "Strict-Transport-Security": security.STRICT_TRANSPORT_SECURITY}
    problems = [f"{name}: {headers.get(name.lower())!r}, expected {value!r}"
                for name, value in promised.items() if headers.get(name.lower()) != value]
    if headers.get("server", "") != "nginx":
        problems.append(f"Server: {headers.get('server')!r} (server_tokens off shows no version)")
    return problems


def linked_asset(frozen_site: Path) -> str:
    page = (frozen_site / "nl" / "index.html").read_text(encoding="utf-8")
    return "/" + re.search(r'href="(?:\.\./)*(static/css/site\.[0-9a-f]{10}\.css)"', page).group(1)


def test_a_page_has_every_header_and_revalidates(nginx):
    status, headers, body = get(nginx["https"], "/nl/")
    assert status == 200 and b"<html lang=\"nl\">" in body
    assert promised_header_problems(headers) == []
    assert headers["cache-control"] == "no-cache" and "etag" in headers
    assert headers["content-type"] == "text/html; charset=utf-8"


def test_a_hashed_asset_is_kept_a_year_and_a_plain_one_revalidates(nginx, frozen_site):
    asset = linked_asset(frozen_site)
    status, headers, _ = get(nginx["https"], asset)
    assert status == 200 and promised_header_problems(headers) == []
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    status, headers, _ = get(nginx["https"], "/static/css/site.css")
    assert status == 200 and headers["cache-control"] == "no-cache"


def test_text_is_sent_compressed(nginx, frozen_site):
    for path in ("/nl/", linked_asset(frozen_site), "/static/js/site.js"):
        status, headers, body = get(nginx["https"], path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", path
        assert headers.get("vary") == "Accept-Encoding", path
        assert gzip.decompress(body)
    # gzip_static: the page's own .gz file from the build, not compressed again on the fly
    _, _, body = get(nginx["https"], "/nl/", **{"Accept-Encoding": "gzip"})
    assert body == (frozen_site / "nl" / "index.html.gz").read_bytes()


def test_an_unknown_address_gets_the_404_page_of_its_language_with_every_header(nginx):
    for path, words in [("/nl/bestaat-niet/", b"Pagina niet gevonden"), ("/en/missing/", b"Page not found"),
                        ("/elders/", b"Pagina niet gevonden")]:
        status, headers, body = get(nginx["https"], path)
        assert status == 404 and words in body, path
        assert promised_header_problems(headers) == [], path


def test_an_address_without_its_slash_redirects_with_every_header(nginx):
    status, headers, _ = get(nginx["https"], "/nl/werknemer")
    assert status == 301 and headers["location"] == "/nl/werknemer/"
    assert promised_header_problems(headers) == []


def test_plain_http_redirects_to_https(nginx):
    status, headers, _ = get(nginx["http"], "/nl/werknemer/?x=1", tls=False, Host="wegwijzer.example.org")
    assert status == 301 and headers["location"] == "https://wegwijzer.example.org/nl/werknemer/?x=1"
    assert headers.get("server") == "nginx" and "strict-transport-security" not in headers


def test_every_kind_of_file_in_the_build_has_its_type(nginx, frozen_site):
    seen = {}
    for path in sorted(frozen_site.rglob("*")):
        if path.is_file():
            seen.setdefault(path.suffix.lstrip("."), path)
    unknown = sorted(set(seen) - set(TYPES))
    assert unknown == [], f"add a type for these to docs/nginx.conf and to TYPES here: {unknown}"
    for suffix, path in seen.items():
        if TYPES[suffix] is None:
            continue
        status, headers, _ = get(nginx["https"], "/" + path.relative_to(frozen_site).as_posix())
        assert status == 200 and headers["content-type"] == TYPES[suffix], path
