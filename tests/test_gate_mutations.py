"""Gate: the real content, damaged in many ways, is refused by `python build.py check` with a message that
says where: exit status 1, no traceback, and a line naming the file, the key path and (where the damage
sits on a line) the line.

Each kind of damage is applied to a fresh copy of content/ and checked by the function that `python
build.py check` runs, called in this process with its output and exit status caught: a fresh Python for
every copy costs more time than it proves. The tests after it run the real command in a subprocess, on the
real content, on an unchanged copy and on one damaged copy, so the command's own exit status is proved too.
The damage is found in the content by structure (the employee check's start question, its first option,
...), so the gate keeps working while the text changes.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

import pytest
import yaml

import build

# One worker under pytest-xdist: the module's costly shared fixture is made once.
pytestmark = [pytest.mark.gate, pytest.mark.xdist_group("mutations")]

PROJECT = Path(__file__).resolve().parent.parent
CHECK = "nl/werknemer/check.yml"  # the employee check: the one check every edition has
CHECK_EN = "en/werknemer/check.yml"
SECTION = "nl/werknemer/_section.yml"
SITE = "site.yml"


class Draft:
    """A damaged copy of content/: edits that return the line they made, for the expected message."""

    def __init__(self, root: Path):
        self.root = root

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).write_text(text, encoding="utf-8")

    def data(self, relative: str):
        text = self.read(relative)
        if relative.endswith(".md"):
            text = text.split("---\n")[1]
        return yaml.safe_load(text)

    def find(self, relative: str, needle: str, after: str = "") -> tuple[str, int]:
        """(text, offset of needle), searching only after the first occurrence of `after`."""
        text = self.read(relative)
        start = text.find(after) if after else 0
        assert start >= 0, f"{after!r} not in {relative}"
        at = text.find(needle, start + len(after))
        assert at >= 0, f"{needle!r} not in {relative} after {after!r}"
        return text, at

    def sub(self, relative: str, old: str, new: str, after: str = "") -> int:
        """Replace the first `old` (after `after`); the line number where it stood."""
        text, at = self.find(relative, old, after)
        self.write(relative, text[:at] + new + text[at + len(old):])
        return text.count("\n", 0, at) + 1

    def set_line(self, relative: str, needle: str, new: str, after: str = "") -> int:
        """Replace the rest of the line from `needle` (after `after`) with `new`; its line number."""
        text, at = self.find(relative, needle, after)
        end = text.find("\n", at)
        self.write(relative, text[:at] + new + text[end if end >= 0 else len(text):])
        return text.count("\n", 0, at) + 1

    def line(self, relative: str, needle: str, after: str = "") -> int:
        text, at = self.find(relative, needle, after)
        return text.count("\n", 0, at) + 1

    def append(self, relative: str, text: str) -> int:
        """Add lines at the end; the line number of the first added line."""
        old = self.read(relative)
        old += "" if old.endswith("\n") else "\n"
        self.write(relative, old + text)
        return old.count("\n") + 1

    def node_span(self, relative: str, node: str) -> tuple[int, int]:
        """Offsets of a check node's block (from '  id:' up to the next node or the end)."""
        text = self.read(relative)
        start = text.index(f"\n  {node}:\n") + 1
        ends = [i + 1 for i in range(start, len(text)) if text.startswith("\n  ", i) and text[i + 3] not in " \n"]
        return start, (ends[0] if ends else len(text))


def check_parts(draft: Draft):
    """The employee check's start question and its options, from the content itself."""
    data = draft.data(CHECK)
    start = data["start"]
    nodes = data["nodes"]
    return data, start, nodes, nodes[start]["options"]


def first_topic(draft: Draft, section: str = "werknemer", need: str = "") -> str:
    """The first topic (.md) listed in a Dutch section that contains `need`."""
    for item in draft.data(f"nl/{section}/_section.yml")["items"]:
        relative = f"nl/{section}/{item}.md"
        if (draft.root / relative).is_file() and need in draft.read(relative):
            return relative
    raise AssertionError(f"no topic in nl/{section} with {need!r}")


def any_topic(draft: Draft, need: str) -> str:
    for section in sorted(p.name for p in (draft.root / "nl").iterdir() if p.is_dir()):
        try:
            return first_topic(draft, section, need)
        except AssertionError:
            continue
    raise AssertionError(f"no topic with {need!r}")


