"""An organisation's own look (content/site.yml `logo` and `accent`), checked before it reaches a page.

The accent colour replaces the site's `--accent` (links, buttons, focus ring, borders, the header), so it
must keep every pair it takes part in readable (WCAG 2.2 AA). The logo is shown in every page's header;
an SVG can carry script and links to other sites, which the site's privacy promise does not allow.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from .yamlread import describe

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LOGO_MAX_BYTES = 100 * 1024
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# The colours the accent sits on or under, as app/static/css/site.css sets them (tests/test_look.py
# keeps these in step with the stylesheet).
WHITE = "#ffffff"   # the page's background, and the text of buttons and of the header
SOFT = "#f3f2f1"    # --soft: the footer, a hovered answer, a quote box
TEXT_RATIO, NON_TEXT_RATIO = 4.5, 3.0  # WCAG 1.4.3 (text, links) and 1.4.11 (focus ring, borders)

# (foreground, background, what the pair is, the ratio it needs); "accent" stands for the colour checked.
PAIRS = (
    ("accent", WHITE, "links and answer labels on the white page", TEXT_RATIO),
    ("accent", SOFT, "links in the light grey footer", TEXT_RATIO),
    (WHITE, "accent", "white text on buttons and in the header", TEXT_RATIO),
    ("accent", WHITE, "the focus ring and borders on the white page", NON_TEXT_RATIO),
    ("accent", SOFT, "the focus ring and borders on the light grey footer", NON_TEXT_RATIO),
)


@dataclass(frozen=True)
class Logo:
    data: bytes
    suffix: str  # .svg or .png

    @property
    def mimetype(self) -> str:
        return LOGO_TYPES[self.suffix]

    @property
    def filename(self) -> str:
        return "logo" + self.suffix


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of #rrggbb."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def accent_problem(value) -> str | None:
    """Why this accent colour cannot be used, or None when it can."""
    if not (isinstance(value, str) and HEX_COLOUR.match(value)):
        return f"expected a colour as #rrggbb (like #154273), found {describe(value)}"
    colour = value.lower()
    for foreground, background, what, needed in PAIRS:
        foreground = colour if foreground == "accent" else foreground
        background = colour if background == "accent" else background
        ratio = contrast_ratio(foreground, background)
        if ratio < needed:
            shown = f"{ratio:.2f}" if round(ratio, 2) < needed else f"{ratio:.3f}"  # never "4.50" for a fail
            return (f"{colour} fails WCAG AA contrast for {what}: {foreground} on {background} is "
                    f"{shown}:1, at least {needed:g}:1 is needed; choose a darker colour")
    return None


def read_logo(folder: Path, shown_folder: str, value) -> tuple[Logo | None, str | None]:
    """The logo file named in site.yml (a file in site.yml's own folder), or why it cannot be used."""
    if not (isinstance(value, str) and value.strip()):
        return None, f"expected the name of an SVG or PNG file in {shown_folder}/, found {describe(value)}"
    path = (folder / value.strip()).resolve()
    if not path.is_relative_to(folder.resolve()):
        return None, f"expected a file inside {shown_folder}/, found '{value}'"
    if path.suffix.lower() not in LOGO_TYPES:
        return None, f"expected an SVG or PNG file (.svg or .png), found '{value}'"
    if not path.is_file():
        return None, f"no file '{value}' in {shown_folder}/"
    data = path.read_bytes()
    if len(data) > LOGO_MAX_BYTES:
        return None, (f"'{value}' is {len(data) // 1024} KB, at most {LOGO_MAX_BYTES // 1024} KB is allowed: "
                      f"every page loads it")
    suffix = path.suffix.lower()
    problem = _png_problem(data) if suffix == ".png" else _svg_problem(data)
    if problem:
        return None, f"'{value}' {problem}"
    return Logo(data, suffix), None


def _png_problem(data: bytes) -> str | None:
    return None if data.startswith(PNG_SIGNATURE) else "is not a PNG image (its first bytes say otherwise)"


def _svg_problem(data: bytes) -> str | None:
    """Why an SVG may not be shown: script, event attributes, references outside the file."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.I):
        return "has a DOCTYPE or ENTITY declaration: save it as plain SVG"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"is not a valid SVG file ({error})"
    if _local(root.tag) != "svg":
        return f"is not an SVG image (its root element is <{_local(root.tag)}>)"
    for element in root.iter():
        tag = _local(element.tag)
        if tag in ("script", "foreignObject"):
            return f"contains <{tag}>: a logo may hold no script or embedded page"
        if tag == "style" and _external(element.text or ""):
            return "has a <style> that loads from elsewhere (url() or @import)"
        for name, attribute in element.attrib.items():
            name = _local(name)
            if name.lower().startswith("on"):
                return f"has an event attribute {name}= on <{tag}>: a logo may hold no script"
            if name == "href" and not attribute.startswith("#"):
                return f"refers to '{attribute}' on <{tag}>: a logo may only refer to parts of itself"
            if _external(attribute):
                return f"refers to another file in {name}= on <{tag}>: a logo may only refer to parts of itself"
    return None


def _local(name: str) -> str:
    """An XML name without its namespace: {http://www.w3.org/2000/svg}svg -> svg."""
    return name.rsplit("}", 1)[-1] if isinstance(name, str) else str(name)


def _external(text: str) -> bool:
    """CSS that loads something: an @import, or a url() that is not a reference inside the file."""
    return "@import" in text or re.search(r"url\(\s*['\"]?(?!#)", text) is not None


def stylesheet(accent: str | None) -> str:
    """The organisation's stylesheet: the logo's size, and the accent in place of the site's own."""
    lines = ["/* The organisation's own look, from content/site.yml; the content check tested its contrast. */",
             ".organisation-logo { display: block; height: 2.5rem; width: auto; max-width: 12rem; "
             "background: #fff; padding: 0.2rem; }"]
    if accent:
        lines += [f":root {{ --accent: {accent}; --link: {accent}; }}",
                  ":focus-visible, .option:focus-visible, .button:focus-visible { box-shadow: 0 0 0 6px var(--accent); }",
                  "/* On the header's accent background an accent ring would vanish: white there. */",
                  ".site-header :focus-visible { box-shadow: 0 0 0 6px #fff; }"]
    return "\n".join(lines) + "\n"

