"""Bar charts and tool previews on a phone: labels at least 12 pixels, never cut, on screen and on
paper; the topics' charts and the report's are one drawing (the chart_figure macro); a link leads from
the top of each tool's form to its preview."""

from __future__ import annotations

import pytest

from tests.test_browser import tool_address

pytestmark = pytest.mark.browser

# Every label and value of every chart: its font size and whether it lies inside its chart and is not cut.
LABELS = """() => [...document.querySelectorAll('figure.chart')].flatMap(figure => {
    const frame = figure.getBoundingClientRect();
    return [...figure.querySelectorAll('.bar-label, .bar-value')].map(label => {
        const box = label.getBoundingClientRect();
        return {text: label.textContent, size: parseFloat(getComputedStyle(label).fontSize),
                inside: box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.width > 0,
                whole: label.scrollWidth <= label.clientWidth + 1};
    });
})"""
COUNTS = {"pesten": "10", "seksueel": "8", "discriminatie": "7", "agressie": "5", "anders": "0"}


def assert_readable(page, bars):
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        labels = page.evaluate(LABELS)
        assert len(labels) == 2 * bars, labels
        bad = [label for label in labels if label["size"] < 12 or not label["inside"] or not label["whole"]]
        assert not bad, (media, bad)
    page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_topics_charts_are_readable_at_320_pixels(page, base_url, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{base_url}/{lang}/onderwerpen/cijfers/")
    bars = page.locator("figure.chart .bar-row").count()
    assert bars > 3
    assert_readable(page, bars)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_reports_chart_is_the_same_drawing_and_readable_at_320_pixels(page, base_url, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    address, _ = tool_address(lang, "report")
    page.goto(base_url + address)
    page.locator("#veld-meldingen").fill("30")
    for row, count in COUNTS.items():
        page.locator(f"#telling-soort-{row}").fill(count)
    chart = page.locator("[data-report] figure.chart")
    assert chart.count() == 1
    assert chart.locator(".bar-value").all_inner_texts() == ["10", "8", "7", "5"]  # 0 is not drawn
    widths = [float(w) for w in chart.locator("rect").evaluate_all("rects => rects.map(r => r.getAttribute('width'))")]
    assert widths == [100.0, 80.0, 70.0, 50.0]
    assert_readable(page, 4)


@pytest.mark.parametrize("kind, lang", [("letter", "nl"), ("letter", "en"), ("report", "nl"), ("report", "en")])
def test_a_link_at_the_top_of_the_form_leads_to_the_preview(page, base_url, kind, lang):
    page.set_viewport_size({"width": 390, "height": 844})
    address, _ = tool_address(lang, kind)
    page.goto(base_url + address)
    link = page.locator(".tool-form .preview-link a")
    assert link.inner_text() == {("letter", "nl"): "Bekijk de brief", ("letter", "en"): "See the letter",
                                 ("report", "nl"): "Bekijk het verslag", ("report", "en"): "See the report"}[(kind, lang)]
    form_top = page.locator(".tool-form").bounding_box()["y"]
    assert link.bounding_box()["y"] - form_top < 300  # before the fields, not after them
    link.click()
    heading = page.locator("#voorbeeld")
    page.wait_for_function("() => window.scrollY > 500")
    box = heading.bounding_box()
    exit_box = page.locator(".quick-exit").bounding_box()
    assert exit_box["y"] + exit_box["height"] <= box["y"] < 844
