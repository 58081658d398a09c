"""The editor's pages and form endpoints over real HTTP: sign-in, generate, edit, download, escaping."""

from __future__ import annotations

import re
import time

import httpx

from .conftest import XSS


def _generate(c: httpx.Client, brief: str, **form: str) -> str:
    r = c.post("/generate", data={"brief": brief, "engine": "extractive", **form})
    assert r.status_code == 303, r.text
    job_id = r.headers["location"].rsplit("/", 1)[-1]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = c.get(f"/jobs/{job_id}/state").json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.05)
    assert job["state"] == "done", job
    return job["article_id"]


def test_pages_need_a_signed_in_key(live, api_key):
    with httpx.Client(base_url=live.url) as c:
        r = c.get("/")
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.post("/login", data={"key": "bp_wrong"}).status_code == 401
        r = c.post("/login", data={"key": api_key})
        cookie = r.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        page = c.get("/")
        assert page.status_code == 200 and 'id="generate"' in page.text


def test_cross_site_posts_are_refused(browser_client):
    r = browser_client.post("/generate", data={"brief": "A lead."}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


def test_generate_shows_coloured_sentences_and_the_checklist(browser_client, takaichi):
    article_id = _generate(browser_client, takaichi)
    page = browser_client.get(f"/articles/{article_id}")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    verdicts = re.findall(r'class="s v-(\w+)"', page.text)
    assert verdicts.count("supported") >= 10
    assert "unsupported" not in verdicts and "contradicted" not in verdicts
    assert re.search(r'class="assessment rating-(good|ok|bad)"', page.text)
    for fmt in ("txt", "md", "html", "json"):
        assert f"/articles/{article_id}/download.{fmt}" in page.text
    # No inline script anywhere: the only script element runs from /static, the other is JSON data.
    scripts = re.findall(r"<script([^>]*)>", page.text)
    assert scripts == [' src="/static/editor.js" defer', ' type="application/json" id="bp-sentences"']


def test_sentence_edit_saves_a_version_and_rechecks(browser_client, takaichi):
    article_id = _generate(browser_client, takaichi)
    article = browser_client.get(f"/articles/{article_id}/download.json").json()
    # The brief's figure-free sentence, wherever the writer put it among the sections.
    i = next(i for i, s in enumerate(article["sections"]) if "reaffirmed" in s["answer"])
    part = f"sections[{i}].answer"
    old = article["sections"][i]["answer"]
    sentence = next(s for s in re.split(r"(?<=\.) ", old) if "reaffirmed" in s)
    r = browser_client.post(f"/articles/{article_id}/sentence",
                            json={"part": part, "old": old, "new": old.replace(sentence, sentence.rstrip(".") + " by 40%.")})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["version"] == 2
    spans = re.findall(r'<span class="s v-(\w+)" data-i="\d+" data-part="' + re.escape(part) + r'"[^>]*>([^<]*)</span>',
                       answer["article"])
    edited = [verdict for verdict, text in spans if "by 40%" in text]
    assert edited == ["unsupported"]
    assert 'data-verdict="unsupported">1<' in answer["checks"]
    stale = browser_client.post(f"/articles/{article_id}/sentence",
                                json={"part": part, "old": old, "new": "Anything."})
    assert stale.status_code == 422 and "reload" in stale.json()["detail"]
    bad_part = browser_client.post(f"/articles/{article_id}/sentence",
                                   json={"part": "__class__", "old": "x", "new": "y"})
    assert bad_part.status_code == 422


def test_downloads(browser_client, takaichi):
    article_id = _generate(browser_client, takaichi)
    for fmt, media in (("txt", "text/plain"), ("md", "text/markdown"), ("html", "text/html"), ("json", "application/json")):
        r = browser_client.get(f"/articles/{article_id}/download.{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        assert r.headers["content-disposition"].startswith("attachment; filename=")


def test_brief_upload(browser_client, takaichi):
    r = browser_client.post("/generate", data={"brief": "", "engine": "extractive"},
                            files={"brief_file": ("takaichi.txt", takaichi.encode(), "text/plain")})
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/")
    job_id = r.headers["location"].rsplit("/", 1)[-1]
    deadline = time.monotonic() + 60
    while browser_client.get(f"/jobs/{job_id}/state").json()["state"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert browser_client.get(f"/jobs/{job_id}/state").json()["state"] == "done"


def test_bad_brief_shows_the_message_on_the_form(browser_client):
    r = browser_client.post("/generate", data={"brief": "   ", "engine": "extractive"})
    assert r.status_code == 422 and "the brief is empty" in r.text


def test_markup_in_a_brief_is_escaped_everywhere(browser_client, takaichi):
    brief = takaichi.replace("on Saturday,", f"on Saturday {XSS},", 1)
    article_id = _generate(browser_client, brief)
    page = browser_client.get(f"/articles/{article_id}").text
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    # Inside the JSON data block the markup is unicode-escaped, so it cannot close the element.
    data = page.split('id="bp-sentences">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    missing = browser_client.get("/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert missing.status_code == 404
    assert "<img" not in missing.text and "&lt;img src=x onerror=alert(1)&gt;" in missing.text


def test_api_docs_are_served_locally(live):
    with httpx.Client(base_url=live.url) as c:
        docs = c.get("/docs")
        assert docs.status_code == 200 and "script-src 'self'" in docs.headers["content-security-policy"]
        assert '<script src="/docs-assets/swagger-ui-bundle.js"' in docs.text
        assert c.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
        spec = c.get("/openapi.json").json()
        assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_the_home_page_lists_recent_articles_escaped(browser_client, takaichi):
    brief = takaichi.replace("Japan’s new Prime Minister", "Japan’s <b>new</b> Prime Minister", 1)
    article_id = _generate(browser_client, brief)
    home = browser_client.get("/").text
    assert f'href="/articles/{article_id}"' in home
    assert "<b>new</b>" not in home
