"""Headers that keep the site private: nothing loads from elsewhere, nothing leaks where users go."""

from __future__ import annotations

from flask import Flask

# One policy for the Flask app, the test server that serves the frozen build, and server examples.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",  # search.js reads the search index from the same site
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
}


def init_app(app: Flask) -> None:
    @app.after_request
    def add_headers(response):
        response.headers.update(HEADERS)
        return response
