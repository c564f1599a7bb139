"""The annual report identifies no one: no hidden count can be worked out from what the report shows.

The checker plays a reader who knows every shown number, the total, that "fewer than 5" means 1 to 4
and that a hidden count is 5 or more (zeros are shown). It goes through every value of every hidden cell
and keeps those that fit some complete filling-in of the tables; each hidden cell must keep two or more.
The same checker must catch the weakened rules, so a test that passes means the rule does the work.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from app.report import HIDDEN, SMALL, WITHHELD, primary, suppress

PROJECT = Path(__file__).resolve().parent.parent
SUPPRESS_JS = PROJECT / "app" / "static" / "js" / "suppress.js"


def candidate_values(shown, top):
    if shown == SMALL:
        return range(1, 5)
    if shown == HIDDEN:
        return range(5, top + 1)
    if shown == WITHHELD:
        return range(0, top + 1)
    return range(shown, shown + 1)


def sums(value_lists) -> int:
    """Every sum the cells can reach, as a bit set: bit s is set when some choice of values sums to s."""
    reach = 1
    for values in value_lists:
        reach = sum_with(reach, values)
    return reach


def sum_with(reach: int, values) -> int:
    out = 0
    for value in values:
        out |= reach << value
    return out


def possible(shown_total, shown_tables, true_total: int) -> dict:
    """For every hidden cell (('total',) or (table, row)), the set of values that fit what is shown."""
    # A hidden total is at least 5 and has no upper bound for the reader; enumerating up to well past the
    # true total only leaves out candidates, so a cell found ambiguous here is ambiguous for the reader.
    top = shown_total if isinstance(shown_total, int) else 2 * true_total + 10
    totals = [t for t in candidate_values(shown_total, top)
              if all(sums(candidate_values(c, top) for c in rows) >> t & 1 for rows in shown_tables)]
    found = {}
    if not isinstance(shown_total, int):
        found[("total",)] = set(totals)
    for g, rows in enumerate(shown_tables):
        for i, cell in enumerate(rows):
            if isinstance(cell, int):
                continue
            others = sums(candidate_values(c, top) for j, c in enumerate(rows) if j != i)
            found[(g, i)] = {v for v in candidate_values(cell, top) if any(t >= v and others >> (t - v) & 1
                                                                            for t in totals)}
    return found


def leaks(rule, total: int, tables) -> list:
    """The hidden cells a reader can pin down (with their true value), under the given rule."""
    shown_total, shown_tables = rule(total, tables)
    found = possible(shown_total, shown_tables, total)
    for cell, values in found.items():
        true = total if cell == ("total",) else tables[cell[0]][cell[1]]
        assert true in values, f"the checker lost the true value of {cell}"
    return [(cell, values) for cell, values in found.items() if len(values) < 2]


# ---- the weakened rules that the checker must catch -------------------------------------------------

def cells_only(total, tables):
    """Hides small cells and adds secondary suppression, but always prints the total."""
    shown_total, shown_tables = suppress(total, tables)
    return total, shown_tables


def no_secondary(total, tables):
    """Hides every count of 1 to 4, total included, and nothing else."""
    return primary(total), [[primary(n) for n in rows] for rows in tables]


def test_the_example_from_the_brief_is_protected_and_its_weakening_is_caught():
    tables = [[9, 0, 7, 4]]
    assert no_secondary(20, tables) == (20, [[9, 0, 7, SMALL]])
    assert leaks(no_secondary, 20, tables) == [((0, 3), {4})]
    assert leaks(suppress, 20, tables) == []
    shown_total, shown_tables = suppress(20, tables)
    assert shown_total == 20 and shown_tables == [[9, 0, HIDDEN, SMALL]]


def test_a_small_total_is_hidden_and_printing_it_is_caught():
    assert suppress(3, [[0, 3, 0]]) == (SMALL, [[0, SMALL, 0]])
    assert leaks(cells_only, 3, [[0, 3, 0]]) == [((0, 1), {3})]
    assert leaks(suppress, 3, [[0, 3, 0]]) == []


def test_two_small_cells_that_can_only_be_ones_get_a_third_cell_hidden():
    # 1 + 1 + 10 = 12: hiding just the two ones would tell the reader that both are 1.
    assert leaks(no_secondary, 12, [[1, 1, 10]]) != []
    assert leaks(suppress, 12, [[1, 1, 10]]) == []


def test_a_hidden_total_is_not_given_away_by_another_table():
    # 1 + 5 = 6: the 1 is only safe once the total is hidden too. The second table, 6 + 0, would then
    # print the total after all, so its 6 is hidden as well.
    tables = [[1, 5], [6, 0]]
    assert suppress(6, tables) == (HIDDEN, [[SMALL, HIDDEN], [HIDDEN, 0]])
    assert leaks(suppress, 6, tables) == []
    first_alone = suppress(6, tables[:1])
    assert leaks(lambda total, t: (first_alone[0], first_alone[1] + [t[1]]), 6, tables) != []


def test_without_a_shared_total_only_counts_of_one_to_four_are_hidden():
    assert suppress(None, [[0, 1, 4, 5, 60]]) == (None, [[0, SMALL, SMALL, 5, 60]])


def test_rows_that_do_not_add_up_to_the_total_are_refused():
    with pytest.raises(ValueError):
        suppress(20, [[9, 0, 7, 3]])


@pytest.mark.parametrize("tables", [[[1, 2, 0]], [[4, 4]], [[0, 1, 5]], [[2, 5, 3]], [[1, 0], [0, 1]]])
def test_the_checker_agrees_with_plain_enumeration_of_every_assignment(tables):
    """On small tables, list every complete filling-in and compare: the checker itself is right."""
    total = sum(tables[0])
    for rule in (suppress, no_secondary, cells_only):
        shown_total, shown_tables = rule(total, tables)
        top = shown_total if isinstance(shown_total, int) else 2 * total + 10
        cells = [("total",)] + [(g, i) for g, rows in enumerate(tables) for i in range(len(rows))]
        shown = {("total",): shown_total, **{(g, i): c for g, rows in enumerate(shown_tables)
                                              for i, c in enumerate(rows)}}
        seen = {cell: set() for cell in cells}
        for values in itertools.product(*(candidate_values(shown[cell], top) for cell in cells)):
            filled = dict(zip(cells, values))
            if all(sum(filled[(g, i)] for i in range(len(rows))) == filled[("total",)]
                   for g, rows in enumerate(tables)):
                for cell in cells:
                    seen[cell].add(filled[cell])
        expected = {cell: values for cell, values in seen.items() if not isinstance(shown[cell], int)}
        assert possible(shown_total, shown_tables, total) == expected


# ---- the property: random tables, as the brief sets them ---------------------------------------------

rows_of_one_table = st.lists(st.integers(0, 60), min_size=2, max_size=8)


@settings(max_examples=300, deadline=None)
@given(rows_of_one_table)
def test_no_hidden_cell_of_a_table_with_its_total_can_be_worked_out(rows):
    assert leaks(suppress, sum(rows), [rows]) == []


@st.composite
def tables_sharing_a_total(draw):
    """Two or three tables that count the same reports: the same total, split differently."""
    first = draw(rows_of_one_table)
    total = sum(first)
    tables = [first]
    for _ in range(draw(st.integers(1, 2))):
        size = draw(st.integers(2, 6))
        cuts = sorted(draw(st.lists(st.integers(0, total), min_size=size - 1, max_size=size - 1)))
        tables.append([b - a for a, b in zip([0] + cuts, cuts + [total])])
    return total, tables


@settings(max_examples=200, deadline=None)
@given(tables_sharing_a_total())
def test_no_hidden_cell_can_be_worked_out_when_tables_share_the_total(case):
    total, tables = case
    assert leaks(suppress, total, tables) == []


@settings(max_examples=200, deadline=None)
@given(tables_sharing_a_total())
def test_every_count_of_one_to_four_is_hidden_and_every_shown_cell_is_true(case):
    total, tables = case
    shown_total, shown_tables = suppress(total, tables)
    for true, shown in [(total, shown_total)] + [(n, s) for rows, out in zip(tables, shown_tables)
                                                 for n, s in zip(rows, out)]:
        assert shown == (SMALL if 1 <= true <= 4 else shown) and shown in (true, SMALL, HIDDEN, WITHHELD)
        assert shown != HIDDEN or true >= 5


def test_the_weakened_rules_fail_the_same_property():
    """The property tests above can fail: on random tables, each weakened rule leaks somewhere."""
    generator = random.Random(2026)
    caught = {"cells_only": False, "no_secondary": False}
    for _ in range(400):
        rows = [generator.choice([0, 1, 2, 3, 4, 5, 7, 12]) for _ in range(generator.randint(2, 5))]
        for name, rule in (("cells_only", cells_only), ("no_secondary", no_secondary)):
            caught[name] = caught[name] or bool(leaks(rule, sum(rows), [rows]))
    assert caught == {"cells_only": True, "no_secondary": True}


# ---- the browser's twin: the same rule in suppress.js, and its own property test under Node -------------

def test_the_node_property_tests_pass():
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=PROJECT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout


def test_python_and_javascript_hide_exactly_the_same_cells():
    generator = random.Random(5)
    cases = []
    for _ in range(300):
        tables = [[generator.choice([0, 1, 2, 3, 4, 5, 6, 9, 15, 40]) for _ in range(generator.randint(2, 8))]]
        total = sum(tables[0])
        for _ in range(generator.randint(0, 2)):
            cuts = sorted(generator.randint(0, total) for _ in range(generator.randint(1, 5)))
            tables.append([b - a for a, b in zip([0] + cuts, cuts + [total])])
        cases.append({"total": None if generator.random() < 0.1 else total, "tables": tables})
    script = (f"const {{suppress}} = require({json.dumps(str(SUPPRESS_JS))});"
              "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(cases.map(c => suppress(c.total, c.tables))));")
    result = subprocess.run(["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True,
                            check=True)
    from_js = json.loads(result.stdout)
    from_python = [list(suppress(c["total"], c["tables"])) for c in cases]
    assert from_js == json.loads(json.dumps(from_python))
    assert any(HIDDEN in rows for shown in from_python for rows in shown[1])  # the cases do reach the rule


def test_a_small_total_with_as_many_rows_withholds_the_table():
    """1 + 1 + 1 + 1 of a total "fewer than 5": the rows' ranges would pin every cell and the total."""
    shown_total, shown_tables = suppress(4, [[1, 1, 1, 1]])
    assert shown_total == SMALL and shown_tables == [[WITHHELD] * 4]
    assert leaks(suppress, 4, [[1, 1, 1, 1]]) == []
