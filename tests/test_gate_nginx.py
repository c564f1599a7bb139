"""Gate: real nginx with docs/nginx.conf, on loopback, serving the frozen site: every promised header on a
page, an asset, a 404 and a redirect; HTTPS with HSTS; compression; caching; a type for every file."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from app import security
from app.assets import HASHED

PROJECT = Path(__file__).resolve().parent.parent
NGINX_CONF = PROJECT / "docs" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TYPES = {"html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
         "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
         "svg": "image/svg+xml; charset=utf-8", "xml": "application/xml; charset=utf-8",
         "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "png": "image/png", "wasm": "application/wasm", "gz": None}  # .gz: served for its sibling


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_config(site: Path, http_port: int, https_port: int, certificate: Path, key: Path) -> str:
    """docs/nginx.conf as a host would fill it in, on loopback ports of this machine."""
    config = NGINX_CONF.read_text(encoding="utf-8")
    replacements = [
        (r"listen \[::\]:\d+[^;]*;\n", ""),  # loopback IPv4 only: the test machine may lack IPv6
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"ssl_certificate \S+;", f"ssl_certificate {certificate};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"),
        (r"root \S+;", f"root {site};"),
    ]
    for pattern, new in replacements:
        config, count = re.subn(pattern, new, config)
        assert count, f"docs/nginx.conf no longer has {pattern!r}: update this test's fill-in"
    return config


@pytest.fixture(scope="module")
def nginx(frozen_site, tmp_path_factory):
    """nginx serving a copy of the frozen site (with the .gz files a build writes) on two loopback ports."""
    assert Path(NGINX).exists(), "nginx is missing: install it with 'apt-get install nginx' (bin/test does)"
    root = tmp_path_factory.mktemp("nginx")
    key, certificate = root / "key.pem", root / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    (root / "logs").mkdir()
    (root / "nginx.conf").write_text(
        "user root;\nworker_processes 1;\nerror_log stderr warn;\npid " + str(root / "nginx.pid") + ";\n"
        "events { worker_connections 64; }\n"
        "http {\n" + "\n".join(f"{name}_temp_path {root / name};" for name in
                              ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) + "\n"
        + site_config(frozen_site.resolve(), http_port, https_port, certificate, key) + "\n}\n", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(root), "-c", str(root / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    log = (root / "logs" / "stderr.log").open("w")
    server = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
                              stderr=log)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield {"http": http_port, "https": https_port}
    server.terminate()
    server.wait(timeout=10)
    log.close()


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
    for path in ("/nl/", linked_asset(frozen_site), "/nl/zoeken/index.json"):
        status, headers, body = get(nginx["https"], path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("content-encoding") == "gzip", path
        assert headers.get("vary") == "Accept-Encoding", path
        assert gzip.decompress(body)


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
