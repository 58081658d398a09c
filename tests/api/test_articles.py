"""The /v1 article routes end to end, through the real app, store and worker pool."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from briefpress.models import Article

from .conftest import wait_job, write_article


def test_write_job_runs_off_the_request_path_and_stores_the_article(client, takaichi):
    r = client.post("/v1/articles", json={"brief": takaichi, "keyphrase": "Sanae Takaichi"})
    assert r.status_code == 202
    body = r.json()
    assert body["state"] == "queued" and r.headers["location"] == f"/v1/jobs/{body['job_id']}"
    job = wait_job(client, body["job_id"])
    assert job["state"] == "done" and job["error"] is None and job["progress"]["percent"] == 100
    article = client.get(f"/v1/articles/{job['article_id']}").json()
    parsed = Article.model_validate(article)
    assert parsed.keyphrase == "Sanae Takaichi"
    assert "Takaichi" in parsed.headline
    # The grounding report travels with the stored article.
    assert article["grounding"]["sentences"], "the stored article carries its grounding report"


def test_rendered_formats(client, takaichi):
    article_id, article = write_article(client, takaichi)
    md = client.get(f"/v1/articles/{article_id}.md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("---\n") and article["headline"] in md.text
    txt = client.get(f"/v1/articles/{article_id}.txt")
    assert txt.headers["content-type"].startswith("text/plain")
    assert txt.text.splitlines()[0] == article["summary"][0]
    html = client.get(f"/v1/articles/{article_id}.html")
    assert html.headers["content-type"].startswith("text/html")
    HTMLParser().feed(html.text)
    assert "application/ld+json" in html.text
    assert client.get(f"/v1/articles/{article_id}.json").json()["headline"] == article["headline"]


def _gratitude_section(article: dict) -> int:
    """The section holding the brief's figure-free sentence (the writer decides where it goes)."""
    return next(i for i, s in enumerate(article["sections"]) if "reaffirmed" in s["answer"])


def test_edit_makes_a_new_version_re_audited_and_keeps_the_old(client, takaichi):
    article_id, article = write_article(client, takaichi)
    i = _gratitude_section(article)
    original_answer = article["sections"][i]["answer"]
    edited = json.loads(json.dumps(article))
    edited["sections"][i]["answer"] = original_answer.replace("alliance", "alliance by 40%", 1)
    r = client.put(f"/v1/articles/{article_id}", json=edited)
    assert r.status_code == 200, r.text
    assert r.headers["x-article-version"] == "2"
    v2 = r.json()
    verdicts = {s["text"]: s for s in v2["grounding"]["sentences"] if s["part"] == f"sections[{i}].answer"}
    changed = [s for text, s in verdicts.items() if "40%" in text]
    assert changed and changed[0]["verdict"] == "unsupported"
    assert any(reason["text"] == "40%" for reason in changed[0]["reasons"])
    # Nothing is overwritten: version 1 is still there, unchanged.
    versions = client.get(f"/v1/articles/{article_id}/versions").json()
    assert [v["version"] for v in versions] == [1, 2]
    assert [v["note"] for v in versions] == ["written", "edited"]
    v1 = client.get(f"/v1/articles/{article_id}", params={"version": 1}).json()
    assert v1["sections"][i]["answer"] == original_answer
    assert client.get(f"/v1/articles/{article_id}").json()["sections"][i]["answer"].count("40%") == 1


def test_an_edit_cannot_swap_the_sources_it_is_checked_against(client, takaichi):
    article_id, article = write_article(client, takaichi)
    edited = json.loads(json.dumps(article))
    edited["sections"][1]["answer"] = "Shares rose by 40% on Monday."
    edited["sources"][0]["text"] = "Shares rose by 40% on Monday."
    v2 = client.put(f"/v1/articles/{article_id}", json=edited).json()
    assert v2["sources"] == article["sources"]
    flagged = [s for s in v2["grounding"]["sentences"] if "40%" in s["text"]]
    assert flagged and all(s["verdict"] != "supported" for s in flagged)


