"""Gate: at least 10,000 generated addresses against the Flask app: no server error, every unknown address
gets the site's 404 page in the language of its first path segment, and no redirect leaves the site.

Requests are made the way a WSGI server makes them from a request line: the address is sent percent-
encoded, and PATH_INFO is its decoded form (so '//host' and '%2F' reach the app as a server passes them,
rather than as the test client would read a full URL).
"""

from __future__ import annotations

import re
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content.model import Check, Question
from .real_app import real_app

pytestmark = pytest.mark.gate

APP = real_app()  # the generators draw from its content while pytest collects
CLIENT = APP.test_client()
CONTENT = APP.extensions["content"]
LANGUAGES = tuple(APP.config["LANGUAGES"])
NOT_FOUND = {"nl": "Pagina niet gevonden", "en": "Page not found"}
HTML_LANG = re.compile(r"<html lang=\"([^\"]*)\"")

# How many examples each fuzzer runs: together at least 10,000 requests.
EXAMPLES = {"paths": 4000, "answer_chains": 2500, "raw": 2000, "queries": 1500}
SENT = {name: 0 for name in EXAMPLES}
SEEN = {"200": 0, "redirect": 0, "404": 0, "other errors": 0}
FAILED: set[str] = set()  # the addresses that got a wrong answer (shrinking retries some)


def fuzz_settings(name: str):
    return settings(max_examples=EXAMPLES[name], deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# ---- what the addresses are made of ---------------------------------------------------------------

def words_of_the_site():
    words = {"zoeken", "index.json", "index.html", "404.html", "sitemap.xml", "robots.txt", "static", "css",
             "js", "site.css", "site.js", "favicon.svg"}
    for edition in CONTENT.editions.values():
        words.update(edition.sections)
    for _, item in CONTENT.items():
        words.add(item.id)
        if isinstance(item, Check):
            words.update(n.id for n in item.nodes.values())
            words.update(o.code for n in item.nodes.values() if isinstance(n, Question) for o in n.options)
    return sorted(words)


WORDS = words_of_the_site()
CODES = sorted({o.code for e in CONTENT.editions.values() for i in e.checks()
                for n in i.nodes.values() if isinstance(n, Question) for o in n.options})
CHECKS = sorted({(i.section, i.id) for e in CONTENT.editions.values() for i in e.checks()})
ODD = ["..", ".", "%2F", "%2f", "%2E%2E", "%2e%2e%2f", "%00", "%", "%zz", "%C3", "%FF", "%C3%A9", "%E2%80%AE",
       "%F0%9F%98%80", "~", ";", "%3F", "%23", "%5C", "\\", "é", "ß", "İ", "\u202e", "😀", "\u0000", "\t", " ",
       "%20", "a%20b", "index.html", "..%2F..%2F", "CON", "nl%2Fwerknemer", "NL", "En", "%6E%6C"]

# A code as answers have them (a letter and one to three digits, "a01" too): a regular expression would
# cost Hypothesis a third of this fuzzer's time.
code_like = st.builds("{}{}".format, st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
                      st.text("0123456789", min_size=1, max_size=3))

languages = st.sampled_from([*LANGUAGES, "fr", "de", "xx", "NL", "En", "nl-NL", "", "static", "zoeken", "%6El"])
segments = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.text(max_size=30),
    st.text(alphabet="abcz019-._~%", max_size=12),
    st.text(alphabet="ab/", min_size=200, max_size=3000),  # long, with many slashes
)


def wire(text: str) -> str:
    """An address as a browser sends it: non-ASCII and controls percent-encoded, '%' left as typed."""
    return urllib.parse.quote(text, safe="/%?=&;:@!$'()*+,~-._")


def get(target: str):
    """GET a request target as a WSGI server would pass it on."""
    raw_path, _, query = target.partition("?")
    path_info = urllib.parse.unquote_to_bytes(raw_path).decode("latin-1")  # WSGI: bytes as latin-1
    return CLIENT.get("/", environ_overrides={"PATH_INFO": path_info, "QUERY_STRING": query,
                                              "REQUEST_URI": target, "RAW_URI": target})


def expected_lang(response) -> str:
    """The language of the first path segment; the reference language for anything else."""
    first = response.request.path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def problems_with(target: str, response) -> list[str]:
    """What is wrong with the site's answer to one address (nothing, when it is right)."""
    status = response.status_code
    if status >= 500:
        return [f"{target}: status {status}"]
    problems = []
    if 300 <= status < 400:
        location = urllib.parse.urlsplit(response.headers.get("Location", ""))
        if location.netloc not in ("", "localhost") or location.scheme not in ("", "http"):
            problems.append(f"{target}: redirects off the site, to {response.headers.get('Location')}")
    elif status >= 400:
        body = response.get_data(as_text=True)
        found = HTML_LANG.search(body)
        lang = expected_lang(response)
        if not found or found.group(1) != lang:
            problems.append(f"{target}: error page in {found.group(1) if found else 'no language'}, expected {lang}")
        if status == 404 and f"<h1>{NOT_FOUND[lang]}</h1>" not in body:
            problems.append(f"{target}: 404 without the site's '{NOT_FOUND[lang]}' page")
    return problems