def where(relative: str, line: int | None = None, keypath: str | None = None, column: int | None = None) -> str:
    """The start of the expected message: 'content/file:line[:column] keypath: ' (parts left out when unknown)."""
    text = f"content/{relative}" + (f":{line}" if line else "") + (f":{column}" if column else "")
    return text + (f" {keypath}: " if keypath else ": ")


# ---- the kinds of damage: each edits the draft and returns where the message must point ------------

def next_to_nowhere(d):
    _, start, _, options = check_parts(d)
    line = d.sub(CHECK, f"next: {options[0]['next']}", "next: nergens", after=f"\n  {start}:\n")
    return where(CHECK, line, f"nodes.{start}.options[0].next")


def removed_node(d):
    _, _, nodes, _ = check_parts(d)
    victim = [n for n, v in nodes.items() if v["type"] == "outcome"][-1]
    first, last = d.node_span(CHECK, victim)
    text = d.read(CHECK)
    d.write(CHECK, text[:first] + text[last:])
    question, index = next((q, i) for q, v in nodes.items() if v["type"] == "question"
                           for i, o in enumerate(v["options"]) if o["next"] == victim)
    line = d.line(CHECK, f"next: {victim}\n", after=f"\n  {question}:\n")
    return where(CHECK, line, f"nodes.{question}.options[{index}].next")


def duplicated_key(d):
    _, start, _, _ = check_parts(d)
    line = d.sub(CHECK, "    title: ", "    title: Nog een titel\n    title: ", after=f"\n  {start}:\n")
    return where(CHECK, line + 1, f"nodes.{start}.title")  # the second one is the duplicate


def yes_as_option_code(d):
    _, start, _, options = check_parts(d)
    line = d.sub(CHECK, f"code: {options[0]['code']}\n", "code: yes\n", after=f"\n  {start}:\n")
    return where(CHECK, line, f"nodes.{start}.options[0].code")


def tab_in_yaml(d):
    _, start, _, _ = check_parts(d)
    line = d.sub(CHECK, "    title: ", "\ttitle: ", after=f"\n  {start}:\n")
    return where(CHECK, line, column=1)  # YAML errors give the column too: the tab is the line's first character


def yaml_syntax_error(d):
    _, start, _, _ = check_parts(d)
    line = d.sub(CHECK, "    title: ", "    title: Vraag: ", after=f"\n  {start}:\n")
    return where(CHECK, line, column=len("    title: Vraag") + 1)  # at the second ': '


def missing_translation(d):
    items = d.data("en/werknemer/_section.yml")["items"]
    item = next(it for it in items if (d.root / f"en/werknemer/{it}.md").is_file())
    (d.root / f"en/werknemer/{item}.md").unlink()
    # The file to create, and (in the message) its Dutch twin: one line, not one per listing.
    return where(f"en/werknemer/{item}.md") + "missing: "


def empty_title(d):
    topic = first_topic(d)
    line = d.set_line(topic, "title: ", 'title: ""')
    return where(topic, line, "title")


def broken_markdown_link(d):
    topic = first_topic(d)
    line = d.append(topic, "\nLees ook [deze pagina](/werknemer/bestaat-niet/).\n") + 1
    return where(topic, line, "body")


def http_link(d):
    topic = first_topic(d)
    line = d.append(topic, "\nZie [een site](http://example.org/).\n") + 1
    return where(topic, line, "body")


def heading_level_1(d):
    topic = first_topic(d, need="\n## ")
    line = d.sub(topic, "\n## ", "\n# ") + 1
    return where(topic, line, "body")


def cycle(d):
    _, start, nodes, options = check_parts(d)
    second = options[0]["next"]
    assert nodes[second]["type"] == "question"
    target = nodes[second]["options"][0]["next"]
    line = d.sub(CHECK, f"next: {target}\n", f"next: {start}\n", after=f"\n  {second}:\n")
    return where(CHECK, line, f"nodes.{second}.options[0].next")


def unreachable_node(d):
    data, _, _, _ = check_parts(d)
    assert list(data)[-1] == "nodes", "nodes must be the last key of the check to append a node"
    line = d.append(CHECK, "  verweesd:\n    type: outcome\n    title: Verweesd\n    sources: [W1]\n"
                           "    blocks:\n      - text: Niemand komt hier.\n")
    return where(CHECK, line, "nodes.verweesd")


