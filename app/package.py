"""python build.py package: the site as one zip per organisation, ready to upload to any static host.

Each zip holds the frozen site with its search index (site/), docs/nginx.conf filled in with the organisation's address
(nginx.conf) and a README for whoever hosts it. The content is loaded and checked once, and the site is
frozen once with the organisation's parts left open; each edition fills those in (app/editions.py), so
an edition costs its own pages and its zip, not a build (BENCHMARKS.md).
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from .content import ContentError
from .content.load import load_organisation
from .content.organisation import Organisation
from .editions import fill, open_build
from .security import CONTENT_SECURITY_POLICY, HEADERS, STRICT_TRANSPORT_SECURITY

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NGINX_EXAMPLE = PROJECT_ROOT / "docs" / "nginx.conf"
EXAMPLE_HOST = "wegwijzer.example.org"
ALREADY_COMPRESSED = {".gz", ".png", ".docx", ".zip"}
FIXED_TIME = (2026, 1, 1, 0, 0, 0)  # the same site gives the same zip, byte for byte

Freeze = Callable[[Flask, Path], int]


def site_files(arguments: list[str]) -> list[Path | None]:
    """The site.yml files to package: each file named, every .yml in a folder named; with none named,
    the content's own edition (None: content/site.yml if there is one, else the generic guide)."""
    if not arguments:
        return [None]
    found: list[Path | None] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            sys.exit(f"package: no file or folder '{argument}'")
    if not found:
        sys.exit(f"package: no .yml files in {', '.join(arguments)}")
    return found


def read_editions(app: Flask, files: list[Path | None]) -> list[Organisation | None]:
    """Every organisation, all checked before anything is built; on problems print each and exit 1."""
    languages = tuple(app.config["LANGUAGES"])
    editions, problems = [], []
    for file in files:
        if file is None:
            editions.append(app.extensions["content"].organisation)
            continue
        try:
            editions.append(load_organisation(file.resolve(), languages, Path.cwd()))
        except ContentError as error:
            problems += error.problems
    if problems:
        print(f"package: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        sys.exit(1)
    return editions


def slug(organisation: Organisation | None) -> str:
    """The zip's name: the organisation's name in lower case letters, digits and hyphens."""
    if organisation is None:
        return "wegwijzer"
    return re.sub(r"[^a-z0-9]+", "-", organisation.name.lower()).strip("-") or "organisation"


def package(app: Flask, arguments: list[str], freeze: Freeze,
            destination: Path | None = None) -> list[Path]:
    """Write one zip per edition into destination (default dist/, or WEGWIJZER_DIST); return their paths."""
    destination = destination or Path(os.environ.get("WEGWIJZER_DIST", PROJECT_ROOT / "dist"))
    editions = read_editions(app, site_files(arguments))
    names = [slug(organisation) for organisation in editions]
    if len(set(names)) < len(names):
        sys.exit(f"package: two editions would share a zip name: {', '.join(sorted(names))}")
    destination.mkdir(parents=True, exist_ok=True)
    content, public_url = app.extensions["content"], app.config.get("PUBLIC_URL")
    fallback_url = os.environ.get("WEGWIJZER_URL")
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        open_files = open_build(app, freeze, Path(scratch) / "open")
        print(f"package: the pages, with the organisation's parts open, in {time.perf_counter() - started:.1f}s")
        for organisation, name in zip(editions, names):
            started = time.perf_counter()
            app.extensions["content"] = dataclasses.replace(content, organisation=organisation)
            url = organisation.url if organisation and organisation.url else fallback_url
            app.config["PUBLIC_URL"] = url
            files = fill(app, open_files)
            target = destination / f"{name}.zip"
            write_zip(target, name, files, nginx_config(url), host_readme(organisation, url))
            size = target.stat().st_size / 1_000_000
            print(f"package: {target} ({size:.1f} MB, {len(files)} files) in {time.perf_counter() - started:.1f}s")
            written.append(target)
    app.extensions["content"], app.config["PUBLIC_URL"] = content, public_url
    return written


def write_zip(target: Path, name: str, site: dict[str, bytes], nginx: str, readme: str) -> None:
    """The zip of one edition: its README, its nginx.conf and the files of its site, by path."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        def add(path: str, data: bytes) -> None:
            info = zipfile.ZipInfo(f"{name}/{path}", FIXED_TIME)
            compressed = Path(path).suffix in ALREADY_COMPRESSED
            info.compress_type = zipfile.ZIP_STORED if compressed else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        add("README.txt", readme.encode("utf-8"))
        add("nginx.conf", nginx.encode("utf-8"))
        for path in sorted(site):
            add(f"site/{path}", site[path])


def nginx_config(url: str | None) -> str:
    """docs/nginx.conf with the edition's host as server_name (and the example's host without one)."""
    text = NGINX_EXAMPLE.read_text(encoding="utf-8")
    host = urlsplit(url).hostname if url else None
    return text.replace(f"server_name {EXAMPLE_HOST};", f"server_name {host};") if host else text


def host_readme(organisation: Organisation | None, url: str | None) -> str:
    """What the person who hosts the site needs to know, in a few lines."""
    who = organisation.name if organisation else "the generic guide"
    address = url or "(no address given: set url in site.yml)"
    subfolder = urlsplit(url).path.rstrip("/") if url else ""
    headers = "\n".join(f"  {key}: {value}" for key, value in
                        {**HEADERS, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY}.items())
    lines = [
        f"Wegwijzer Vertrouwenspersoon: the edition of {who}",
        f"Public address: {address}",
        "",
        "What to upload",
        f"  Everything inside site/ goes to the folder your web server serves for {address}.",
        "  The site is static: plain files, no database, no server code. Pages link each other relatively.",
        "",
        "Which headers to send (with every response, errors included)",
        headers,
        "  Without headers (a plain file share) every page still carries the same",
        f"  Content-Security-Policy in a <meta> tag: {CONTENT_SECURITY_POLICY}",
        "",
        "The 404 pages",
        "  Serve site/nl/404.html for unknown addresses under /nl/, site/en/404.html under /en/,",
        "  and site/nl/404.html for any other unknown address, with status 404.",
        "",
        "Caching",
        "  Files with a hash in their name (static/css/site.0123456789.css) never change: cache them for a year.",
        "  Everything else, pages included, must be revalidated (Cache-Control: no-cache).",
        "  Each text file has a .gz copy beside it, for servers that serve those (nginx: gzip_static on).",
        "",
        "nginx",
        "  nginx.conf does all of the above. Its server_name is filled in"
        + (" from the public address." if url else ": set it to your host name."),
        "  Set the certificate paths (ssl_certificate) and root (the folder with the contents of site/).",
    ]
    if subfolder:
        lines.append(f"  The site lives in the subfolder {subfolder}/: prefix each location (/nl/, /en/) and the")
        lines.append(f"  error_page addresses with {subfolder}, or serve the site from its own host name.")
    return "\n".join(lines) + "\n"
