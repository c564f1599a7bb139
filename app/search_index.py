"""The search index, made by Pagefind after the freeze (build.py), and served as static files.

Pagefind stems each language by the page's `lang`, ranks, writes its index in small chunks that the
browser fetches only when someone searches, and makes excerpts. It gets one record per topic, tool and
check (never one per outcome page: a check is one record with all its questions and outcomes, whose
address is the check's first page). Next to the index goes a small words file per language for
static/js/search.js: the synonyms and stop words of content/<lang>/_search.yml, and the words of the
index, to correct a typo in a query.
"""

from __future__ import annotations

import collections
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .content.markdown import plain
from .content.model import Check, Edition, Question

BUNDLE = Path("static") / "pagefind"  # inside the build; the search page links to it like any static file
MAIN = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)
# The organisation's box (or, in an open build, its marker: app/editions.py) is the same on every page
# that has it and says nothing of the page's subject; left out, the index is the same for every edition.
ORGANISATION = re.compile(r'<aside class="organisation".*?</aside>|<!--organisation:\w+-->', re.S)
WORD = re.compile(r"[^\W_](?:[\w'%-]*\w)?%?")
# Parts of a frozen page that say nothing about its subject: the way back, buttons, notes on every tool.
NOT_INDEXED = [".back", ".actions", ".checked", ".privacy-note", "button", ".visually-hidden"]
UNUSED = ["pagefind-*ui.*", "pagefind-highlight.js", "wasm.unknown.pagefind"]
TYPO_MIN_LENGTH = 4  # shorter words are too alike to correct a typo towards


def record(lang: str, section_title: str, body: str) -> str:
    """A page for Pagefind: its language, its section as metadata, and the text to index."""
    return (f'<!doctype html><html lang="{lang}"><body data-pagefind-body '
            f'data-pagefind-meta="section:{html.escape(section_title)}">{body}</body></html>')


def check_text(check: Check) -> str:
    """Every question, answer and outcome of a check as one page: a search finds what the outcomes say."""
    esc = html.escape
    parts = [f"<h1>{esc(check.title)}</h1>", f"<p>{esc(check.summary)}</p>", check.intro]
    for node in check.nodes.values():
        parts.append(f"<h2>{esc(node.title)}</h2>")
        if isinstance(node, Question):
            parts.append(node.hint or "")
            parts.append("<ul>" + "".join(f"<li>{esc(o.label)} {esc(o.hint or '')}</li>"
                                          for o in node.options) + "</ul>")
        else:
            parts += [block.html for block in node.blocks]
    return "\n".join(parts)


def records(edition: Edition, site: Path):
    """(address from the site root, page) for every topic, tool and check of one language."""
    for item in edition.items():
        address = f"{edition.lang}/{item.section}/{item.id}/index.html"
        if isinstance(item, Check):
            body = check_text(item)
        else:  # a topic or tool: its frozen page, as readers see it
            body = ORGANISATION.sub("", MAIN.search((site / address).read_text(encoding="utf-8")).group(1))
        yield address, record(edition.lang, edition.section_of(item).title, body)


def words_file(edition: Edition, pages: list[str]) -> dict:
    """What search.js needs besides Pagefind: synonyms, stop words, and the known words for typos."""
    counts = collections.Counter(word.lower() for page in pages for word in WORD.findall(plain(page)))
    vocabulary = [word for word, _ in counts.most_common() if len(word) >= TYPO_MIN_LENGTH
                  and not word.isdigit()]
    return {
        "synonyms": [list(group) for group in edition.search.synonyms],
        "stopwords": sorted(edition.search.stopwords),
        "vocabulary": vocabulary,  # most frequent first: a typo is corrected to the likeliest word
    }


def write_search_index(editions: dict[str, Edition], site: Path) -> int:
    """Index the frozen site in `site` into site/static/pagefind/; returns the number of records."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)  # no index files left over from an earlier build
    pages: dict[str, list[str]] = {}
    # The records as a folder of pages, for Pagefind's command line: it exits only when every file of
    # the index is written (the Python API can stop it before that).
    with tempfile.TemporaryDirectory() as scratch:
        for lang, edition in editions.items():
            for address, page in records(edition, site):
                target = Path(scratch) / address
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page, encoding="utf-8")
                pages.setdefault(lang, []).append(page)
        config = {"site": ".", "output_path": str(bundle.resolve()), "exclude_selectors": NOT_INDEXED,
                  "include_characters": "%"}
        (Path(scratch) / "pagefind.json").write_text(json.dumps(config), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pagefind", "--quiet"], cwd=scratch,
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    # Pagefind lists the languages in its entry file in no fixed order: sorted, the same pages give the
    # same bytes (and an edition filled in from an open build equals one frozen directly, app/editions.py).
    entry = bundle / "pagefind-entry.json"
    meta = json.loads(entry.read_text(encoding="utf-8"))
    meta["languages"] = dict(sorted(meta["languages"].items()))
    entry.write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for unused in UNUSED:  # Pagefind's own interfaces: static/js/search.js is ours
        for path in bundle.glob(unused):
            path.unlink()
    for lang, edition in editions.items():
        (bundle / f"words-{lang}.json").write_text(
            json.dumps(words_file(edition, pages[lang]), ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8")
    return sum(len(found) for found in pages.values())