def organisation(d) -> str:
    shutil.copy(PROJECT / "examples" / "site.yml", d.root / SITE)
    shutil.copy(PROJECT / "examples" / "logo.svg", (d.root / SITE).parent / "logo.svg")
    return SITE


def site_unknown_field(d):
    line = d.append(organisation(d), "organsation: Typfout\n")
    return where(SITE, line, "organsation")


def site_phone_with_letters(d):
    line = d.sub(organisation(d), 'phone: "06 1234 5678"', 'phone: "06 bel mij"')
    return where(SITE, line, "trust_persons[0].phone")


def site_email_without_at(d):
    line = d.sub(organisation(d), "email: vertrouwenspersoon@", "email: vertrouwenspersoon.")
    return where(SITE, line, "trust_persons[0].email")


def wrong_encoding(d):
    topic = first_topic(d)
    line = d.append(topic, "\nEen kopje caf\n") + 1
    path = d.root / topic
    path.write_bytes(path.read_bytes().replace(b"caf\n", b"caf\xe9.\n"))  # latin-1, not UTF-8
    return where(topic, line)


def unknown_field(d):
    topic = first_topic(d)
    d.sub(topic, "---\n", "---\nauteur: Iemand\n")
    return where(topic, 2, "auteur")


def boolean_label(d):
    _, start, _, _ = check_parts(d)
    line = d.set_line(CHECK, "label: ", "label: yes", after=f"\n  {start}:\n")
    return where(CHECK, line, f"nodes.{start}.options[0].label")


def duplicate_option_code(d):
    _, start, _, options = check_parts(d)
    line = d.sub(CHECK, f"code: {options[1]['code']}\n", f"code: {options[0]['code']}\n", after=f"\n  {start}:\n")
    return where(CHECK, line, f"nodes.{start}.options[1].code")


def missing_section_file(d):
    (d.root / "nl/over/_section.yml").unlink()
    return where("nl/over/_section.yml")


def unlisted_file(d):
    (d.root / "nl/werknemer/extra.md").write_text(
        "---\ntitle: Extra\nsummary: Een pagina die nergens in staat.\nsources: [W1]\n---\nTekst.\n", encoding="utf-8")
    return where("nl/werknemer/extra.md")


def chart_value_over_100(d):
    topic = any_topic(d, "\ncharts:\n")
    value = d.data(topic)["charts"][0]["bars"][0]["value"]
    line = d.sub(topic, f"value: {value}", "value: 150", after="\ncharts:\n")
    return where(topic, line, "charts[0].bars[0].value")


def when_on_unknown_question(d):
    _, _, nodes, _ = check_parts(d)
    outcome, index, question = next((o, i, q) for o, v in nodes.items() if v["type"] == "outcome"
                                    for i, b in enumerate(v["blocks"]) for q in b.get("when", {}) if q != "advice")
    line = d.sub(CHECK, f"when:\n          {question}:", "when:\n          onbekend:", after=f"\n  {outcome}:\n") + 1
    return where(CHECK, line, f"nodes.{outcome}.blocks[{index}].when.onbekend")


def advised_check(d) -> tuple[str, str, dict]:
    for path in sorted((d.root / "nl").rglob("*.yml")):
        relative = path.relative_to(d.root).as_posix()
        data = d.data(relative)
        if isinstance(data, dict) and isinstance(data.get("nodes"), dict):
            for node, value in data["nodes"].items():
                if isinstance(value, dict) and value.get("advice"):
                    return relative, node, value
    raise AssertionError("no outcome with advice in the content")


def advice_finding_without_block(d):
    relative, node, value = advised_check(d)
    counts = {}
    for block in value["blocks"]:
        for finding in block.get("when", {}).get("advice", []):
            counts[finding] = counts.get(finding, 0) + 1
    lonely, other = [f for f, n in counts.items() if n == 1][0], [f for f in counts if counts[f] == 1][-1]
    assert lonely != other
    d.sub(relative, f"advice: [{lonely}]", f"advice: [{other}]", after=f"\n  {node}:\n")
    return where(relative, d.line(relative, "    blocks:", after=f"\n  {node}:\n"), f"nodes.{node}.blocks")


def bad_inventory_id(d):
    topic = first_topic(d)
    first = d.data(topic)["sources"][0]
    line = d.sub(topic, f"sources: [{first}", "sources: [X9")
    return where(topic, line, "sources[0]")


