"""Screenshots of the site on a phone (390 by 844 pixels) and a desktop (1280 by 800), so anyone can see
it without running it: home, a question, an outcome, each tool and the search page (the pages
Lighthouse measures, bench/common.py). Each shows the first screen, what a visitor sees on arrival.

Usage: bin/screenshots [folder]   build the site and write the PNG files (default: docs/screenshots/)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: build.py, app/ and bench/ are the project's own

from bench.common import CHROME_FLAGS, CHROMIUM, LIGHTHOUSE_PAGES  # noqa: E402

FOLDER = ROOT / "docs" / "screenshots"
SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}
SEARCH_QUERY = "uitzendkracht"  # the search page is shown with results, not as an empty field


def file_name(page: str, screen: str) -> str:
    return f"{page}-{SCREENS[screen][0]}.png"


def take(browser, base_url: str, folder: Path) -> list[Path]:
    """Every page on every screen, with a browser from Playwright; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for screen, (width, height) in SCREENS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                      locale="nl-NL", reduced_motion="reduce")
        page = context.new_page()
        for name, address in LIGHTHOUSE_PAGES:
            page.goto(base_url + address + "index.html")
            if name == "search":
                page.get_by_role("searchbox").fill(SEARCH_QUERY)
                page.get_by_role("searchbox").press("Enter")
                page.wait_for_selector("[data-search-results] li")
                page.evaluate("document.activeElement.blur()")  # no caret or focus ring in the picture
            path = folder / file_name(name, screen)
            page.screenshot(path=str(path))
            written.append(path)
        context.close()
    return written


def main(argv: list[str]) -> None:
    import build
    from playwright.sync_api import sync_playwright

    from app.serve import serve_in_thread

    folder = Path(argv[1]) if len(argv) > 1 else FOLDER
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "build"
        build.build(site)
        server = serve_in_thread(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split())
                written = take(browser, f"http://127.0.0.1:{server.server_address[1]}", folder)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    size = sum(path.stat().st_size for path in written)
    print(f"screenshots: {len(written)} files, {size / 1024:.0f} KiB, in {folder}")


if __name__ == "__main__":
    main(sys.argv)
