"""One field reader, bound to one document: every kind of content reads its fields through it.

Each method records what is wrong as a Problem at the field's own line and returns what it could still
read (None, () or False), so the loader carries on and reports every problem at once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from .yamlread import Document, Problem, describe

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE = re.compile(r"^(?:T(?:[1-9]|10)|W[1-8]|V(?:[1-9]|1[0-5])|G[1-7]|P[1-4])$")

MISSING = object()  # a required field that fields() has already reported as missing


class Fields:
    def __init__(self, doc: Document, problems: list[Problem]):
        self.doc, self.problems = doc, problems

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def fields(self, path: tuple, value, required: tuple, optional: tuple = ()) -> dict | None:
        """value as a mapping with the required keys (MISSING where absent) and no unknown ones; None
        if it is not a mapping."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping with {', '.join(required or optional)}, found {describe(value)}")
            return None
        self.unknown(path, value, required + optional)
        for key in required:
            if key not in value:
                self.problem(path, f"missing field '{key}'")
        return {**{key: MISSING for key in required}, **value}

    def unknown(self, path: tuple, data: dict, known: tuple[str, ...]) -> None:
        """A problem for each key of data that is not a known field."""
        for key in data:
            if key not in known:
                self.problem(path + (key,), f"unknown field '{key}' (expected one of: {', '.join(known)})")

    def text(self, path: tuple, value) -> str | None:
        if value is MISSING:
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.problem(path, f"expected text, found {'empty text' if isinstance(value, str) else describe(value)}")
        return None

    def optional_text(self, data: dict, path: tuple, key: str) -> str | None:
        """The text of an optional field, None when it is absent."""
        return self.text(path + (key,), data[key]) if key in data else None

    def identifier(self, path: tuple, value, what: str = "an id") -> str | None:
        if value is MISSING:
            return None
        if isinstance(value, str) and ID.match(value):
            return value
        self.problem(path, f"expected {what} of lower-case letters, digits and hyphens, found {describe(value)}")
        return None

    def sources(self, path: tuple, value) -> tuple[str, ...]:
        if value is MISSING:
            return ()
        if not isinstance(value, list) or not value:
            self.problem(path, f"expected a list of inventory IDs like [W1, T4], found {describe(value)}")
            return ()
        found = []
        for i, item in enumerate(value):
            if isinstance(item, str) and SOURCE.match(item):
                found.append(item)
            else:
                self.problem(path + (i,), f"expected an inventory ID (T1-T10, W1-W8, V1-V15, G1-G7, P1-P4), "
                                          f"found {describe(item)}")
        return tuple(found)

    def flag(self, data: dict, path: tuple, key: str) -> bool:
        """An optional true/false field; false when absent."""
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem(path + (key,), f"expected true or false, found {describe(value)}")
            return False
        return value

    def items_of(self, path: tuple, raw, what: str) -> list:
        """A non-empty list; [] (and a problem) for anything else, [] without one when MISSING."""
        if raw is MISSING:
            return []
        if not isinstance(raw, list) or not raw:
            self.problem(path, f"expected a list of {what}, found {describe(raw)}")
            return []
        return raw

    def each(self, path: tuple, raw, what: str, shape: tuple) -> Iterator[tuple[int, dict]]:
        """(position, fields) of each mapping in a list of `what`; what is not a mapping is reported."""
        for i, item in enumerate(self.items_of(path, raw, what)):
            data = self.fields(path + (i,), item, *shape)
            if data is not None:
                yield i, data

    def date(self, path: tuple, value) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.problem(path, f"expected a date like 2026-11-23, found {describe(value)}")
            return None
