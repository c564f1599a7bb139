"""The screenshots in docs/screenshots/ come from docs/screenshots.py (bin/screenshots): the script
works, every picture it promises is in the repository, and the README shows two of them."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from docs.screenshots import FOLDER, SCREENS, file_name, take
from bench.common import LIGHTHOUSE_PAGES

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted(file_name(page, screen) for page, _ in LIGHTHOUSE_PAGES for screen in SCREENS)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG file"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
def test_the_script_photographs_each_page_on_a_phone_and_a_desktop(browser, base_url, tmp_path):
    written = take(browser, base_url, tmp_path)
    assert sorted(path.name for path in written) == EXPECTED
    for path in written:
        assert png_size(path) in SCREENS.values(), path.name
        assert path.stat().st_size > 10_000, f"{path.name} is nearly empty"  # a blank page is about 1 KB


def test_every_screenshot_is_in_the_repository_at_its_size():
    assert sorted(path.name for path in FOLDER.glob("*.png")) == EXPECTED
    for name in EXPECTED:
        width = int(re.search(r"-(\d+)\.png$", name).group(1))
        assert png_size(FOLDER / name) == next(size for size in SCREENS.values() if size[0] == width), name


def test_the_readme_shows_a_phone_and_a_desktop_screenshot():
    shown = re.findall(r"!\[[^\]]+\]\((docs/screenshots/[^)]+\.png)\)", (ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(shown) >= 2 and all((ROOT / path).is_file() for path in shown), shown
    assert {png_size(ROOT / path)[0] for path in shown} == {width for width, _ in SCREENS.values()}
