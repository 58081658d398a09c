"""End to end in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import XSS

CHROMIUM = os.environ.get("BRIEFPRESS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install '.[server-test]'")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}; scripts/setup.d/60-server.sh installs Debian's chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live: Any, api_key: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    pg.goto(live.url + "/")
    assert pg.url.endswith("/login")
    pg.fill("#key", api_key)
    pg.click("button[type=submit]")
    pg.wait_for_url(live.url + "/")
    yield pg
    context.close()


def _generate(page: Any, brief: str) -> None:
    page.fill("#brief", brief)
    page.click("#generate-button")
    # The job page shows live progress, then opens the article when it is written.
    page.wait_for_url("**/articles/*")
    page.wait_for_selector("#article span.s")


def test_generate_read_evidence_edit_and_see_it_turn_unsupported(page: Any, takaichi: str, tmp_path: Any) -> None:
    _generate(page, takaichi)
    assert page.locator("#article span.s.v-supported").count() >= 10
    assert page.locator("#article span.s.v-unsupported").count() == 0
    lights = page.locator("#checklist li.assessment")
    assert lights.count() >= 5
    assert page.locator("#checklist li.rating-good").count() >= 1

    # Hover shows the sentence's evidence from the source.
    # The brief's figure-free sentence, in whichever section or FAQ answer the writer put it (a
    # section loses a sentence the fewest FAQ pairs need: seo/fix/copies).
    target = page.locator("#article span.s[data-part$=answer]", has_text="conveyed gratitude").first
    part = target.get_attribute("data-part")
    old = target.text_content()
    target.hover()
    assert page.locator("#ev-verdict").inner_text() == "Supported"
    assert "Takaichi conveyed gratitude" in page.locator("#ev-sources").inner_text()

    # Edit it in place to add a figure the sources do not hold.
    target.click()
    page.click("#edit-button")
    assert target.get_attribute("contenteditable") == "true"
    # The caret starts at the end of the sentence: step back over the closing stop and type.
    stop = len(old) - len(old.rstrip(".!?"))
    for _ in range(stop):
        page.keyboard.press("ArrowLeft")
    page.keyboard.type(" by 40%")
    page.click("#save-button")
    edited = page.locator(f'#article span.s.v-unsupported[data-part="{part}"]')
    edited.wait_for()
    assert edited.text_content() == old[:len(old) - stop] + " by 40%" + old[len(old) - stop:]
    assert page.locator("#ev-verdict").inner_text() == "Unsupported"
    assert "40%" in page.locator("#ev-reasons").inner_text()
    assert "Saved as version 2" in page.locator("#edit-status").inner_text()
    assert page.locator('#grounding-summary [data-verdict="unsupported"]').inner_text() == "1"
    shot = tmp_path / "editor-after-edit.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_markup_in_a_brief_shows_as_text_and_never_runs(page: Any, takaichi: str) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _generate(page, takaichi.replace("on Saturday,", f"on Saturday {XSS},", 1))
    assert page.locator("#article img").count() == 0
    assert XSS in page.locator("#article").inner_text()
    page.locator("#article span.s", has_text="onerror").first.click()
    assert XSS in page.locator("#ev-sentence").inner_text()
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert not [e for e in errors if "Content Security Policy" in e]


def test_each_tenant_sees_only_its_articles_and_sign_out_works(browser: Any, page: Any, live: Any, db_url: str,
                                                              takaichi: str) -> None:
    from briefpress.store import open_store

    _generate(page, takaichi)
    mine = page.url.rsplit("/", 1)[-1]
    page.goto(live.url + "/")
    assert page.locator(f'#recent a[href="/articles/{mine}"]').count() == 1
    other_key = open_store(db_url).create_key("other desk", tenant="other")[1]
    context = browser.new_context()
    other = context.new_page()
    other.set_default_timeout(60_000)
    other.goto(live.url + "/login")
    other.fill("#key", other_key)
    other.click("button[type=submit]")
    other.wait_for_url(live.url + "/")
    assert other.locator("#recent").count() == 0 and mine not in other.content()
    assert other.goto(live.url + f"/articles/{mine}").status == 404
    other.goto(live.url + "/")
    other.click("form.logout button")  # the browser's own form post: same Origin, so it signs out
    other.wait_for_url(live.url + "/login")
    assert other.goto(live.url + "/").url.endswith("/login")
    context.close()
