"""Gate: the site in the text browsers people still use (w3m, lynx), which show no styles and run no
JavaScript. An answer's label and its example stay apart, and nothing is shown that needs JavaScript to
work (the print and save buttons, the tools' forms): those come as data blocks (tests/markup.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app.content.model import Question
from tests.markup import NEEDS_JAVASCRIPT, without_javascript
from tests.real_app import real_app

pytestmark = pytest.mark.gate

WIDTH = 250  # wide enough that no label of the site wraps: a line of the dump is a line of the page


def dump(browser: str, page: Path) -> str:
    """The page as the text browser shows it, as plain text."""
    if shutil.which(browser) is None:
        pytest.fail(f"{browser} is missing: install it with 'apt-get install {browser}' (bin/test does)")
    command = {"w3m": ["w3m", "-dump", "-cols", str(WIDTH), "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
               "lynx": ["lynx", "-dump", "-nolist", f"-width={WIDTH}", "-assume_charset=UTF-8",
                        "-display_charset=UTF-8"]}[browser]
    return subprocess.run([*command, str(page)], capture_output=True, text=True, check=True, timeout=60).stdout


def words(text: str) -> str:
    return " ".join(text.split())


def question_pages():
    """One page of every question of every check that gives an answer an example: (lang, file, question)."""
    seen = set()
    for lang, edition in real_app().extensions["content"].editions.items():
        for item in edition.items():
            if not hasattr(item, "routes"):
                continue
            for route in sorted(item.routes(), key=len):
                for i in range(len(route)):
                    node = item.walk(route[:i]).node
                    if (lang, item.id, node.id) in seen or not any(option.hint for option in node.options):
                        continue
                    seen.add((lang, item.id, node.id))
                    answers = "/".join(route[:i])
                    yield pytest.param(lang, f"{lang}/{item.section}/{item.id}/{answers + '/' if answers else ''}"
                                             "index.html", node, id=f"{lang}-{item.id}-{node.id}")


@pytest.mark.parametrize("browser", ["w3m", "lynx"])
@pytest.mark.parametrize("lang, relative, question", question_pages())
def test_an_answer_and_its_example_are_on_lines_of_their_own(frozen_site, browser, lang, relative, question: Question):
    lines = [line.strip() for line in dump(browser, frozen_site / relative).splitlines()]
    for option in question.options:
        # the label ends its line (after a bullet, and lynx's link number if it shows one) ...
        at = [i for i, line in enumerate(lines) if re.fullmatch(rf"(\S+\s+)?{re.escape(option.label)}", line)]
        assert at, f"{browser}: no line holds only the answer {option.label!r}:\n" + "\n".join(lines)
        if option.hint:
            # ... and its example starts the next line
            assert lines[at[0] + 1].startswith(option.hint), (browser, lines[at[0]:at[0] + 2])


def needs_javascript_texts(html: str) -> set[str]:
    """The texts a page has only in its data blocks: what a browser shows only when JavaScript runs."""
    elsewhere = words(BeautifulSoup(without_javascript(html), "html.parser").get_text(" "))
    found = set()
    for block in NEEDS_JAVASCRIPT.findall(html):
        for text in BeautifulSoup(block, "html.parser").stripped_strings:
            if len(text) > 3 and words(text) not in elsewhere:
                found.add(words(text))
    return found


def test_pages_that_need_javascript_for_a_part_have_that_part_in_data_blocks(frozen_site):
    """Each kind of part that works only with JavaScript, on its page; the gate below would not see a
    part that lost its data block and became ordinary markup (shown, and dead, in a text browser)."""
    expected = {"nl/werknemer/check/a1/b1/c1/d1/index.html": ["data-print"],
                "nl/onderwerpen/wat-zegt-de-wet/index.html": ["data-print"],
                "nl/werkgever/checklist/index.html": ["data-print", "data-download", "data-reset", "data-progress"],
                "nl/werkgever/aanstellingsbrief/index.html": ["data-print", 'data-tool="letter"'],
                "en/vertrouwenspersoon/jaarverslag/index.html": ["data-print", "data-download", 'data-tool="report"',
                                                                 "data-chart-template"],
                "en/zoeken/index.html": ["data-search"]}
    for relative, parts in expected.items():
        blocks = " ".join(NEEDS_JAVASCRIPT.findall((frozen_site / relative).read_text(encoding="utf-8")))
        assert [part for part in parts if part not in blocks] == [], relative


@pytest.mark.parametrize("browser", ["w3m", "lynx"])
def test_nothing_that_needs_javascript_shows_in_a_text_browser(frozen_site, page_samples, browser, gate_report):
    problems, checked = [], 0
    for relative in sorted(set(page_samples.values())):
        html = (frozen_site / relative).read_text(encoding="utf-8")
        hidden = needs_javascript_texts(html)
        checked += len(hidden)
        shown = words(dump(browser, frozen_site / relative))
        problems += [f"/{relative}: {text!r}" for text in sorted(hidden) if text in shown]
        # the rest of the page is there: its h1, and the main text around the parts left out
        h1 = words(BeautifulSoup(html, "html.parser").h1.get_text(" "))
        if not all(part in shown for part in h1.split(" ") if len(part) > 3):
            problems.append(f"/{relative}: the h1 {h1!r} is not shown")
    gate_report(f"gate text browser ({browser}): {len(page_samples)} kinds of page, {checked} texts that need "
                f"JavaScript, {len(problems)} problems")
    assert checked > 0 and not problems, "\n".join(problems)
