"""Shared fixtures: the app on the real content, and a scratch copy of the toy content to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app import create_app
from tests.real_app import real_app

TESTS = Path(__file__).resolve().parent
FIXTURE_CONTENT = TESTS / "fixtures" / "content"
PROJECT = TESTS.parent
GATE_LINES = pytest.StashKey[list]()  # the quality gates' report lines, printed at the end of the run


@pytest.fixture(scope="session")
def app():
    """The app on the real content (loading it also proves the content is valid), read once per test
    process: the same app the modules that parametrize over the content use (tests/real_app.py)."""
    return real_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def toy_content(tmp_path) -> Path:
    """A private copy of tests/fixtures/content, safe to damage."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def frozen_site(tmp_path_factory) -> Path:
    """The real site frozen once per test session, with its search index, as build.py does it.

    WEGWIJZER_FROZEN names a build made from this very checkout a moment ago (bin/test sets it right
    after running build.py), so the suite does not freeze the same site twice.
    """
    import build

    built = os.environ.get("WEGWIJZER_FROZEN")
    if built:
        assert (Path(built) / "index.html").is_file(), f"WEGWIJZER_FROZEN={built} is not a frozen site"
        return Path(built)
    destination = tmp_path_factory.mktemp("frozen") / "build"
    app = create_app()
    build.freeze_site(app, destination)
    return destination


# The server runs in a process of its own: in a thread of the test process it would wait for the GIL
# while Playwright's client works, and every page of the sweep would load slower.
SERVER = ("import sys; from app.serve import make_server; server = make_server(sys.argv[1]); "
          "print(server.server_address[1], flush=True); server.serve_forever()")


def serve_site(folder: Path):
    """A frozen site served on loopback (app/serve.py, a process of its own): yields its base address."""
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", SERVER, str(folder)], cwd=PROJECT, stdout=subprocess.PIPE,
                               text=True)
    try:
        port = process.stdout.readline().strip()
        assert port.isdigit(), f"the test server did not start (exit status {process.poll()})"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


@pytest.fixture(scope="session")
def base_url(frozen_site):
    """The frozen site served on loopback (replaces pytest-playwright's --base-url)."""
    yield from serve_site(frozen_site)


@pytest.fixture(scope="session")
def edition_url(frozen_with_organisation):
    """The organisation edition (frozen_with_organisation) served on loopback."""
    yield from serve_site(frozen_with_organisation)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; missing Chromium is a failure, not a skip."""
    chromium = Path("/usr/bin/chromium")
    assert chromium.exists(), "Chromium is missing: install it with 'apt-get install chromium' (bin/test does)"
    return {
        **browser_type_launch_args,
        "executable_path": str(chromium),
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    }


@pytest.fixture(scope="session")
def frozen_with_organisation(tmp_path_factory) -> Path:
    """The real content plus examples/site.yml (an organisation edition with a logo and an accent colour),
    frozen as build.py does it."""
    import build

    root = tmp_path_factory.mktemp("edition")
    shutil.copytree(PROJECT / "content", root / "content")
    shutil.copy(PROJECT / "examples" / "site.yml", root / "content" / "site.yml")
    shutil.copy(PROJECT / "examples" / "logo.svg", root / "content" / "logo.svg")
    app = create_app({"CONTENT_DIR": root / "content"})
    build.freeze_site(app, root / "build")
    return root / "build"


@pytest.fixture(scope="session")
def page_samples(app) -> dict[tuple[str, str, str], str]:
    """One frozen page of each kind: (language, endpoint, template) -> its file in the build.

    Every address the freezer lists is rendered once through the app, and the template it renders is
    recorded, so a new kind of page is sampled without anyone adding it here.
    """
    from flask import template_rendered, url_for

    from app.freeze import site_urls

    rendered: list[str] = []
    samples = {}
    client = app.test_client()
    with template_rendered.connected_to(lambda sender, template, context, **extra: rendered.append(template.name), app):
        for endpoint, values in site_urls(app):
            with app.test_request_context():
                address = url_for(endpoint, **values)
            if not address.endswith(("/", ".html")):
                continue  # the search index, sitemap, Word files and graphs are not pages
            rendered.clear()
            client.get(address).close()
            key = (values.get("lang", "-"), endpoint, rendered[0])
            relative = address.lstrip("/") + ("index.html" if address.endswith("/") else "")
            samples.setdefault(key, relative)
    return samples


@pytest.fixture(scope="session")
def gate_report(pytestconfig):
    """Record a quality gate's one-line report; pytest_terminal_summary prints them all at the end."""
    return pytestconfig.stash.setdefault(GATE_LINES, []).append


TIERS = ("build", "gate", "browser")  # the fast tier is every test with none of these markers
BUILD_FIXTURES = {"frozen_site", "frozen_with_organisation", "base_url", "edition_url"}


def pytest_collection_modifyitems(config, items):
    """A test that needs the frozen site is in the build tier, whatever its file: the fast tier never
    freezes the site, so an editor gets its answer in under a minute. Tests marked `long` go first, so
    that under pytest-xdist no worker starts a minute's work when the others are nearly done."""
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
        # The tiers in JUnit XML, so bench/tiers.py can say how long each tier takes.
        item.user_properties += [("tier", tier) for tier in TIERS if item.get_closest_marker(tier)]
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: order kept otherwise


def pytest_sessionfinish(session):
    """Under pytest-xdist a worker hands its gate lines to the controller, which prints the summary."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["gate_lines"] = session.config.stash.get(GATE_LINES, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: a worker has finished; keep its gate lines for the summary."""
    node.config.stash.setdefault(GATE_LINES, []).extend(getattr(node, "workeroutput", {}).get("gate_lines", []))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line per quality gate (pages, problems, seconds) at the end of the run, so CI output shows it."""
    lines = config.stash.get(GATE_LINES, [])
    if lines:
        terminalreporter.section("quality gates")
        for line in sorted(lines):
            terminalreporter.write_line(line)