def missing_front_matter(d):
    topic = first_topic(d)
    d.write(topic, d.read(topic)[len("---\n"):])
    return where(topic, 1)


def bad_checked_date(d):
    topic = first_topic(d, need="\nchecked: ")
    line = d.set_line(topic, "checked: ", "checked: 2026-13-45")  # looks like a date to YAML
    return where(topic, line, "checked")


def folder_named_zoeken(d):
    shutil.copytree(d.root / "nl/over", d.root / "nl/zoeken")
    return where("nl/zoeken")


def items_entry_without_file(d):
    items = d.data(SECTION)["items"]
    line = d.sub(SECTION, f"{items[-1]}]", f"{items[-1]}, weg]")
    return where(SECTION, line, f"items[{len(items)}]")


def duplicate_item_id(d):
    items = d.data(SECTION)["items"]
    line = d.sub(SECTION, f"{items[-1]}]", f"{items[-1]}, {items[0]}]")
    return where(SECTION, line, f"items[{len(items)}]")


def question_with_one_option(d):
    _, start, nodes, options = check_parts(d)
    first, last = d.node_span(CHECK, start)
    text = d.read(CHECK)
    at = text.index("    options:\n", first)
    one = f"    options:\n      - {{code: {options[0]['code']}, label: Alleen dit, next: {options[0]['next']}}}\n"
    d.write(CHECK, text[:at] + one + text[last:])
    return where(CHECK, text.count("\n", 0, at) + 1, f"nodes.{start}.options")


def outcome_with_options(d):
    _, _, nodes, _ = check_parts(d)
    outcome = next(n for n, v in nodes.items() if v["type"] == "outcome")
    line = d.sub(CHECK, "    type: outcome\n", "    type: outcome\n    options: []\n", after=f"\n  {outcome}:\n") + 1
    return where(CHECK, line, f"nodes.{outcome}.options")


def unknown_node_type(d):
    _, _, nodes, _ = check_parts(d)
    outcome = next(n for n, v in nodes.items() if v["type"] == "outcome")
    line = d.sub(CHECK, "type: outcome\n", "type: uitkomst\n", after=f"\n  {outcome}:\n")
    return where(CHECK, line, f"nodes.{outcome}.type")


def unknown_role(d):
    roles = d.data("nl/home.yml")["roles"]
    line = d.sub("nl/home.yml", f"{roles[-1]}]", f"{roles[-1]}, onbekend]")
    return where("nl/home.yml", line, f"roles[{len(roles)}]")


def translation_that_routes_elsewhere(d):
    data = d.data(CHECK_EN)
    start = data["start"]
    options = data["nodes"][start]["options"]
    other = next(o["next"] for o in options if o["next"] != options[0]["next"])
    line = d.sub(CHECK_EN, f"next: {options[0]['next']}\n", f"next: {other}\n", after=f"\n  {start}:\n")
    return where(CHECK_EN, line, f"nodes.{start}.options[0].next")


def empty_file(d):
    d.write(SECTION, "")
    return where(SECTION, 1)


def number_as_title(d):
    topic = first_topic(d)
    line = d.set_line(topic, "title: ", "title: 2024")
    return where(topic, line, "title")


DAMAGE = [next_to_nowhere, removed_node, duplicated_key, yes_as_option_code, tab_in_yaml, yaml_syntax_error,
          missing_translation, empty_title, broken_markdown_link, http_link, heading_level_1, cycle,
          unreachable_node, site_unknown_field, site_phone_with_letters, site_email_without_at, wrong_encoding,
          unknown_field, boolean_label, duplicate_option_code, missing_section_file, unlisted_file,
          chart_value_over_100, when_on_unknown_question, advice_finding_without_block, bad_inventory_id,
          missing_front_matter, bad_checked_date, folder_named_zoeken, items_entry_without_file,
          duplicate_item_id, question_with_one_option, outcome_with_options, unknown_node_type, unknown_role,
          translation_that_routes_elsewhere, empty_file, number_as_title]


def build_check(content: Path) -> subprocess.CompletedProcess:
    """`python build.py check` on another content folder, as an editor runs it."""
    env = {**os.environ, "WEGWIJZER_CONTENT": str(content)}
    return subprocess.run([sys.executable, "build.py", "check"], cwd=PROJECT, env=env, capture_output=True,
                          text=True, timeout=120)


