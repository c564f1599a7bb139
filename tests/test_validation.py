"""The validator: each kind of content damage gives one exact, fixable message (file:line keypath: ...)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.advice import Advice
from app.content import ContentError, load_content

PROJECT = Path(__file__).resolve().parent.parent

QUESTIONS = "nl/demo/vragen.yml"
QUESTIONS_EN = "en/demo/vragen.yml"
TOPIC = "nl/demo/uitleg.md"
VORM_OPTIONS = """    options:
      - code: b1
        label: Rond
        next: klaar
      - code: b2
        label: Vierkant
        next: klaar
"""


# Toy advice rules for the toy check: kleur is asked on every route to 'klaar', vorm is not.
TOY_ADVICE = {
    "kleur-advies": Advice("kleur-advies", {"kleur": frozenset({"a1", "a2"})}, frozenset({"warm", "koel"}),
                           lambda answers: frozenset({"warm" if answers["kleur"] == "a1" else "koel"})),
    "vorm-advies": Advice("vorm-advies", {"vorm": frozenset({"b1", "b2"})}, frozenset({"rond"}),
                          lambda answers: frozenset({"rond"})),
    "drie-kleuren": Advice("drie-kleuren", {"kleur": frozenset({"a1", "a2", "a3"})}, frozenset({"warm"}),
                           lambda answers: frozenset({"warm"})),
}
ADVISED = """    type: outcome
    title: Klaar
    advice: kleur-advies
    sources: [W1]
    blocks:
      - when:
          advice: [warm]
        text: Warm.
      - when:
          advice: [koel]
        text: Koel.
"""
KLAAR = """    type: outcome
    title: Klaar
    sources: [W1]
    blocks:
      - text: |
          Altijd te zien.
      - when:
          kleur: [a1]
        text: |
          Alleen bij rood.
      - when:
          vorm: [b2]
        text: |
          Alleen bij vierkant.
        sources: [W2]
