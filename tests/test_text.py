"""Text rules: the guide is written in its own words, and every interface string is translated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"  # the source documents and the overlap tool, beside the repository
OVERLAP = SHARED / "tools" / "overlap.py"


# A checkout on its own has no ../shared (the source documents are not the project's to publish); CI and
# the project's machine have it, so there the test runs. With ../shared present, a missing tool still fails.
@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} (the source documents and tools/overlap.py) "
                                                "is absent: the copied-text check needs it")
def test_no_sentence_is_copied_from_the_source_documents():
    assert OVERLAP.is_file(), f"the overlap tool is missing at {OVERLAP}"
    result = subprocess.run([sys.executable, str(OVERLAP)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 copied run(s)" in result.stdout


def interface_strings() -> set[str]:
    method_map = [("**.py", "python"), ("templates/**.html", "jinja2.ext:babel_extract")]
    return {message for _, _, message, _, _ in extract_from_dir(PROJECT / "app", method_map)
            if isinstance(message, str)}


def test_every_interface_string_has_a_current_dutch_translation():
    with (PROJECT / "translations/nl/LC_MESSAGES/messages.po").open("rb") as po:
        catalogue = read_po(po)
    translated = {m.id for m in catalogue if m.id and m.string and not m.fuzzy}
    missing = interface_strings() - translated
    assert not missing, f"untranslated (run python build.py, then fill in translations/nl): {sorted(missing)}"