def check_here(content: Path) -> subprocess.CompletedProcess:
    """What `python build.py check` would print and exit with on this folder, found in this process: an
    exception it lets through is printed as the traceback Python would print, with exit status 1."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            build.check_content(content)
        except SystemExit as leaving:
            status = leaving.code if isinstance(leaving.code, int) else 1
        except Exception:  # noqa: BLE001 - a crash is what the verdict looks for
            traceback.print_exc()
            status = 1
    return subprocess.CompletedProcess(["build.py", "check"], status, out.getvalue(), err.getvalue())


def verdict(result: subprocess.CompletedProcess, expected: str) -> str | None:
    """What the check got wrong about one damaged copy, or None when it refused it as it should."""
    output = result.stdout + result.stderr
    if "Traceback" in output:
        return f"a traceback instead of a message:\n{output}"
    if result.returncode != 1:
        return f"exit status {result.returncode}, expected 1:\n{output}"
    if not any(line.strip().startswith(expected) for line in output.splitlines()):
        return f"no message starting with {expected!r}:\n{output}"
    return None


def damaged(tmp: Path, damage) -> tuple[str, Path]:
    """A fresh copy of content/ with one kind of damage; the start of the message it must give."""
    content = tmp / damage.__name__ / "content"
    shutil.copytree(PROJECT / "content", content)
    return damage(Draft(content)), content


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, gate_report):
    """Every kind of damage checked, one after the other (the output is caught per copy)."""
    tmp = tmp_path_factory.mktemp("damaged")
    started = time.perf_counter()
    verdicts = {}
    for damage in DAMAGE:
        expected, content = damaged(tmp, damage)
        verdicts[damage.__name__] = verdict(check_here(content), expected)
    missed = [name for name, problem in verdicts.items() if problem]
    gate_report(f"gate mutations: {len(DAMAGE)} kinds, "
                + (f"{len(DAMAGE) - len(missed)} caught, not cleanly: {', '.join(missed)}" if missed else "all caught")
                + f", {time.perf_counter() - started:.0f} s")
    return verdicts


def test_the_real_content_passes_the_check():
    result = build_check(PROJECT / "content")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content OK" in result.stdout


def test_the_command_itself_refuses_damaged_content_and_says_where(tmp_path):
    """The real command in a subprocess, as an editor runs it, gives what check_here found."""
    expected, content = damaged(tmp_path, DAMAGE[0])
    assert verdict(build_check(content), expected) is None


def test_check_here_reports_a_crash_as_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setattr(build, "check_content", lambda content: {}["no such key"])
    result = check_here(tmp_path)
    assert result.returncode == 1 and "Traceback" in result.stderr and "KeyError" in result.stderr


def test_enough_kinds_of_damage():
    assert len(DAMAGE) >= 30
    assert len({d.__name__ for d in DAMAGE}) == len(DAMAGE)


@pytest.mark.parametrize("damage", [d.__name__ for d in DAMAGE])
def test_the_check_refuses_damaged_content_and_says_where(outcomes, damage):
    assert outcomes[damage] is None, outcomes[damage]


# ---- the gate can fail ---------------------------------------------------------------------------

def test_the_verdict_catches_a_missed_damage_a_traceback_and_a_vague_message(tmp_path):
    ok = subprocess.CompletedProcess([], 0, "content OK: 2 languages\n", "")
    assert "exit status 0" in verdict(ok, where(CHECK, 3, "nodes.a"))
    crashed = subprocess.CompletedProcess([], 1, "", "Traceback (most recent call last):\n  ValueError\n")
    assert "a traceback" in verdict(crashed, where(CHECK, 3, "nodes.a"))
    vague = subprocess.CompletedProcess([], 1, "", "content: 1 problem(s):\n  content/nl/werknemer/check.yml: wrong\n")
    assert "no message starting with" in verdict(vague, where(CHECK, 3, "nodes.a"))
    exact = subprocess.CompletedProcess([], 1, "", "content: 1 problem(s):\n  content/nl/werknemer/check.yml:3 nodes.a: x\n")
    assert verdict(exact, where(CHECK, 3, "nodes.a")) is None
    # and a harmless edit is not reported as damage: the real check passes an unchanged copy
    shutil.copytree(PROJECT / "content", tmp_path / "content")
    assert build_check(tmp_path / "content").returncode == 0
