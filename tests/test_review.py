"""The reviewers' export: every check as a graph that shows every node and a script of every route."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.content.model import Question

from .real_app import real_app

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = real_app().extensions["content"]  # the tests are parametrized by check


def all_checks():
    for edition in CONTENT.editions.values():
        for item in edition.checks():
            yield pytest.param(edition.lang, item, id=f"{edition.lang}-{item.id}")


@pytest.mark.parametrize("lang, check", all_checks())
def test_graph_shows_every_node_and_every_answer(frozen_site, lang, check):
    svg = (frozen_site / lang / "review" / check.section / check.id / "graph.svg").read_text(encoding="utf-8")
    assert set(re.findall(r'data-node="([^"]+)"', svg)) == set(check.nodes)
    labels = " ".join(re.findall(r">([a-z0-9, ]+)</text>", svg))
    for node in check.nodes.values():
        if isinstance(node, Question):
            for option in node.options:
                assert re.search(rf"\b{option.code}\b", labels), option.code


@pytest.mark.parametrize("lang, check", all_checks())
def test_script_lists_every_question_option_outcome_and_source(frozen_site, lang, check):
    folder = frozen_site / lang / "review" / check.section / check.id
    for script in (folder / "script.md", folder / "index.html"):
        text = script.read_text(encoding="utf-8")
        for node in check.nodes.values():
            assert node.id in text
            if isinstance(node, Question):
                for option in node.options:
                    assert option.code in text and option.next in text
            else:
                assert ", ".join(node.sources) in text


@pytest.mark.parametrize("lang, check", all_checks())
def test_script_marks_each_block_that_makes_up_the_panel(frozen_site, lang, check):
    """A reviewer sees which parts are the answer at the top of the page (lead blocks), once each."""
    marker = {"nl": "In het vak bovenaan de pagina", "en": "In the panel at the top of the page"}[lang]
    leads = sum(block.lead for node in check.nodes.values() for block in getattr(node, "blocks", ()))
    folder = frozen_site / lang / "review" / check.section / check.id
    for script in (folder / "script.md", folder / "index.html"):
        assert script.read_text(encoding="utf-8").count(marker) == leads


def test_reviewers_page_links_every_check(frozen_site):
    html = (frozen_site / "nl" / "review" / "index.html").read_text(encoding="utf-8")
    for param in all_checks():
        lang, check = param.values
        if lang == "nl":
            assert f'href="{check.section}/{check.id}/index.html"' in html


def test_export_command_writes_graphs_and_scripts(tmp_path):
    env = {**os.environ, "WEGWIJZER_EXPORT": str(tmp_path / "export")}
    result = subprocess.run([sys.executable, str(PROJECT / "build.py"), "export"], capture_output=True, text=True,
                            env=env, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    for param in all_checks():
        lang, check = param.values
        folder = tmp_path / "export" / lang / check.section / check.id
        assert (folder / "graph.svg").is_file() and (folder / "script.md").is_file()
        assert (folder / "index.html").is_file()
