"""Printing the tools, checked on paper: Chromium prints each to a PDF, pdftotext reads it back.

The letter prints as a letter (its own heading, no site or tool title above it), the report with one
title, and every tool on A4 without the site's header, footer, form or buttons.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.test_browser import tool_address

pytestmark = pytest.mark.browser

SITE_WORDS = {"nl": ["Snel weg", "Zoeken", "English"], "en": ["Quick exit", "Search", "Nederlands"]}


def printed(page, tmp_path) -> tuple[str, str]:
    """The page printed as Chromium prints it for a user (print media, the page's own @page size): its
    text, and pdfinfo's page size line."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is missing: install poppler-utils (bin/test does)"
    pdf = tmp_path / "printed.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    return text, size


def words(text: str) -> str:
    """The text with every run of white space as one space (a heading may wrap over lines)."""
    return " ".join(text.split())


def assert_no_site_around(text, lang, tool):
    for site_words in SITE_WORDS[lang] + [tool.title]:
        assert site_words not in words(text), site_words


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_prints_as_a_letter_on_a4(page, base_url, tmp_path, lang):
    address, tool = tool_address(lang, "letter")
    page.goto(base_url + address)
    page.locator("#veld-organisatie").fill("Zorggroep De Linde")
    text, size = printed(page, tmp_path)
    assert "A4" in size
    assert words(text).startswith(tool.letter.heading)  # the letter's own heading comes first
    assert words(text).count(tool.letter.heading) == 1
    assert "Zorggroep De Linde" in text
    assert_no_site_around(text, lang, tool)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_report_prints_with_one_title_on_a4(page, base_url, tmp_path, lang):
    address, tool = tool_address(lang, "report")
    page.goto(base_url + address)
    page.locator("#veld-jaar").fill("2026")
    page.locator("#veld-meldingen").fill("30")
    title = {"nl": "Jaarverslag vertrouwenspersoon 2026", "en": "Annual report of the trust person 2026"}[lang]
    text, size = printed(page, tmp_path)
    assert "A4" in size
    assert words(text).startswith(title) and words(text).count(title) == 1
    assert_no_site_around(text, lang, tool)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_checklist_prints_on_a4_without_the_site_around_it(page, base_url, tmp_path, lang):
    address, tool = tool_address(lang, "checklist")
    page.goto(base_url + address)
    text, size = printed(page, tmp_path)
    assert "A4" in size
    assert words(text).startswith(tool.title)
    for site_words in SITE_WORDS[lang]:
        assert site_words not in words(text), site_words
