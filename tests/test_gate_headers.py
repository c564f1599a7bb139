"""Gate: the privacy headers on every kind of response, the same policy in every frozen page's <meta>, and
an nginx example that sends exactly the headers of app/security.py."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app import security

from .test_gate_sweep import frozen_pages

pytestmark = pytest.mark.gate

PROJECT = Path(__file__).resolve().parent.parent
NGINX = PROJECT / "docs" / "nginx.conf"
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "data:", "*")


def policy(text: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: [sources]}."""
    parsed = {}
    for part in text.split(";"):
        words = part.split()
        if words:
            parsed.setdefault(words[0].lower(), words[1:])
    return parsed


def policy_problems(text: str | None, meta: bool = False) -> list[str]:
    """What makes a policy less strict than the site promises (README: Privacy)."""
    if not text:
        return ["no Content-Security-Policy"]
    parsed = policy(text)
    problems = [f"{directive} allows {source}" for directive, sources in parsed.items()
                for source in sources if source.lower() in UNSAFE]
    if parsed.get("default-src") not in (["'none'"], ["'self'"]):
        problems.append(f"default-src is {parsed.get('default-src')}, expected 'none' or 'self'")
    if meta and "frame-ancestors" in parsed:
        problems.append("frame-ancestors in a <meta> policy (browsers ignore it there, with a console error)")
    if not meta and parsed.get("frame-ancestors") != ["'none'"]:
        problems.append(f"frame-ancestors is {parsed.get('frame-ancestors')}, expected 'none'")
    return problems


def header_problems(headers) -> list[str]:
    """Every promised header, with a value at least as strict as promised."""
    problems = policy_problems(headers.get("Content-Security-Policy"))
    if headers.get("Referrer-Policy") != "no-referrer":
        problems.append(f"Referrer-Policy is {headers.get('Referrer-Policy')!r}, expected 'no-referrer'")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append(f"X-Content-Type-Options is {headers.get('X-Content-Type-Options')!r}, expected 'nosniff'")
    permissions = {p.strip() for p in (headers.get("Permissions-Policy") or "").split(",")}
    for feature in ("camera", "microphone", "geolocation"):
        if f"{feature}=()" not in permissions:
            problems.append(f"Permissions-Policy does not deny {feature} ({feature}=())")
    return problems


# Every kind of response: reading pages, check states, an outcome, search and its script, the sitemap,
# a static file, the 404 page as a file, and real errors (an unknown page, an unknown language).
ADDRESSES = [
    "/", "/nl/", "/en/", "/nl/werknemer/", "/en/onderwerpen/wat-zegt-de-wet/", "/nl/werknemer/check/",
    "/nl/werknemer/check/a1/", "/nl/werknemer/check/a7/", "/nl/zoeken/", "/static/js/search.js",
    "/sitemap.xml", "/robots.txt", "/static/css/site.css", "/nl/404.html",
    "/nl/bestaat-niet/", "/fr/", "/nl/werknemer/check/zz/",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_app_sends_the_privacy_headers(client, address):
    with client.get(address) as response:  # closes a static file's handle
        assert response.status_code in (200, 404), address
        assert header_problems(response.headers) == []
        assert response.headers.get_all("Set-Cookie") == []


@pytest.mark.parametrize("address", ["/", "/nl/werknemer/index.html", "/static/css/site.css",
                                     "/static/pagefind/pagefind-entry.json", "/en/bestaat-niet/"])
def test_the_frozen_site_server_sends_the_privacy_headers(base_url, address):
    try:
        with urllib.request.urlopen(base_url + address) as response:
            response.read()
            headers = response.headers
    except urllib.error.HTTPError as error:  # the 404 page
        with error:
            error.read()
            headers = error.headers
    assert header_problems(headers) == []


def test_the_headers_are_the_promised_ones():
    assert header_problems(security.HEADERS) == []
    assert policy_problems(security.META_CONTENT_SECURITY_POLICY, meta=True) == []
    # the meta policy is the header's, less only what a <meta> cannot carry
    header, meta = policy(security.CONTENT_SECURITY_POLICY), policy(security.META_CONTENT_SECURITY_POLICY)
    assert {d: s for d, s in header.items() if d not in security.META_IGNORED} == meta


# ---- the <meta> policy in every frozen page ------------------------------------------------------

META = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"([^\"]*)\"\s*/?>", re.I)


def meta_problems(relative: str, page: str) -> list[str]:
    """The page's <meta> policy: present once, early in <head>, exactly the site's meta policy."""
    found = META.findall(page)
    if len(found) != 1:
        return [f"/{relative}: {len(found)} Content-Security-Policy <meta> tags, expected 1"]
    content = html.unescape(found[0])
    problems = [f"/{relative}: {problem}" for problem in policy_problems(content, meta=True)]
    if content != security.META_CONTENT_SECURITY_POLICY:
        problems.append(f"/{relative}: <meta> policy {content!r} differs from app/security.py")
    head = page[:page.lower().find("</head>")]
    first_load = min((i for i in (head.find("<link"), head.find("<script")) if i >= 0), default=len(head))
    if head.find('http-equiv="Content-Security-Policy"') > first_load:
        problems.append(f"/{relative}: the <meta> policy comes after a stylesheet or script it should cover")
    return problems


