"""The organisation edition: content/site.yml names an organisation's own trust persons and procedures.

The question an employee asks most, "where do I find *our* trust person?", has no generic answer; an
organisation that hosts this guide fills in site.yml and the frozen site shows its details where
employees look. Left empty, the site shows the generic guidance only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from babel import Locale, UnknownLocaleError

from . import schema
from .fields import Fields
from .look import Logo, accent_problem, read_logo
from .yamlread import Document, Problem, describe

PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,19}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL = re.compile(r"^https://[^\s/]+\.[^\s]+$")
KINDS = ("intern", "extern")

Text = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Contact:
    name: str
    kind: str | None          # intern or extern (trust persons only)
    phone: str | None
    email: str | None
    reachable: Text | None    # when they can be reached
    languages: tuple[str, ...]  # ISO 639-1 codes of the languages they speak

    @property
    def phone_link(self) -> str | None:
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else None


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str | None
    trust_persons: tuple[Contact, ...]
    integrity: Contact | None
    complaints_procedure: Text | None
    complaints_committee: Text | None
    sector: Text | None
    logo: Logo | None = None   # shown in every page's header, with the name as its text
    accent: str | None = None  # #rrggbb in place of the site's accent colour, contrast checked


FIELDS = schema.SITE
PERSON_FIELDS = schema.PERSON


def read_organisation(doc: Document, languages: tuple[str, ...], problems: list[Problem],
                      folder: Path) -> Organisation | None:
    """site.yml as an Organisation; None when it is empty. Every problem is recorded, not raised.

    folder: site.yml's own folder, where its logo is.
    """
    data = doc.data
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(doc.problem((), f"expected a mapping with {', '.join(FIELDS)}, found {describe(data)}"))
        return None
    reader = _Reader(doc, languages, problems)
    reader.unknown((), data, FIELDS)
    if "organisation" not in data:
        problems.append(doc.problem((), "missing field 'organisation': the organisation's name, shown with its "
                                        "details"))
    name = reader.text(("organisation",), data["organisation"]) if "organisation" in data else None
    url = data.get("url")
    if url is not None and not (isinstance(url, str) and URL.match(url)):
        problems.append(doc.problem(("url",), f"expected the site's public address starting with https://, "
                                              f"found {describe(url)}"))
        url = None
    persons = data.get("trust_persons", [])
    if not isinstance(persons, list):
        problems.append(doc.problem(("trust_persons",), f"expected a list of trust persons, found "
                                                        f"{describe(persons)}"))
        persons = []
    contacts = tuple(c for i, p in enumerate(persons)
                     if (c := reader.contact(("trust_persons", i), p, person=True)) is not None)
    integrity = reader.contact(("integrity",), data["integrity"], person=False) if "integrity" in data else None
    texts = {key: reader.translated((key,), data[key]) if key in data else None
             for key in ("complaints_procedure", "complaints_committee", "sector")}
    logo = accent = None
    if "logo" in data:
        logo, problem = read_logo(folder, doc.file.rpartition("/")[0] or ".", data["logo"])
        if problem:
            reader.problem(("logo",), problem)
    if "accent" in data:
        problem = accent_problem(data["accent"])
        if problem:
            reader.problem(("accent",), problem)
        else:
            accent = data["accent"].lower()
    if name is None:
        return None
    return Organisation(name, url, contacts, integrity, texts["complaints_procedure"],
                        texts["complaints_committee"], texts["sector"], logo, accent)


class _Reader(Fields):
    """The field reader, with the two kinds of field only site.yml has: texts per language and contacts."""

    def __init__(self, doc: Document, languages: tuple[str, ...], problems: list[Problem]):
        super().__init__(doc, problems)
        self.languages = languages

    def translated(self, path: tuple, value) -> Text | None:
        """One text for every language, or a mapping with a text per language (nl: ..., en: ...)."""
        if isinstance(value, str):
            text = self.text(path, value)
            return MappingProxyType({lang: text for lang in self.languages}) if text else None
        if not isinstance(value, dict):
            self.problem(path, f"expected text, or a text per language ({', '.join(self.languages)}), found "
                               f"{describe(value)}")
            return None
        self.unknown(path, value, self.languages)
        for lang in self.languages:
            if lang not in value:
                self.problem(path, f"missing the text in '{lang}'")
        texts = {lang: self.text(path + (lang,), value[lang]) for lang in self.languages if lang in value}
        return MappingProxyType(texts) if all(texts.values()) and len(texts) == len(self.languages) else None

    def contact(self, path: tuple, value, person: bool) -> Contact | None:
        fields = PERSON_FIELDS if person else tuple(f for f in PERSON_FIELDS if f != "kind")
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping with {', '.join(fields)}, found {describe(value)}")
            return None
        self.unknown(path, value, fields)
        if "name" not in value:
            self.problem(path, "missing field 'name'")
        name = self.text(path + ("name",), value.get("name"))
        kind = value.get("kind")
        if person and kind not in KINDS:
            self.problem(path + ("kind",), f"expected 'intern' (a colleague) or 'extern' (hired from outside), "
                                           f"found {describe(kind)}")
        phone = value.get("phone")
        if phone is not None:
            if isinstance(phone, int) and not isinstance(phone, bool):
                self.problem(path + ("phone",), f"expected a phone number in quotes (\"06 1234 5678\"), found "
                                                f"number {phone}: YAML drops a leading 0")
                phone = None
            elif not (isinstance(phone, str) and PHONE.match(phone.strip())):
                self.problem(path + ("phone",), f"expected a phone number of digits, spaces, +, -, ( and ), "
                                                f"found {describe(value.get('phone'))}")
                phone = None
        email = value.get("email")
        if email is not None and not (isinstance(email, str) and EMAIL.match(email.strip())):
            self.problem(path + ("email",), f"expected an e-mail address like naam@organisatie.nl, found "
                                            f"{describe(email)}")
            email = None
        if phone is None and email is None and "phone" not in value and "email" not in value:
            self.problem(path, "give a phone number or an e-mail address, or both: people need a way to reach "
                               "them")
        reachable = self.translated(path + ("reachable",), value["reachable"]) if "reachable" in value else None
        spoken = value.get("languages", [])
        codes = []
        if not isinstance(spoken, list):
            self.problem(path + ("languages",), f"expected a list of language codes like [nl, en, tr], found "
                                                f"{describe(spoken)}")
            spoken = []
        for i, code in enumerate(spoken):
            try:
                Locale.parse(code)
                codes.append(code)
            except (UnknownLocaleError, ValueError, TypeError):
                self.problem(path + ("languages", i), f"expected a language code like nl, en, tr or pl, found "
                                                      f"{describe(code)}")
        if name is None:
            return None
        return Contact(name, kind if person else None, phone.strip() if phone else None,
                       email.strip() if email else None, reachable, tuple(codes))
