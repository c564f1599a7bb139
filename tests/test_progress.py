"""Where a question stands: "Question 2 of 4" where every way on is as long, else how many may follow.

Checked on the toy content by hand, and on every real check against all of its routes, counted one by one.
"""

from __future__ import annotations

import pytest

from app import create_app
from app.content import load_content
from app.content.model import Question
from app.progress import Progress, progress

from .conftest import FIXTURE_CONTENT

CONTENT = create_app().extensions["content"]


def test_the_toy_check_counts_its_two_routes():
    check = load_content(FIXTURE_CONTENT, ("nl", "en")).editions["nl"].sections["demo"].items["vragen"]
    # Red leads to a second question, blue straight to the outcome: the first question cannot know.
    assert progress(check, "kleur", 0) == Progress(number=1, total=None, most_left=1)
    assert progress(check, "vorm", 1) == Progress(number=2, total=2, most_left=0)


def real_checks():
    for lang, edition in CONTENT.editions.items():
        for section in edition.sections.values():
            for item in section.items.values():
                if hasattr(item, "routes"):
                    yield pytest.param(item, id=f"{lang}-{section.id}-{item.id}")


@pytest.mark.parametrize("check", real_checks())
def test_every_question_of_every_real_check_matches_its_routes(check):
    routes = list(check.routes())
    # A complete route: the answers that reach an outcome; its length is its number of questions.
    complete = [codes for codes in routes if not isinstance(check.walk(codes).node, Question)]
    questions = 0
    for codes in routes:
        node = check.walk(codes).node
        if not isinstance(node, Question):
            continue
        questions += 1
        lengths = {len(route) for route in complete if route[: len(codes)] == codes}
        shown = progress(check, node.id, len(codes))
        assert shown.number == len(codes) + 1
        assert shown.most_left == max(lengths) - len(codes) - 1
        assert shown.total == (lengths.pop() if len(lengths) == 1 else None)
    assert questions


@pytest.mark.parametrize("lang, address, caption", [
    ("nl", "/nl/werknemer/check/a1/", "Vraag 2 van 4"),
    ("en", "/en/werknemer/check/a1/", "Question 2 of 4"),
    ("nl", "/nl/werknemer/check/", "Vraag 1 · nog hoogstens 3 vragen"),
    ("en", "/en/werknemer/check/", "Question 1 · at most 3 more questions"),
])
def test_the_question_page_says_where_the_user_is(client, lang, address, caption):
    html = client.get(address).get_data(as_text=True)
    assert caption in html
