"""The app on the real content, built once per test process and shared.

Tests take it from the session fixture `app` (tests/conftest.py). A module that parametrizes over the
content (every check, every state) needs the content while pytest collects, before any fixture exists:
it calls real_app(), which builds the app the first time and returns the same one after, so the real
content is read once however many modules ask.
"""

from __future__ import annotations

from functools import cache

from app import create_app


@cache
def real_app():
    return create_app({"TESTING": True})  # TESTING: an exception reaches the test with its traceback
