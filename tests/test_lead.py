"""Outcome pages open with the answer: a panel with the outcome's heading and its lead blocks, or else its
first sentence (or its opening advice heading), taken from the content; the details and "your answers"
follow."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from app.content.model import Block, Question
from app.lead import split_lead
from tests.test_progress import CONTENT


def block(html: str, lead: bool = False) -> Block:
    return Block(html=html, when={}, sources=(), lead=lead)


@pytest.mark.parametrize("html, lead, rest", [
    ("<p>Ja, dat kan. Meer uitleg.</p>\n<p>Tweede.</p>", "Ja, dat kan.", "<p>Meer uitleg.</p>\n<p>Tweede.</p>"),
    ("<h2>Ons advies: extern</h2>\n<p>Uitleg.</p>", "Ons advies: extern", "<p>Uitleg.</p>"),
    # a full stop inside a link's address or text does not end the sentence
    ('<p>Ga naar <a href="https://a.example/x.y z">het loket. nl</a> voor hulp. Daarna.</p>',
     'Ga naar <a href="https://a.example/x.y z">het loket. nl</a> voor hulp.', "<p>Daarna.</p>"),
])
def test_the_lead_is_the_opening_sentence_or_heading_and_leaves_the_rest(html, lead, rest):
    found, blocks = split_lead((block(html), block("<p>Volgende.</p>")))
    assert str(found) == f"<p>{lead}</p>"
    assert blocks[0].html.strip() == rest and blocks[1].html == "<p>Volgende.</p>"


def test_a_block_that_was_only_the_lead_is_dropped():
    found, blocks = split_lead((block("<p>Alleen deze zin.</p>"), block("<p>Volgende.</p>")))
    assert str(found) == "<p>Alleen deze zin.</p>" and [b.html for b in blocks] == ["<p>Volgende.</p>"]


def test_lead_blocks_make_the_panel_in_order_and_leave_the_details():
    first, second = block("<p>Ja, die van je werkgever.</p>", lead=True), block("<p>Zoek het uit.</p>", lead=True)
    details = block("<p>Meer uitleg. Nog meer.</p>")
    found, blocks = split_lead((first, second, details))
    assert str(found) == "<p>Ja, die van je werkgever.</p>\n<p>Zoek het uit.</p>"
    assert blocks == (details,)  # the details keep their first sentence: the lead blocks said the answer


def test_no_lead_when_the_first_block_opens_with_something_else():
    blocks = (block("<ul><li>Een lijst.</li></ul>"),)
    assert split_lead(blocks) == (None, blocks)
    assert split_lead(()) == (None, ())


def outcome_pages():
    for lang, edition in CONTENT.editions.items():
        for section in edition.sections.values():
            for item in section.items.values():
                if hasattr(item, "routes"):
                    reached = {}
                    for codes in item.routes():
                        node = item.walk(codes).node
                        if not isinstance(node, Question):
                            reached.setdefault(node.id, codes)
                    for outcome, codes in reached.items():
                        yield pytest.param(f"/{lang}/{section.id}/{item.id}/{'/'.join(codes)}/", id=f"{lang}-{item.id}-{outcome}")


@pytest.mark.parametrize("address", outcome_pages())
def test_every_outcome_page_opens_with_a_short_answer_then_the_details(client, address):
    soup = BeautifulSoup(client.get(address).get_data(as_text=True), "html.parser")
    article = soup.select_one("article.outcome")
    panel = article.select_one(".panel")
    assert article.find("h1").parent is panel  # the heading is in the panel, at the top
    lead = panel.select_one(".panel-body").get_text(" ", strip=True)
    assert 0 < len(re.findall(r"[.!?](\s|$)", lead)) <= 2 or ":" in lead, lead  # one or two sentences
    assert len(lead) < 200, lead
    words = " ".join(article.get_text(" ").split())
    assert words.count(" ".join(lead.split())) == 1  # said once: the panel, not again in the details
    assert panel.find_next_sibling(class_="block")  # the details follow
    assert soup.select_one("section.answers dl .answer")  # and the summary of the answers stays


def test_with_an_organisation_the_panel_links_to_its_trust_persons(tmp_path):
    """Which trust person: the panel points to the organisation's own, further down the same page."""
    import shutil

    from app import create_app
    from tests.conftest import PROJECT

    shutil.copytree(PROJECT / "content", tmp_path / "content")
    shutil.copy(PROJECT / "examples" / "site.yml", tmp_path / "content" / "site.yml")
    shutil.copy(PROJECT / "examples" / "logo.svg", tmp_path / "content" / "logo.svg")
    client = create_app({"TESTING": True, "CONTENT_DIR": tmp_path / "content"}).test_client()
    soup = BeautifulSoup(client.get("/nl/werknemer/check/a1/b1/c1/d1/").get_data(as_text=True), "html.parser")
    link = soup.select_one(".panel a[href='#organisatie']")
    assert link and soup.find(id="organisatie").find_parent(class_="organisation")