def fetch(name: str, target: str) -> None:
    SENT[name] += 1
    response = get(target)
    try:
        problems = problems_with(target, response)
    finally:
        response.close()
    status = response.status_code
    SEEN["200" if status < 300 else "redirect" if status < 400 else "404" if status == 404 else "other errors"] += 1
    if problems:
        FAILED.add(target)
    assert not problems, "\n".join(problems)


# ---- the fuzzers ---------------------------------------------------------------------------------

@fuzz_settings("paths")
@given(lang=languages, parts=st.lists(segments, max_size=8), double=st.booleans(), trailing=st.booleans())
def fuzz_paths(lang, parts, double, trailing):
    joiner = "//" if double else "/"
    target = "/" + joiner.join([lang, *parts]) + ("/" if trailing else "")
    fetch("paths", wire(target))


@fuzz_settings("answer_chains")
@given(lang=st.sampled_from([*LANGUAGES, "fr"]), check=st.sampled_from(CHECKS),
       codes=st.lists(st.one_of(st.sampled_from(CODES), st.sampled_from(ODD), code_like),
                      max_size=400),
       trailing=st.booleans())
def fuzz_answer_chains(lang, check, codes, trailing):
    section, item = check
    target = "/" + "/".join([lang, section, item, *codes]) + ("/" if trailing else "")
    fetch("answer_chains", wire(target))


@fuzz_settings("raw")
@given(text=st.text(min_size=0, max_size=300))
def fuzz_raw(text):
    fetch("raw", wire("/" + text))


PAGES = ["/", "/nl/", "/en/", "/nl/zoeken/", "/en/zoeken/", "/nl/werknemer/check/", "/nl/werknemer/check/a1/",
         "/en/onderwerpen/", "/nl/bestaat-niet/", "/fr/", "/sitemap.xml", "/static/css/site.css"]
queries = st.one_of(
    st.dictionaries(st.text(max_size=20), st.text(max_size=50), max_size=5).map(urllib.parse.urlencode),
    st.text(max_size=200).map(wire),
    st.lists(st.sampled_from(["q=pesten", "lang=en", "a=%FF", "x", "=", "&", "%", "page=-1", "q=" + "a" * 3000]),
             max_size=6).map("&".join),
)


@fuzz_settings("queries")
@given(page=st.sampled_from(PAGES), query=queries)
def fuzz_queries(page, query):
    fetch("queries", f"{page}?{query}")


@pytest.mark.parametrize("name, fuzzer", [("paths", fuzz_paths), ("answer_chains", fuzz_answer_chains),
                                          ("raw", fuzz_raw), ("queries", fuzz_queries)])
def test_generated_addresses_get_no_server_error_and_the_right_404(name, fuzzer, fuzz_report):
    fuzzer()
    assert SENT[name] >= EXAMPLES[name], f"{name}: only {SENT[name]} of {EXAMPLES[name]} examples ran"


@pytest.fixture(scope="module")
def fuzz_report(gate_report):
    started = time.perf_counter()
    yield
    gate_report(f"gate fuzz: {sum(SENT.values())} requests ({', '.join(f'{n} {c}' for n, c in SENT.items())}), "
                f"{len(FAILED)} wrong answers; answers: {', '.join(f'{k} {v}' for k, v in SEEN.items())}; "
                f"{time.perf_counter() - started:.0f} s")


def test_at_least_10000_requests_are_planned():
    assert sum(EXAMPLES.values()) >= 10_000


# ---- the gate can fail ---------------------------------------------------------------------------

class Planted:
    """A response as the app might wrongly give it."""

    def __init__(self, status, body="", location=None, path="/"):
        self.status_code, self._body = status, body
        self.headers = {"Location": location} if location else {}
        self.request = type("Request", (), {"path": path})()

    def get_data(self, as_text=False):
        return self._body


def test_the_checks_catch_planted_failures():
    assert problems_with("/x", Planted(500)) == ["/x: status 500"]
    english = '<html lang="en"><h1>Page not found</h1>'
    dutch = '<html lang="nl"><h1>Pagina niet gevonden</h1>'
    assert problems_with("/en/x/", Planted(404, english, path="/en/x/")) == []
    assert problems_with("/fr/x/", Planted(404, dutch, path="/fr/x/")) == []
    assert problems_with("/en/x/", Planted(404, dutch, path="/en/x/")) == [
        "/en/x/: error page in nl, expected en", "/en/x/: 404 without the site's 'Page not found' page"]
    assert problems_with("/nl/x/", Planted(404, "Not Found", path="/nl/x/")) == [
        "/nl/x/: error page in no language, expected nl", "/nl/x/: 404 without the site's 'Pagina niet gevonden' page"]
    assert problems_with("//evil", Planted(308, location="http://evil.example/")) == [
        "//evil: redirects off the site, to http://evil.example/"]
    assert problems_with("/nl", Planted(308, location="http://localhost/nl/")) == []


def test_a_real_request_reaches_the_app_as_a_server_passes_it():
    response = get("/en/%2Fwerknemer/")
    assert response.request.path == "/en//werknemer/"
    response.close()
    response = get("/nl/" + wire("é") + "/")
    assert response.status_code == 404 and "Pagina niet gevonden" in response.get_data(as_text=True)
    response.close()
