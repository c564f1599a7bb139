"""Headers that keep the site private: nothing loads from elsewhere, nothing leaks where users go."""

from __future__ import annotations

from flask import Flask

# One policy for the Flask app, the test server that serves the frozen build, and server examples.
CSP_DIRECTIVES = (
    "default-src 'none'",
    # 'wasm-unsafe-eval': the search engine (Pagefind, static/pagefind/) is WebAssembly from this site.
    # It allows compiling WebAssembly only; eval() and inline script stay blocked.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",  # search.js reads the search index from the same site, in small files
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
)
CONTENT_SECURITY_POLICY = "; ".join(CSP_DIRECTIVES)

# The same policy for a <meta> tag in every frozen page, for hosts that cannot send headers (a USB
# stick, a plain file share). Browsers ignore these directives in a <meta> tag, and say so in the
# console, so they are left out there; the headers still carry frame-ancestors.
META_IGNORED = ("frame-ancestors", "report-uri", "report-to", "sandbox")
META_CONTENT_SECURITY_POLICY = "; ".join(d for d in CSP_DIRECTIVES if d.split()[0] not in META_IGNORED)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    # Features the site never uses, denied to it and to anything that might be injected into it.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    # No other site's window keeps a handle on this one (a person may have come from a shared link).
    "Cross-Origin-Opener-Policy": "same-origin",
    # No other site may embed this site's files.
    "Cross-Origin-Resource-Policy": "same-origin",
    # For browsers that predate CSP's frame-ancestors: never shown inside another site's frame.
    "X-Frame-Options": "DENY",
}

# Sent only over HTTPS (docs/nginx.conf), where it means something: a year, this host only, since an
# organisation's other subdomains may not all have HTTPS yet.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"


def init_app(app: Flask) -> None:
    app.jinja_env.globals["meta_content_security_policy"] = META_CONTENT_SECURITY_POLICY

    @app.after_request
    def add_headers(response):
        response.headers.update(HEADERS)
        return response