"""


KLAAR_EN = (KLAAR.replace("Klaar", "Done").replace("Altijd te zien.", "Always shown.")
            .replace("Alleen bij rood.", "Only for red.").replace("Alleen bij vierkant.", "Only for square."))


def advised(name="kleur-advies", blocks=ADVISED):
    return [(QUESTIONS, KLAAR, blocks.replace("kleur-advies", name))]


def damage(root: Path, edits) -> list[str]:
    """Apply (file, old, new) edits to the toy content and return the problems, one string each.

    old None writes new as the whole file (bytes or text); old and new None delete the file.
    """
    for relative, old, new in edits:
        path = root / relative
        if old is None and new is None:
            path.unlink()
        elif old is None:
            path.write_bytes(new) if isinstance(new, bytes) else path.write_text(new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"test edit does not apply: {old!r} not in {relative}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        load_content(root, ("nl", "en"), display_root=root.parent, advice=TOY_ADVICE)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_toy_content_is_valid(toy_content):
    assert damage(toy_content, []) == []


BOOLEAN = "(YAML reads unquoted yes/no/on/off/true/false as a boolean: put the text in quotes)"

CASES = {
    'syntax': (
        [(QUESTIONS, 'options:\n      - code: a1', 'options: [\n      - code: a1')],
        [
            "content/nl/demo/vragen.yml:14:7: invalid YAML: while parsing a flow node, expected the node content, but found '-'",
        ],
    ),
    'tab': (
        [(QUESTIONS, '    title: Welke kleur?', '\ttitle: Welke kleur?')],
        [
            "content/nl/demo/vragen.yml:10:1: invalid YAML: while scanning for the next token, found character '\\t' that "
            "cannot start any token; indent with spaces, not tabs",
        ],
    ),
    'colon-in-text': (
        [(QUESTIONS, '        label: Rood', '        label: Rood: warm')],
        [
            "content/nl/demo/vragen.yml:15:20: invalid YAML: mapping values are not allowed here; is there a ': ' in "
            "text without quotes? Put the text in quotes",
        ],
    ),
    'unclosed-quote': (  # reported where the quote opens, not at the end of the file
        [(QUESTIONS, '        label: Rood', '        label: "Rood')],
        [
            "content/nl/demo/vragen.yml:15:16: invalid YAML: while scanning a quoted scalar, found unexpected end of "
            "stream; a quote opened here is not closed: end the text with the same quote",
        ],
    ),
    'indentation': (  # PyYAML's context keeps the line where the mapping starts
        [(QUESTIONS, '    title: Welke vorm?', '   title: Welke vorm?')],
        [
            "content/nl/demo/vragen.yml:23:4: invalid YAML: while parsing a block mapping from line 8, expected "
            "<block end>, but found '<block mapping start>'; check the indentation: the keys of one mapping start "
            "in the same column",
        ],
    ),
    'link-line-in-block': (  # the link's own line, not the first line of its paragraph
        [(QUESTIONS, '          Alleen bij rood.\n', '          Alleen bij rood, zie\n          [de uitleg](/demo/uitlegg/).\n')],
        [
            "content/nl/demo/vragen.yml:42 nodes.klaar.blocks[1].text: broken link '/demo/uitlegg/': no such page in this guide",
        ],
    ),
    'dupkey': (
        [(QUESTIONS, '    title: Welke vorm?', '    title: Welke vorm?\n    title: Nog eens?')],
        [
            "content/nl/demo/vragen.yml:24 nodes.vorm.title: duplicate key 'title' (first at line 23)",
        ],
    ),
    'bool-label': (
        [(QUESTIONS, 'label: Rood', 'label: yes')],
        [
            "content/nl/demo/vragen.yml:15 nodes.kleur.options[0].label: expected text, found boolean true " + BOOLEAN,
        ],
    ),
    'bool-code': (
        [(QUESTIONS, 'code: b2', 'code: no'), (QUESTIONS_EN, 'code: b2', 'code: no')],
        [
            "content/nl/demo/vragen.yml:28 nodes.vorm.options[1].code: expected a short neutral code like 'a1' (a letter, then letters or digits), found boolean false " + BOOLEAN,
            "content/nl/demo/vragen.yml:43 nodes.klaar.blocks[2].when.vorm: unknown code 'b2' for question 'vorm' (its codes: b1)",
            "content/en/demo/vragen.yml:28 nodes.vorm.options[1].code: expected a short neutral code like 'a1' (a letter, then letters or digits), found boolean false " + BOOLEAN,
            "content/en/demo/vragen.yml:43 nodes.klaar.blocks[2].when.vorm: unknown code 'b2' for question 'vorm' (its codes: b1)",
        ],
    ),
    'unknown-field': (
        [(QUESTIONS, '    title: Welke vorm?', '    titel: Welke vorm?')],
        [
            "content/nl/demo/vragen.yml:23 nodes.vorm.titel: unknown field 'titel' (expected one of: type, title, options, hint)",
            "content/nl/demo/vragen.yml:21 nodes.vorm: missing field 'title'",
        ],
    ),
    'next-nowhere': (
        [(QUESTIONS, 'next: klaar\n      - code: b2', 'next: klaarr\n      - code: b2')],
        [
            "content/nl/demo/vragen.yml:27 nodes.vorm.options[0].next: unknown node 'klaarr' (known: klaar, kleur, vorm)",
        ],
    ),
    'unreachable': (
        [(QUESTIONS, 'next: vorm', 'next: klaar'), (QUESTIONS_EN, 'next: vorm', 'next: klaar')],
        [
            "content/nl/demo/vragen.yml:21 nodes.vorm: unreachable: no answer leads here from start 'kleur'",
            "content/en/demo/vragen.yml:21 nodes.vorm: unreachable: no answer leads here from start 'kleur'",
        ],
    ),
    'cycle': (
        [(f, 'next: klaar\n      - code: b2', 'next: kleur\n      - code: b2') for f in (QUESTIONS, QUESTIONS_EN)],
        [
            "content/nl/demo/vragen.yml:27 nodes.vorm.options[0].next: leads back to 'kleur', which makes a loop (kleur -> vorm -> kleur): a route must end at an outcome",
            "content/en/demo/vragen.yml:27 nodes.vorm.options[0].next: leads back to 'kleur', which makes a loop (kleur -> vorm -> kleur): a route must end at an outcome",
        ],
    ),
    'dead-end': (
        [(QUESTIONS, VORM_OPTIONS, '    options: []\n')],
        [
            'content/nl/demo/vragen.yml:24 nodes.vorm.options: dead end: a question needs options that lead on (only an outcome may end a route), found no options',
        ],
    ),
    'dup-code': (
        [(QUESTIONS, 'code: b2', 'code: b1')],
        [
            "content/nl/demo/vragen.yml:28 nodes.vorm.options[1].code: duplicate code 'b1' (also options[0])",
            "content/nl/demo/vragen.yml:43 nodes.klaar.blocks[2].when.vorm: unknown code 'b2' for question 'vorm' (its codes: b1)",
        ],
    ),
    'parity-missing-file': (
        [('en/demo/uitleg.md', None, None)],
        [
            "content/en/demo/uitleg.md: missing: content/nl/demo/uitleg.md has no twin in 'en'",
        ],
    ),
    'parity-code': (
        [(QUESTIONS_EN, 'code: b2', 'code: b3')],
        [
            "content/en/demo/vragen.yml:24 nodes.vorm.options: missing option 'b2' that content/nl/demo/vragen.yml:28 has; "
            "extra option 'b3'",
        ],
    ),
    'parity-hint': (
        [(QUESTIONS_EN, '        hint: Warm\n', '')],
        [
            'content/en/demo/vragen.yml:14 nodes.kleur.options[0].hint: differs from content/nl/demo/vragen.yml:16: expected present, found absent',
        ],
    ),
    'broken-link': (
        [(TOPIC, '(/demo/vragen/#begin)', '(/demo/vragenn/)')],
        [
            "content/nl/demo/uitleg.md:17 body: broken link '/demo/vragenn/': no such page in this guide",
        ],
    ),
    'h1': (
        [(TOPIC, '## Kopje', '# Kopje')],
        [
            "content/nl/demo/uitleg.md:15 body: heading level 1 ('# '): the page title is the only level-1 heading, start at '## '",
        ],
    ),
    'utf8': (
        [(TOPIC, None, b'---\ntitle: Uitleg\nsummary: caf\xe9\n')],
        [
            'content/nl/demo/uitleg.md:3: not UTF-8 text (byte 0xe9): save the file as UTF-8',
        ],
    ),
    'source': (
        [(TOPIC, 'sources: [T1]', 'sources: [T11]')],
        [
            "content/nl/demo/uitleg.md:4 sources[0]: expected an inventory ID (T1-T10, W1-W8, V1-V15, G1-G7, P1-P4), found text 'T11'",
        ],
    ),
    'when': (
        [(QUESTIONS, 'vorm: [b2]', 'vorm: [b9]')],
        [
            "content/nl/demo/vragen.yml:43 nodes.klaar.blocks[2].when.vorm: unknown code 'b9' for question 'vorm' (its codes: b1, b2)",
        ],
    ),
    'type': (
        [(QUESTIONS, 'type: outcome', 'type: uitkomst')],
        [
            "content/nl/demo/vragen.yml:32 nodes.klaar.type: expected type 'question' or 'outcome', found text 'uitkomst'",
        ],
    ),
    'unlisted': (
        [('nl/demo/extra.md', None, '---\ntitle: X\nsummary: Y\nsources: [T1]\n---\nZ\n')],
        [
            'content/nl/demo/extra.md: not listed in the items of content/nl/demo/_section.yml',
            "content/en/demo/extra.md: missing: content/nl/demo/extra.md has no twin in 'en'",
        ],
    ),
    'items-missing': (
        [('nl/demo/_section.yml', 'items: [vragen, uitleg]', 'items: [vragen, uitleg, weg]')],
        [
            "content/nl/demo/_section.yml:5 items[2]: no file 'weg.md' or 'weg.yml' in content/nl/demo",
        ],
    ),
    'empty-title': (
        [(QUESTIONS, 'title: Welke vorm?', 'title: ""')],
        [
            'content/nl/demo/vragen.yml:23 nodes.vorm.title: expected text, found empty text',
        ],
    ),
    'missing-field': (
        [(TOPIC, 'summary: Een onderwerp.\n', '')],
        [
            "content/nl/demo/uitleg.md:2: missing field 'summary'",
        ],
    ),
    'advice-unknown': (
        advised("onbekend"),
        [
            "content/nl/demo/vragen.yml:34 nodes.klaar.advice: unknown advice function 'onbekend' (known: "
            "drie-kleuren, kleur-advies, vorm-advies)",
        ],
    ),
    'advice-unknown-finding': (
        [(QUESTIONS, KLAAR, ADVISED.replace("advice: [koel]", "advice: [heet]"))],
        [
            "content/nl/demo/vragen.yml:36 nodes.klaar.blocks: no block explains finding 'koel' of advice "
            "'kleur-advies'",
            "content/nl/demo/vragen.yml:41 nodes.klaar.blocks[1].when.advice: unknown finding 'heet' of advice "
            "'kleur-advies' (its findings: koel, warm)",
        ],
    ),
    'advice-question-not-on-every-route': (
        advised("vorm-advies", ADVISED.replace("advice: [warm]", "advice: [rond]").replace(
            "advice: [koel]", "advice: [rond]")),
        [
            "content/nl/demo/vragen.yml:34 nodes.klaar.advice: advice 'vorm-advies' needs an answer to vorm, "
            "but the route a2 reaches this outcome without it",
        ],
    ),
    'advice-codes-differ': (
        advised("drie-kleuren", ADVISED.replace("advice: [koel]", "advice: [warm]")),
        [
            "content/nl/demo/vragen.yml:34 nodes.klaar.advice: advice 'drie-kleuren' expects question 'kleur' "
            "to have codes a1, a2, a3, found a1, a2",
        ],
    ),
    'advice-findings-without-function': (
        [(QUESTIONS, KLAAR, ADVISED.replace("    advice: kleur-advies\n", ""))],
        [
            "content/nl/demo/vragen.yml:37 nodes.klaar.blocks[0].when.advice: this outcome names no advice "
            "function to give findings",
            "content/nl/demo/vragen.yml:40 nodes.klaar.blocks[1].when.advice: this outcome names no advice "
            "function to give findings",
        ],
    ),
    'chart-bad-values': (
        [(TOPIC, "value: 80.5", "value: 180.5"), (TOPIC, "value: 40}", "value: veel}")],
        [
            "content/nl/demo/uitleg.md:12 charts[0].bars[0].value: expected a percentage of at most 100, found 180.5",
            "content/nl/demo/uitleg.md:13 charts[0].bars[1].value: expected a number of 0 or more, found text 'veel'",
        ],
    ),
    'chart-parity': (
        [("en/demo/uitleg.md", "value: 40}", "value: 41}")],
        [
            "content/en/demo/uitleg.md:11 charts[0].bars: differs from content/nl/demo/uitleg.md:11: expected [80.5, 40.0], "
            "found [80.5, 41.0]",
        ],
    ),
    'lead-with-heading': (  # the panel at the top holds a sentence or two, not a part of the page
        [(QUESTIONS, "      - text: |\n          Altijd te zien.", "      - lead: true\n        text: |\n          ## Kop\n\n          Altijd te zien."),
         ("en/demo/vragen.yml", "      - text: |\n          Always shown.", "      - lead: true\n        text: |\n          ## Heading\n\n          Always shown.")],
        [
            "content/nl/demo/vragen.yml:36 nodes.klaar.blocks[0].lead: a lead block is the answer in the panel at the "
            "top of the page: one or two sentences, without a heading, list or table",
            "content/en/demo/vragen.yml:36 nodes.klaar.blocks[0].lead: a lead block is the answer in the panel at the "
            "top of the page: one or two sentences, without a heading, list or table",
        ],
    ),
    'lead-after-details': (
        [(QUESTIONS, "      - when:\n          kleur: [a1]", "      - lead: true\n        when:\n          kleur: [a1]"),
         ("en/demo/vragen.yml", "      - when:\n          kleur: [a1]", "      - lead: true\n        when:\n          kleur: [a1]")],
        [
            "content/nl/demo/vragen.yml:38 nodes.klaar.blocks[1].lead: lead blocks come first: the panel opens the "
            "page, so its blocks stand before every other block of the outcome",
            "content/en/demo/vragen.yml:38 nodes.klaar.blocks[1].lead: lead blocks come first: the panel opens the "
            "page, so its blocks stand before every other block of the outcome",
        ],
    ),
    'lead-in-one-language': (  # the twins must agree on what the panel holds
        [(QUESTIONS, "      - text: |\n          Altijd te zien.", "      - lead: true\n        text: |\n          Altijd te zien.")],
        [
            "content/en/demo/vragen.yml:36 nodes.klaar.blocks[0].lead: differs from content/nl/demo/vragen.yml:36: "
            "expected present, found absent",
        ],
    ),
}


def test_advice_outcome_is_valid_when_content_and_code_agree(toy_content):
    assert damage(toy_content, advised() + [(QUESTIONS_EN, KLAAR_EN, ADVISED)]) == []


@pytest.mark.parametrize("edits, expected", CASES.values(), ids=CASES.keys())
def test_each_kind_of_damage_gives_its_exact_message(toy_content, edits, expected):
    assert damage(toy_content, edits) == expected


def test_every_problem_is_reported_at_once(toy_content):
    problems = damage(toy_content, CASES["h1"][0] + CASES["dupkey"][0] + CASES["bool-label"][0])
    assert len(problems) == 3


def test_build_on_broken_content_exits_1_with_file_line_messages_and_no_traceback(toy_content):
    damage(toy_content, CASES["next-nowhere"][0] + CASES["h1"][0])
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "check"], capture_output=True,
                            text=True, env={**os.environ, "WEGWIJZER_CONTENT": str(toy_content)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "content: 2 problem(s):",
        "  content/nl/demo/vragen.yml:27 nodes.vorm.options[0].next: unknown node 'klaarr' (known: klaar, "
        "kleur, vorm)",
        "  content/nl/demo/uitleg.md:15 body: heading level 1 ('# '): the page title is the only level-1 "
        "heading, start at '## '",
    ]


# ---- block ids and shared blocks --------------------------------------------------------------------

SHARED = "gedeeld:\n  text: |\n    Gedeelde tekst met een [link](/demo/uitleg/).\n  sources: [W3]\n"
USE_IN_KLAAR = ("      - text: |\n          Altijd te zien.\n", "      - use: gedeeld\n")


def shared_everywhere(extra=()):
    """A shared block in both languages, used by the toy outcome in both."""
    return [("nl/_blocks.yml", None, SHARED), ("en/_blocks.yml", None, SHARED),
            (QUESTIONS, *USE_IN_KLAAR), (QUESTIONS_EN, "      - text: |\n          Always shown.\n",
                                         "      - use: gedeeld\n"), *extra]


def test_a_shared_block_is_used_by_outcomes_and_topics(toy_content):
    assert damage(toy_content, shared_everywhere()) == []
    content = load_content(toy_content, ("nl", "en"), display_root=toy_content.parent, advice=TOY_ADVICE)
    klaar = content.editions["nl"].item("demo", "vragen").nodes["klaar"]
    assert klaar.blocks[0].id == "gedeeld" and "Gedeelde tekst" in klaar.blocks[0].html
    assert klaar.blocks[0].sources == ("W3",)
    assert damage(toy_content, [(TOPIC, "## Kopje\n", "## Kopje\n\n{{block gedeeld}}\n")]) == []
    topic = load_content(toy_content, ("nl", "en"), display_root=toy_content.parent,
                         advice=TOY_ADVICE).editions["nl"].item("demo", "uitleg")
    assert topic.html.index("Kopje") < topic.html.index("Gedeelde tekst") < topic.html.index("Tekst met een")


SHARED_CASES = {
    "unknown-use": (
        [(QUESTIONS, "      - use: gedeeld\n", "      - use: gedeelt\n")],
        ["content/nl/demo/vragen.yml:36 nodes.klaar.blocks[0].use: unknown shared block 'gedeelt' (known: gedeeld)",
         "content/nl/_blocks.yml:1 gedeeld: shared block 'gedeeld' is used nowhere: use it or delete it"],
    ),
    "unused": (
        [("nl/_blocks.yml", "gedeeld:", "ongebruikt:\n  text: Weg.\ngedeeld:"),
         ("en/_blocks.yml", "gedeeld:", "ongebruikt:\n  text: Gone.\ngedeeld:")],
        ["content/nl/_blocks.yml:1 ongebruikt: shared block 'ongebruikt' is used nowhere: use it or delete it",
         "content/en/_blocks.yml:1 ongebruikt: shared block 'ongebruikt' is used nowhere: use it or delete it"],
    ),
    "text-and-use": (
        [(QUESTIONS, "      - use: gedeeld\n", "      - use: gedeeld\n        text: Ook eigen tekst.\n")],
        ["content/nl/demo/vragen.yml:36 nodes.klaar.blocks[0]: expected either 'text' (the block's own Markdown) "
         "or 'use' (a shared block's id), found both"],
    ),
    "duplicate-id": (
        [(QUESTIONS, "      - when:\n          kleur: [a1]", "      - id: gedeeld\n        when:\n          kleur: [a1]")],
        ["content/nl/demo/vragen.yml:37 nodes.klaar.blocks[1].id: duplicate block id 'gedeeld' (also blocks[0])"],
    ),
    "id-differs": (
        [(QUESTIONS, "      - when:\n          kleur: [a1]", "      - id: rood\n        when:\n          kleur: [a1]")],
        ["content/en/demo/vragen.yml:35 nodes.klaar.blocks: missing block 'rood' that content/nl/demo/vragen.yml:37 has; "
         "extra block number 2 (no id)"],
    ),
    "unknown-include": (
        [(TOPIC, "## Kopje\n", "## Kopje\n\n{{block niets}}\n")],
        ["content/nl/demo/uitleg.md:17 body: unknown shared block 'niets' (known: gedeeld)"],
    ),
}


@pytest.mark.parametrize("case", sorted(SHARED_CASES))
def test_shared_block_damage_is_reported_exactly(case, toy_content):
    edits, expected = SHARED_CASES[case]
    assert damage(toy_content, shared_everywhere(edits)) == expected


SEARCH_NL = "synonyms:\n  baas: [baas, leidinggevende]\n  vp: [vp, vertrouwenspersoon]\nstopwords: [de, het]\n"
SEARCH_EN = "synonyms:\n  baas: [boss, supervisor]\n  vp: [trust person, tp]\nstopwords: [the, a]\n"


def search_everywhere(extra=()):
    """_search.yml in both languages, then the edits."""
    return [("nl/_search.yml", None, SEARCH_NL), ("en/_search.yml", None, SEARCH_EN), *extra]


def test_search_words_are_read_per_language(toy_content):
    assert damage(toy_content, search_everywhere()) == []
    content = load_content(toy_content, ("nl", "en"), display_root=toy_content.parent, advice=TOY_ADVICE)
    assert content.editions["en"].search.synonyms == (("boss", "supervisor"), ("trust person", "tp"))
    assert content.editions["nl"].search.stopwords == frozenset({"de", "het"})


SEARCH_CASES = {
    "group-missing-in-twin": (
        [("en/_search.yml", "  vp: [trust person, tp]\n", "")],
        ["content/en/_search.yml:1 synonyms: missing synonym group 'vp' that content/nl/_search.yml:3 has"],
    ),
    "word-in-two-groups": (
        [("nl/_search.yml", "[vp, vertrouwenspersoon]", "[vp, baas]")],
        ["content/nl/_search.yml:3 synonyms.vp[1]: 'baas' is already in group 'baas': a word belongs to one group"],
    ),
    "capitals": (
        [("nl/_search.yml", "[de, het]", "[de, Het]")],
        ["content/nl/_search.yml:4 stopwords[1]: expected a word in lower case (letters, digits, ' and -; "
         "phrases with single spaces), found text 'Het'"],
    ),
    "one-word-group": (
        [("en/_search.yml", "[boss, supervisor]", "[boss]")],
        ["content/en/_search.yml:2 synonyms.baas: expected a list of at least 2 word(s), found 1 word(s)"],
    ),
    "unknown-field": (
        [("nl/_search.yml", "stopwords:", "stopwoorden: [en]\nstopwords:")],
        ["content/nl/_search.yml:4 stopwoorden: unknown field 'stopwoorden' (expected one of: synonyms, stopwords)"],
    ),
}


@pytest.mark.parametrize("case", sorted(SEARCH_CASES))
def test_search_words_damage_is_reported_exactly(case, toy_content):
    edits, expected = SEARCH_CASES[case]
    assert damage(toy_content, search_everywhere(edits)) == expected


# ---- the twins: compared by id, one line per difference, naming both files ---------------------------

EN_VORM = ("  vorm:\n    type: question\n    title: Which shape?\n    options:\n      - code: b1\n        label: Round\n"
           "        next: klaar\n      - code: b2\n        label: Square\n        next: klaar\n")
TWIN_CASES = {
    "option-deleted": (  # the Dutch check has an answer the English one lacks
        [(QUESTIONS, "        next: klaar\n  vorm:", "        next: klaar\n      - code: a3\n        label: Groen\n"
                                                   "        next: klaar\n  vorm:")],
        ["content/en/demo/vragen.yml:13 nodes.kleur.options: missing option 'a3' that content/nl/demo/vragen.yml:21 has"],
    ),
    "node-deleted": (
        [(QUESTIONS_EN, EN_VORM, "")],
        ["content/en/demo/vragen.yml:7 nodes: missing node 'vorm' that content/nl/demo/vragen.yml:21 has"],
    ),
    "node-extra": (
        [(QUESTIONS_EN, EN_VORM, EN_VORM + EN_VORM.replace("vorm:", "vorm2:"))],
        ["content/en/demo/vragen.yml:31 nodes.vorm2: extra node 'vorm2' that content/nl/demo/vragen.yml:7 does not have"],
    ),
    "block-id-extra": (
        [(QUESTIONS_EN, "      - when:\n          kleur: [a1]", "      - id: rood\n        when:\n          kleur: [a1]")],
        ["content/en/demo/vragen.yml:35 nodes.klaar.blocks: missing block number 2 (no id) that "
         "content/nl/demo/vragen.yml:38 has; extra block 'rood'"],
    ),
    "next-changed": (
        [(QUESTIONS_EN, "        hint: Warm\n        next: vorm", "        hint: Warm\n        next: klaar")],
        ["content/en/demo/vragen.yml:17 nodes.kleur.options[0].next: differs from content/nl/demo/vragen.yml:17: "
         "expected 'vorm', found 'klaar'"],
    ),
    "options-reordered": (
        [(QUESTIONS_EN, "      - code: b1\n        label: Round\n", "      - code: b3\n        label: Round\n"),
         (QUESTIONS_EN, "      - code: b2\n", "      - code: b1\n"), (QUESTIONS_EN, "code: b3", "code: b2")],
        ["content/en/demo/vragen.yml:24 nodes.vorm.options: in another order than content/nl/demo/vragen.yml:24: "
         "expected 'b1', 'b2', found 'b2', 'b1'"],
    ),
    "type-changed": (  # one line for the type, none for the fields that follow from it
        [(QUESTIONS_EN, EN_VORM, "  vorm:\n    type: outcome\n    title: Shape\n    sources: [W1]\n    blocks:\n"
                                 "      - text: Done.\n")],
        ["content/en/demo/vragen.yml:22 nodes.vorm.type: differs from content/nl/demo/vragen.yml:22: expected "
         "'question', found 'outcome'"],
    ),
    "topic-missing": (
        [("en/demo/uitleg.md", None, None)],
        ["content/en/demo/uitleg.md: missing: content/nl/demo/uitleg.md has no twin in 'en'"],
    ),
    "topic-extra": (
        [("en/demo/extra.md", None, "---\ntitle: X\nsummary: Y\nsources: [T1]\n---\nZ\n"),
         ("en/demo/_section.yml", "items: [vragen, uitleg]", "items: [vragen, uitleg, extra]")],
        ["content/en/demo/_section.yml:5 items[2]: extra item 'extra' that content/nl/demo/_section.yml:5 does not have",
         "content/en/demo/extra.md: extra: content/nl/demo/extra.md does not exist"],
    ),
}


@pytest.mark.parametrize("case", sorted(TWIN_CASES))
def test_each_difference_between_twins_is_one_line_naming_both_files(case, toy_content):
    edits, expected = TWIN_CASES[case]
    assert damage(toy_content, edits) == expected


def test_deleting_one_answer_from_the_real_english_check_gives_one_line(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    check = content / "en" / "werknemer" / "check.yml"
    text = check.read_text(encoding="utf-8")
    option = re.search(r"      - code: a7\n(?:        .*\n)+?        next: prive\n", text)
    check.write_text(text.replace(option.group(0), ""), encoding="utf-8")
    nl_line = (PROJECT / "content/nl/werknemer/check.yml").read_text(encoding="utf-8").split("\n").index("      - code: a7") + 1
    en_line = text.split("\n").index("    options:") + 1
    with pytest.raises(ContentError) as error:
        load_content(content, ("nl", "en"), display_root=tmp_path)
    assert [str(p) for p in error.value.problems] == [
        f"content/en/werknemer/check.yml:{en_line} nodes.situatie.options: missing option 'a7' that "
        f"content/nl/werknemer/check.yml:{nl_line} has"]
