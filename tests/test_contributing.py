"""CONTRIBUTING.md is the editors' only guide: it must explain every field, and its example must work."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import os
from pathlib import Path

import pytest

from app import create_app
from app.content import schema
from app.content.tools import FIELD_KINDS, KINDS as TOOL_KINDS

PROJECT = Path(__file__).resolve().parent.parent
GUIDE = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def documented(name: str) -> bool:
    """Named in backticks, or used as a key in one of the guide's YAML examples."""
    return f"`{name}`" in GUIDE or re.search(rf"(?m)(^|[\s{{,\-]){re.escape(name)}:", GUIDE) is not None


@pytest.mark.parametrize("shape", sorted(schema.ALL_SHAPES))
def test_every_field_the_content_accepts_is_explained(shape):
    required, optional = schema.ALL_SHAPES[shape]
    assert [name for name in required + optional if not documented(name)] == []


@pytest.mark.parametrize("word", schema.NODE_TYPES + TOOL_KINDS + FIELD_KINDS)
def test_every_node_type_tool_and_field_kind_is_named(word):
    assert re.search(rf"\b{re.escape(word)}\b", GUIDE), word


def example(name: str) -> str:
    found = re.search(rf"<!-- worked-example: {name} -->\n```yaml\n(.*?)```", GUIDE, re.S)
    assert found, f"CONTRIBUTING.md lost its worked example '{name}'"
    return found.group(1)


def add_option(path: Path, snippet: str) -> None:
    """As step 1 says: at the end of wat-gevraagd's options, just before the next node."""
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  wat-gevraagd:\n")
    next_node = re.compile(r"\n  [a-z-]+:\n").search(text, start + 1)
    insert_at = next_node.start() if next_node else len(text)
    body = text[:insert_at].rstrip("\n") + "\n"
    path.write_text(body + snippet + text[insert_at:], encoding="utf-8")


def add_outcome(path: Path, snippet: str) -> None:
    """As step 2 says: at the very end of the file."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + snippet, encoding="utf-8")


def check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(PROJECT / "build.py"), "check"], capture_output=True, text=True,
                          env={**os.environ, "WEGWIJZER_CONTENT": str(content)})


@pytest.mark.build  # it freezes a copy of the whole site
def test_the_worked_example_step_by_step(tmp_path):
    import build

    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    relative = Path("vertrouwenspersoon") / "hoort-dit-bij-mij.yml"
    # Steps 1 and 2: the Dutch option and outcome.
    add_option(content / "nl" / relative, example("nl option"))
    add_outcome(content / "nl" / relative, example("nl outcome"))
    # Step 3: the check refuses with one line per difference, naming the English twin and the Dutch file.
    refused = check(content)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    lines = [re.sub(r":\d+", ":...", line.strip()) for line in refused.stderr.splitlines()[1:]]
    assert lines == ["content/en/vertrouwenspersoon/hoort-dit-bij-mij.yml:... nodes: missing node 'aangifte' that "
                     "content/nl/vertrouwenspersoon/hoort-dit-bij-mij.yml:... has",
                     "content/en/vertrouwenspersoon/hoort-dit-bij-mij.yml:... nodes.wat-gevraagd.options: missing option "
                     "'c7' that content/nl/vertrouwenspersoon/hoort-dit-bij-mij.yml:... has"]
    # Step 4: the English twin.
    add_option(content / "en" / relative, example("en option"))
    add_outcome(content / "en" / relative, example("en outcome"))
    # Step 5: content OK, and the outcome is at the address of its codes.
    accepted = check(content)
    assert accepted.returncode == 0, accepted.stderr
    assert "content OK" in accepted.stdout
    app = create_app({"CONTENT_DIR": content, "TESTING": True})
    page = app.test_client().get("/nl/vertrouwenspersoon/hoort-dit-bij-mij/a1/c7/")
    assert page.status_code == 200 and "de melder doet zelf aangifte" in page.get_data(as_text=True)
    # Step 6: frozen, in both languages.
    build.freeze(app, tmp_path / "build")
    for lang, words in [("nl", "de melder doet zelf aangifte"), ("en", "the reporter reports to the police")]:
        frozen = tmp_path / "build" / lang / "vertrouwenspersoon" / "hoort-dit-bij-mij" / "a1" / "c7" / "index.html"
        assert words in frozen.read_text(encoding="utf-8")
