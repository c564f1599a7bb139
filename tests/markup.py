"""A page's markup as a browser with JavaScript holds it, and as one without JavaScript shows it.

What works only with JavaScript comes as data blocks (app/templates/_macros.html, needs_javascript);
static/js/site.js puts their markup in place. Tests that read the markup itself (not through a browser)
unwrap them here the same way.
"""

from __future__ import annotations

import re

NEEDS_JAVASCRIPT = re.compile(r'<script type="text/html" data-needs-js>(.*?)</script>', re.S)


def with_javascript(html: str) -> str:
    return NEEDS_JAVASCRIPT.sub(r"\1", html)


def without_javascript(html: str) -> str:
    return NEEDS_JAVASCRIPT.sub("", html)
