"""The annual report's anonymity rule, as the reference: app/static/js/suppress.js is its twin in the browser.

A reader of the report must not be able to work out any count from 1 to 4, not even by subtraction from
a total. So, as statistical offices do:

- Primary suppression: a count (or total) of 1 to 4 is shown as SMALL ("fewer than 5").
- Secondary suppression: every count table in the key figures counts the same reports, so each table's
  rows add up to the report's total number of reports. That total is a cell of every table. While a
  reader could still pin down a hidden cell from the total and the shown cells, the smallest shown
  non-zero cell of that table (possibly the total itself) is hidden as well (HIDDEN).
- Where nothing is left to hide and a cell can still be worked out (a total of 1 to 4 whose tables have
  as many non-zero rows, say: 1 + 1 + 1 + 1 of "fewer than 5"), the table's rows are all withheld
  (WITHHELD), zeros included: the table then says nothing about how the few reports divide.

Zero is shown: it points to nobody, and a zero only ever fixes cells that are shown anyway. The property
tests (tests/test_report_privacy.py, tests/js/) check by exhaustive enumeration that every hidden cell
keeps at least two possible values for a reader who knows the shown numbers, the total and these ranges.
"""

from __future__ import annotations

from collections.abc import Sequence

SMALL = "small"    # a count of 1 to 4: "fewer than 5"
HIDDEN = "hidden"  # a count of 5 or more, hidden so that a small count cannot be worked out
WITHHELD = "withheld"  # any count, zero included: a whole table's rows withheld
INFINITY = float("inf")

Shown = int | str  # the count itself, SMALL or HIDDEN


def primary(count: int) -> Shown:
    return SMALL if 1 <= count <= 4 else count


def known_range(shown: Shown, top: float) -> tuple[float, float]:
    """What a reader knows of one cell before looking at the sums."""
    if shown == SMALL:
        return 1, 4
    if shown == HIDDEN:
        return 5, top  # never a zero: zeros are shown, and only non-zero cells are hidden
    if shown == WITHHELD:
        return 0, top
    return shown, shown


def worked_out(shown_total: Shown, shown_tables: Sequence[Sequence[Shown]]) -> list[int]:
    """The tables from which a reader can pin down a hidden cell, the most telling first.

    The rows of each table add up to the total, and only the total links the tables. So the total's
    possible range is the overlap of what each table allows, and within a table every value between a
    cell's bounds is possible: these bounds are exact, not an estimate.
    """
    total_low, total_high = known_range(shown_total, INFINITY)
    ranges = [[known_range(cell, total_high) for cell in rows] for rows in shown_tables]
    for table in ranges:
        total_low = max(total_low, sum(low for low, _ in table))
        total_high = min(total_high, sum(high for _, high in table))
    telling = []
    for index, (rows, table) in enumerate(zip(shown_tables, ranges)):
        for i, cell in enumerate(rows):
            if cell not in (SMALL, HIDDEN, WITHHELD):
                continue
            others = table[:i] + table[i + 1:]
            low = max(table[i][0], total_low - sum(high for _, high in others))
            high = min(table[i][1], total_high - sum(low for low, _ in others))
            if low >= high:
                telling.append(index)
                break
    if shown_total in (SMALL, HIDDEN) and total_low >= total_high:
        # The total itself is pinned down: act first on the table that fixes it most tightly.
        width = [sum(h for _, h in table) - sum(lo for lo, _ in table) for table in ranges]
        telling += sorted(range(len(ranges)), key=lambda index: width[index])
    return telling


def suppress(total: int | None, tables: Sequence[Sequence[int]]) -> tuple[Shown | None, list[list[Shown]]]:
    """What the report shows of the total and of each table's rows.

    total is None when the tables have no shared total: then only primary suppression applies. Otherwise
    the rows of every table must add up to the total.
    """
    shown_tables = [[primary(count) for count in rows] for rows in tables]
    if total is None:
        return None, shown_tables
    if any(sum(rows) != total for rows in tables):
        raise ValueError("every table's rows must add up to the total")
    shown_total = primary(total)
    while True:
        telling = worked_out(shown_total, shown_tables)
        for index in telling:
            candidates = [(count, i) for i, count in enumerate(tables[index])
                          if count > 0 and shown_tables[index][i] == count]
            if shown_total == total and total > 0:
                candidates.append((total, len(tables[index])))  # the total, as the table's last cell
            if candidates:
                break
        else:
            open_tables = [index for index in telling if any(c != WITHHELD for c in shown_tables[index])]
            if not open_tables:
                return shown_total, shown_tables  # nothing left to pin down
            shown_tables[open_tables[0]] = [WITHHELD] * len(shown_tables[open_tables[0]])
            continue
        _, i = min(candidates)
        if i == len(tables[index]):
            shown_total = HIDDEN
        else:
            shown_tables[index][i] = HIDDEN
