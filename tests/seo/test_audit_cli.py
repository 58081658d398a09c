"""``briefpress audit`` reports SEO and readability beside grounding, and takes --keyphrase."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
from click.testing import CliRunner

import briefpress
from briefpress.cli import cli
from briefpress.render import render

SCHEMA = json.loads(files("briefpress").joinpath("schemas/report.schema.json").read_text(encoding="utf-8"))


def _run(tmp_path: Path, article_text: str, brief: str, name: str, *args: str) -> tuple[int, str]:
    article = tmp_path / name
    article.write_text(article_text, encoding="utf-8")
    source = tmp_path / "brief.txt"
    source.write_text(brief, encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(article), "--source", str(source), *args])
    return result.exit_code, result.output


def test_audit_json_holds_seo_and_readability(tmp_path: Path, takaichi: str) -> None:
    article = briefpress.write(takaichi)
    code, out = _run(tmp_path, render(article, "json"), takaichi, "a.json", "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    for kind in ("seo", "readability"):
        assert 0 <= report[kind]["score"] <= 100
        assert {a["rating"] for a in report[kind]["assessments"]} <= {"good", "ok", "bad"}
    assert report["seo"] == article.seo  # the same audit the writer attached


def test_keyphrase_option_changes_the_keyphrase_checks(tmp_path: Path, takaichi: str) -> None:
    md = render(briefpress.write(takaichi), "md")
    _, out = _run(tmp_path, md, takaichi, "a.md", "--format", "json")
    own = {a["id"]: a["score"] for a in json.loads(out)["seo"]["assessments"]}
    _, out = _run(tmp_path, md, takaichi, "a.md", "--format", "json", "--keyphrase", "cycle lanes")
    other = {a["id"]: a for a in json.loads(out)["seo"]["assessments"]}
    assert own["introductionKeyword"] == 9
    assert other["introductionKeyword"]["score"] == 3
    assert "cycle lanes" in other["introductionKeyword"]["message"]


def test_audit_table_and_html_show_the_scores(tmp_path: Path, takaichi: str) -> None:
    html = render(briefpress.write(takaichi), "html")
    code, out = _run(tmp_path, html, takaichi, "a.html")
    assert code == 0 and "SEO:" in out and "Readability:" in out and "keyphraseDensity" in out
    code, out = _run(tmp_path, html, takaichi, "a.html", "--format", "html")
    assert code == 0 and '<section class="seo-audit">' in out and out.rstrip().endswith("</html>")