def test_audit_route_checks_an_article_against_given_sources(client, takaichi):
    _, article = write_article(client, takaichi)
    article["conclusion"] = "Analysts at the Tokyo Institute of Finance expect shares to rise by 40%."
    report = client.post("/v1/audit", json={"article": article, "sources": [takaichi]}).json()
    assert report["schema"] == "briefpress.report/1"
    # The CLI's report: the grounding keys, then the SEO, readability and Rank Math reports.
    assert list(report)[-3:] == ["seo", "readability", "rankmath"]
    bad = [s for s in report["sentences"] if s["part"] == "conclusion"]
    assert bad and bad[0]["verdict"] in ("unsupported", "contradicted")
    assert report["summary"]["unsupported"] + report["summary"]["contradicted"] >= 1


def test_audit_defaults_to_the_articles_own_sources(client, takaichi):
    _, article = write_article(client, takaichi)
    report = client.post("/v1/audit", json={"article": article}).json()
    assert report["summary"]["sentences"] > 0
    assert report["summary"]["unsupported"] == 0


@pytest.mark.parametrize("body, fragment", [
    ({}, "brief: Field required"),
    ({"brief": ""}, "brief"),
    ({"brief": "   \n "}, "the brief is empty"),
    ({"brief": "A lead.", "engine": "nope"}, "unknown engine 'nope'"),
    ({"brief": "A lead.", "colour": "red"}, "colour"),
    ({"brief": "A lead.", "sources": "not a list"}, "sources"),
])
def test_bad_input_is_a_clear_422(client, body, fragment):
    r = client.post("/v1/articles", json=body)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_bad_json_body_is_a_422(client):
    r = client.post("/v1/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_put_of_something_that_is_not_an_article_is_a_422(client, takaichi):
    article_id, article = write_article(client, takaichi)
    del article["headline"]
    r = client.put(f"/v1/articles/{article_id}", json=article)
    assert r.status_code == 422
    assert "headline" in r.json()["detail"] and "not a valid briefpress article" in r.json()["detail"]


def test_unknown_ids_are_404(client):
    assert client.get("/v1/jobs/nope").status_code == 404
    assert client.get("/v1/articles/nope").status_code == 404
    assert client.get("/v1/articles/nope.md").status_code == 404
    assert client.get("/v1/articles/nope/versions").status_code == 404
    r = client.put("/v1/articles/nope", json={"headline": "x"})
    assert r.status_code in (404, 422)


def test_healthz_and_openapi(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["workers"] >= 1
    spec = client.get("/openapi.json").json()
    for path in ("/v1/articles", "/v1/jobs/{job_id}", "/v1/articles/{article_id}", "/v1/audit",
                 "/v1/articles/{article_id}/versions", "/healthz"):
        assert path in spec["paths"], path


def test_an_edit_recomputes_the_seo_reports_it_carries(client, takaichi):
    article_id, article = write_article(client, takaichi)
    if article.get("seo") is None:
        pytest.skip("this build's articles carry no SEO report")
    edited = json.loads(json.dumps(article))
    edited["meta_description"] = "Short."
    v2 = client.put(f"/v1/articles/{article_id}", json=edited).json()
    before = {a["id"]: a for a in article["seo"]["assessments"]}
    after = {a["id"]: a for a in v2["seo"]["assessments"]}
    changed = [i for i in after if i in before and after[i]["score"] != before[i]["score"]]
    assert changed, "the meta description checks were re-run on the edited text"
    assert any("meta" in i.lower() for i in changed)


def test_an_edit_is_re_audited_by_the_one_audit(client, takaichi):
    """The edited version carries exactly what ``briefpress.audit`` reports on it: the grounding
    report and the SEO and readability results, merged by the audit's one rule."""
    import briefpress

    article_id, article = write_article(client, takaichi)
    edited = json.loads(json.dumps(article))
    edited["conclusion"] = "Takaichi resigned on Sunday after 40 years in office."
    v2 = client.put(f"/v1/articles/{article_id}", json=edited).json()
    shipped = briefpress.Article.model_validate(v2)
    result = briefpress.audit(shipped, [(s.name, s.text) for s in shipped.sources])
    assert v2["grounding"]["summary"] == result.grounding.to_json_dict()["summary"]
    assert any(s["verdict"] in ("unsupported", "contradicted") for s in v2["grounding"]["sentences"])
    assert v2["seo"] == result.seo.seo.to_dict() and v2["readability"] == result.seo.readability.to_dict()
