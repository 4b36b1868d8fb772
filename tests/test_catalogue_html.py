"""The HTML catalogue in headless Chromium: no console errors, no network, counts equal the JSON, the filter works.

Needs the Debian packages chromium and chromium-driver (.ci/run installs them) and selenium.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from evalsearch.corpus.catalogue import build_catalogue, catalogue_to_json
from evalsearch.corpus.catalogue_html import catalogue_to_html, theme_slug

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1400",
)


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail("headless Chromium is needed: apt-get install chromium chromium-driver (see .ci/run)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="evalsearch-chromium-")
    for flag in CHROMIUM_FLAGS + (f"--user-data-dir={profile}",):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(extracted, tmp_path_factory):
    """The corpus catalogue as HTML and JSON files."""
    catalogue = build_catalogue(extracted.values())
    folder = tmp_path_factory.mktemp("catalogue-html")
    html, data = folder / "erfaringer.html", folder / "erfaringer.json"
    html.write_text(catalogue_to_html(catalogue), encoding="utf-8")
    data.write_text(catalogue_to_json(catalogue), encoding="utf-8")
    return html, json.loads(data.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def loaded(browser, pages):
    html, data = pages
    browser.get(html.as_uri())
    return browser, data


def index_counts(driver) -> dict[str, int]:
    return driver.execute_script(
        "var out = {}; document.querySelectorAll('#theme-index li').forEach(function (li) {"
        " out[li.getAttribute('data-theme')] = parseInt(li.querySelector('.count').textContent, 10); }); return out;"
    )


def section_counts(driver) -> dict[str, int]:
    return driver.execute_script(
        "var out = {}; document.querySelectorAll('section.theme').forEach(function (s) {"
        " out[s.id] = s.querySelectorAll('li.lesson').length; }); return out;"
    )


def test_page_loads_without_console_errors(loaded):
    driver, _ = loaded
    assert driver.title == "Erfaringskatalog"
    severe = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert severe == []


def test_page_loads_nothing_from_the_network(loaded):
    driver, _ = loaded
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_theme_counts_equal_the_json_output(loaded):
    driver, data = loaded
    expected = {theme_slug(t["theme"]): t["count"] for t in data["themes"]}
    assert index_counts(driver) == expected
    assert section_counts(driver) == expected


def test_every_lesson_links_to_its_source_page(loaded):
    driver, data = loaded
    links = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('ul.sources a'), function (a) { return a.href; });"
    )
    expected = [s["link"] for e in data["lessons"] for s in e["sources"]]
    assert sorted(set(links)) == sorted(set(expected))
    assert all(link.startswith("file:///") and "#page=" in link for link in links)


def test_filter_box_hides_lessons_and_updates_counts(loaded, tmp_path):
    from selenium.webdriver.common.by import By

    driver, data = loaded
    box = driver.find_element(By.ID, "filter")
    box.clear()
    box.send_keys("Frivillige mentorer")
    state = driver.execute_script(
        "var out = []; document.querySelectorAll('section.theme').forEach(function (s) {"
        " var shown = [], hidden = [];"
        " s.querySelectorAll('li.lesson').forEach(function (li) {"
        "  (li.classList.contains('hidden') ? hidden : shown).push(li.textContent.toLowerCase()); });"
        " out.push({id: s.id, count: parseInt(s.querySelector('h2 .count').textContent, 10), shown: shown, hidden: hidden,"
        "  sectionHidden: s.classList.contains('hidden')}); }); return out;"
    )
    for section in state:
        assert section["count"] == len(section["shown"]) == index_counts(driver)[section["id"]]
        assert all("frivillige" in t and "mentorer" in t for t in section["shown"])
        assert not any("frivillige" in t and "mentorer" in t for t in section["hidden"])
        assert section["sectionHidden"] is (not section["shown"])
    shown_total = int(driver.find_element(By.ID, "shown").text.split()[0])
    assert 0 < shown_total < len(data["lessons"])
    screenshot = Path(tmp_path) / "catalogue-filtered.png"
    assert driver.save_screenshot(str(screenshot)) and screenshot.stat().st_size > 10_000
    box.clear()
    box.send_keys(" ")
    assert index_counts(driver) == {theme_slug(t["theme"]): t["count"] for t in data["themes"]}