def test_every_frozen_page_carries_the_policy_in_a_meta_tag(frozen_site, gate_report):
    pages = frozen_pages(frozen_site)
    problems = [problem for relative in pages
                for problem in meta_problems(relative, (frozen_site / relative).read_text(encoding="utf-8"))]
    gate_report(f"gate headers: {len(ADDRESSES)} app addresses with all headers; {len(pages)} pages with the "
                f"<meta> policy, {len(problems)} problems")
    assert not problems, "\n".join(problems[:50])


# ---- the nginx example ---------------------------------------------------------------------------

ADD_HEADER = re.compile(r"^\s*add_header\s+(\S+)\s+\"([^\"]*)\"\s+always;", re.M)


def nginx_problems(config: str, languages=("nl", "en")) -> list[str]:
    """The example sends every header with its exact value, and each language's 404 page."""
    problems = []
    sent = dict(ADD_HEADER.findall(config))
    promised = {**security.HEADERS, "Strict-Transport-Security": security.STRICT_TRANSPORT_SECURITY}
    for name, value in promised.items():
        if name not in sent:
            problems.append(f"header {name} missing (add_header {name} \"...\" always;)")
        elif sent[name] != value:
            problems.append(f"header {name} is {sent[name]!r}, app/security.py says {value!r}")
    for name in sent.keys() - promised.keys():
        problems.append(f"header {name} is not in app/security.py")
    for lang in languages:
        if not re.search(rf"location /{lang}/ \{{[^}}]*error_page 404 /{lang}/404\.html;", config):
            problems.append(f"no 'error_page 404 /{lang}/404.html;' in a 'location /{lang}/' block")
    if not re.search(rf"location / \{{[^}}]*error_page 404 /{languages[0]}/404\.html;", config):
        problems.append(f"no 'error_page 404 /{languages[0]}/404.html;' for other addresses (location /)")
    if "try_files $uri $uri/index.html =404;" not in config:
        problems.append("no 'try_files $uri $uri/index.html =404;'")
    return problems


def test_the_nginx_example_sends_the_headers_of_security_py(app):
    assert nginx_problems(NGINX.read_text(encoding="utf-8"), app.config["LANGUAGES"]) == []


# ---- the gate can fail ---------------------------------------------------------------------------

def test_the_header_checks_catch_planted_weaknesses():
    weak = {**security.HEADERS, "Referrer-Policy": "origin",
            "Content-Security-Policy": "default-src *; script-src 'self' 'unsafe-inline'"}
    del weak["X-Content-Type-Options"]
    weak["Permissions-Policy"] = "camera=(), geolocation=*"
    assert header_problems(weak) == [
        "default-src allows *",
        "script-src allows 'unsafe-inline'",
        "default-src is ['*'], expected 'none' or 'self'",
        "frame-ancestors is None, expected 'none'",
        "Referrer-Policy is 'origin', expected 'no-referrer'",
        "X-Content-Type-Options is None, expected 'nosniff'",
        "Permissions-Policy does not deny microphone (microphone=())",
        "Permissions-Policy does not deny geolocation (geolocation=())",
    ]


def test_the_meta_check_catches_a_missing_or_weakened_policy():
    good = ('<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(security.META_CONTENT_SECURITY_POLICY)}">'
            '<link rel="stylesheet" href="site.css"></head><body></body></html>')
    assert meta_problems("nl/index.html", good) == []
    assert meta_problems("nl/index.html", META.sub("", good)) == [
        "/nl/index.html: 0 Content-Security-Policy <meta> tags, expected 1"]
    weakened = good.replace("script-src &#x27;self&#x27;", "script-src &#x27;self&#x27; &#x27;unsafe-inline&#x27;")
    assert "/nl/index.html: script-src allows 'unsafe-inline'" in meta_problems("nl/index.html", weakened)
    late = good.replace('<link rel="stylesheet" href="site.css">', "").replace(
        '<meta charset="utf-8">', '<meta charset="utf-8"><link rel="stylesheet" href="site.css">')
    assert meta_problems("nl/index.html", late) == [
        "/nl/index.html: the <meta> policy comes after a stylesheet or script it should cover"]


def test_the_nginx_check_catches_drift():
    config = NGINX.read_text(encoding="utf-8")
    drifted = config.replace('add_header Referrer-Policy "no-referrer" always;\n', "").replace(
        "frame-ancestors 'none'", "frame-ancestors 'self'").replace("error_page 404 /en/404.html;", "")
    assert nginx_problems(drifted) == [
        "header Content-Security-Policy is " + repr(security.CONTENT_SECURITY_POLICY.replace(
            "frame-ancestors 'none'", "frame-ancestors 'self'")) + ", app/security.py says "
        + repr(security.CONTENT_SECURITY_POLICY),
        "header Referrer-Policy missing (add_header Referrer-Policy \"...\" always;)",
        "no 'error_page 404 /en/404.html;' in a 'location /en/' block",
    ]
