"""The one axe rule set every accessibility test uses: WCAG 2.2 AA and axe's best practices."""

from __future__ import annotations

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
    # The site has no frames (the sweep fails a page with one), so axe need not set up talking to them:
    # a tenth of each run.
    "iframes": False,
}
