"""Input limits (``briefpress.limits``) through the CLI and the library: each refusal is exit 2
with one line that names the fix, and hostile markup is read in one pass with the same result."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefpress.errors import EncodingError, InputError, InputTooLargeError
from briefpress.ingest import read_texts
from briefpress.limits import (
    MAX_FACTS,
    MAX_JSON_DEPTH,
    MAX_SENTENCE_CHARS,
    MAX_SOURCES,
    check_text,
    json_depth,
)
from briefpress.reader import html_parts
from briefpress.seo.context import Context
from briefpress.seo.document import page_from_html
from briefpress.seo.rankmath import rank_math
from briefpress.verify.article import clean_markdown

ROOT = Path(__file__).resolve().parent.parent
TAKAICHI = ROOT / "examples" / "takaichi-brief.txt"
POINT = "The council approved {} new homes in Leeds on Tuesday."


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefpress", *args], capture_output=True, text=True, timeout=300)


def assert_refused(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefpress: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


def write_json(tmp_path: Path, data: object, name: str = "brief.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_brief_of_25000_points_is_refused_at_once_naming_the_fix(tmp_path: Path) -> None:
    points = [f"Point {i}: the council approved {i} new homes in Leeds on Tuesday." for i in range(25_000)]
    brief = write_json(tmp_path, {"title": "Council approves homes", "points": points})
    assert 1.7e6 < Path(brief).stat().st_size < 2e6
    proc = run("write", brief, "--engine", "extractive", "-q")
    assert_refused(proc, f"more than {MAX_FACTS} sentences", "split it into several briefs")


def test_the_facts_limit_counts_the_sentences_of_every_source() -> None:
    many = " ".join(POINT.format(i) for i in range(MAX_FACTS // 2 + 1))
    with pytest.raises(InputError, match=f"more than {MAX_FACTS} sentences"):
        read_texts([("a.txt", many), ("b.txt", many)])
    sources, facts = read_texts([("a.txt", many)])
    assert len(facts) == MAX_FACTS // 2 + 1


@pytest.mark.parametrize("shape", ["points", "list", "source"])
def test_deeply_nested_json_is_bad_input_not_a_bug(tmp_path: Path, shape: str) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    text = {
        "points": '{"title": "Council", "points": ' + deep + "}",
        "list": deep,
        "source": json.dumps({"title": "Council approves homes.", "sources": ["{\"points\": " + deep + "}"]}),
    }[shape]
    brief = tmp_path / "brief.json"
    brief.write_text(text, encoding="utf-8")
    assert_refused(run("write", str(brief), "--engine", "extractive", "-q"), f"more than {MAX_JSON_DEPTH} levels", "flatten")


def test_json_sources_nested_in_json_sources_are_numbered_on_and_counted(tmp_path: Path) -> None:
    doc: dict[str, object] = {"title": "Innermost", "points": ["The council approved 40 new homes."]}
    for level in range(6):  # each level escapes the one inside: 2 MB holds about 20
        doc = {"title": f"Level {level}", "points": [f"Level {level} adds one fact."], "sources": [json.dumps(doc)]}
    sources, _ = read_texts([("brief.json", json.dumps(doc))])
    assert [s.id for s in sources] == [f"S{n}" for n in range(1, 8)]
    wide = {"title": "Council", "points": ["The council approved 40 new homes."],
            "sources": [f"Source {i} says the vote was close." for i in range(MAX_SOURCES)]}
    proc = run("write", write_json(tmp_path, wide), "--engine", "extractive", "-q")
    assert_refused(proc, f"more than {MAX_SOURCES} sources")


def test_too_many_source_files_are_refused(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("The mayor welcomed the vote.", encoding="utf-8")
    args = [arg for _ in range(MAX_SOURCES) for arg in ("--source", str(extra))]
    assert_refused(run("write", str(TAKAICHI), *args, "--engine", "extractive", "-q"), f"more than {MAX_SOURCES} sources")


@pytest.mark.parametrize("command", ["write", "audit"])
def test_a_nul_byte_after_the_first_8_kb_is_binary_input(tmp_path: Path, command: str) -> None:
    text = TAKAICHI.read_bytes()
    bad = tmp_path / "brief.txt"
    bad.write_bytes(text + b"\n" + b"More text follows here. " * 400 + b"\x00 and then more.")
    assert bad.read_bytes().index(b"\x00") > 8192
    args = ["write", str(bad), "--engine", "extractive", "-q"] if command == "write" else [
        "audit", str(bad), "--source", str(TAKAICHI)]
    assert_refused(run(*args), "binary", "NUL")


def test_a_lone_surrogate_in_a_json_brief_is_an_encoding_error(tmp_path: Path) -> None:
    brief = tmp_path / "brief.json"
    brief.write_text('{"title": "Council approves homes", "points": ["The vote was \\ud800 close."]}', encoding="utf-8")
    assert_refused(run("write", str(brief), "--engine", "extractive", "-q"), "surrogate", "UTF-8")


def test_a_deeply_nested_json_article_is_refused_by_audit(tmp_path: Path) -> None:
    article = tmp_path / "a.json"
    article.write_text('{"schema": "briefpress.article/1", "body": ' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    assert_refused(run("audit", str(article), "--source", str(TAKAICHI)), "levels", "flatten")


def test_check_text_is_what_a_server_calls_before_it_accepts_a_brief() -> None:
    check_text("The council approved 40 new homes.", "brief")
    with pytest.raises(InputTooLargeError, match="2 MB limit for one brief"):
        check_text("a" * (2 * 1024 * 1024 + 1), "brief")
    with pytest.raises(EncodingError, match="NUL"):
        check_text("ok\x00", "brief")
    with pytest.raises(EncodingError, match="surrogate"):
        check_text("bad \udc80", "brief")
    with pytest.raises(InputError, match="levels"):
        check_text("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "brief")
    check_text("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "brief")
    assert json_depth('{"a": "[[[[[[", "b": [{"c": "\\"]]]"}]}') == 3  # brackets in strings do not count


def test_duplicate_source_ids_no_more_each_fact_id_names_one_fact() -> None:
    inner = json.dumps({"title": "Inner brief", "points": ["The inner source says the vote was close."],
                        "sources": ["The innermost source says turnout was low."]})
    brief = json.dumps({"title": "Council approves homes", "points": ["The council approved 40 new homes."],
                        "sources": [inner, "A plain source says the mayor welcomed it."]})
    sources, facts = read_texts([("brief.json", brief), ("extra.txt", "The extra file says building starts in May.")])
    assert [s.id for s in sources] == ["S1", "S2", "S3", "S4", "S5"]
    assert [s.text.split(" says ")[0] for s in sources[2:]] == ["The innermost source", "A plain source", "The extra file"]
    by_id: dict[str, list[str]] = {}
    for fact in facts:
        by_id.setdefault(fact.id, []).append(fact.text)
    assert all(len(texts) == 1 for texts in by_id.values())
    assert by_id["S3.F1"] == ["The innermost source says turnout was low."]
    assert by_id["S4.F1"] == ["A plain source says the mayor welcomed it."]


def test_the_evidence_map_of_a_written_article_names_one_fact_per_id(tmp_path: Path) -> None:
    inner = json.dumps({"title": "Leeds council", "points": ["Leeds council said the homes will be affordable."],
                        "sources": ["Leeds council said building starts in May."]})
    brief = write_json(tmp_path, {"title": "Leeds council approves 40 homes",
                                  "points": ["Leeds council approved 40 new homes on Tuesday.",
                                             "The homes are in Armley."],
                                  "sources": [inner, "Leeds council leader said the vote was close."]})
    proc = run("write", brief, "--engine", "extractive", "-q", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    article = json.loads(proc.stdout)
    ids = [s["id"] for s in article["sources"]]
    assert ids == sorted(set(ids), key=ids.index) and len(ids) == 4
    fact_ids = [f["id"] for f in article["facts"]]
    assert len(fact_ids) == len(set(fact_ids))
    cited = {fid for e in article["evidence"] for fid in e["facts"]}
    assert cited and cited <= set(fact_ids)


def test_a_long_line_without_full_stops_becomes_bounded_sentences() -> None:
    line = " ".join(f"word{i}" for i in range(40_000))
    _, facts = read_texts([("wall.txt", line)])
    assert all(len(f.text) <= MAX_SENTENCE_CHARS for f in facts)
    assert all(line[f.start : f.end] == f.text for f in facts)
    assert " ".join(f.text for f in facts) == line


# --- regular expressions that backtracked, each fed its hostile input --------------------------


def test_a_long_alt_text_keeps_rank_maths_keyword_test_linear() -> None:
    alt = "shares " * 40_000 + "tokyo nikkei index fell sharply"
    page = page_from_html(f'<p>Tokyo stocks fell.</p><img src="a.png" alt="{alt}">', keyphrase="tokyo nikkei index fell sharply")
    alt_test = next(t for t in rank_math(Context(page))["tests"] if t["id"] == "keywordInImageAlt")
    assert alt_test["passed"]
    page = page_from_html(f'<p>Tokyo stocks fell.</p><img src="a.png" alt="{"a b c d " * 20_000}">', keyphrase="a b c d e")
    assert not next(t for t in rank_math(Context(page))["tests"] if t["id"] == "keywordInImageAlt")["passed"]


def test_words_in_order_agrees_with_rank_maths_pattern() -> None:
    from briefpress.seo.rankmath import _words_in_order

    for words, alt in [(["tokyo", "shares"], "tokyo's shares"), (["tokyo", "shares"], "shares of tokyo"),
                       (["a", "a"], "a"), (["a", "a"], "aa"), (["x", "y"], "x\ny"), (["x", "y"], "x\nxy")]:
        assert _words_in_order(words, alt) == bool(re.search(".*".join(map(re.escape, words)), alt))


def test_a_page_of_unclosed_meta_tags_is_read_in_one_pass() -> None:
    page = "<html><head>" + "<meta " * 9_000 + '<meta name="description" content="Council approves homes"></head></html>'
    assert html_parts(page)["description"] == "Council approves homes"
    page = '<meta content="A &amp; B" property="og:description"><meta name="keywords" content="Leeds, homes">' + "<meta " * 9_000
    parts = html_parts(page)
    assert (parts["keyphrase"], parts["description"]) == ("Leeds", "")
    assert html_parts('<meta name="description" content="A &amp; B">')["description"] == "A & B"
    assert html_parts("<title>" + "<" * 50_000 + "</title>")["title"] == "<" * 50_000


def test_html_parts_reads_a_normal_page_as_before() -> None:
    page = ('<html><head><title>Leeds homes</title><meta name="description" content="Forty homes.">'
            '<link rel="canonical" href="https://news.example.com/leeds-homes/"></head><body><article>'
            '<h1>Leeds approves homes</h1><p class="byline">By Jane</p><p>The council voted.</p></article></body></html>')
    parts = html_parts(page)
    assert parts == {"title": "Leeds homes", "description": "Forty homes.", "keyphrase": "",
                     "slug": "leeds-homes", "site_url": "https://news.example.com", "content": "<p>The council voted.</p>"}


OLD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def test_fifty_kb_of_unclosed_emphasis_is_read_in_one_pass() -> None:
    hostile = "*a " * 17_000
    assert clean_markdown(hostile) == hostile  # no mark closes: each follows a space
    closed = hostile + "b*"
    assert clean_markdown(closed) == closed[1:-1]  # the first mark closes at the very end
    links = "[a](" * 12_000 + "[x](y)"
    assert clean_markdown(links) == "[a](" * 12_000 + "x"


@pytest.mark.parametrize("text", [
    "The **council** approved _forty_ homes.", "A `code` span and *one* mark.", "**bold *inner* text**",
    "a * b * c", "*unclosed emphasis", "x__y__z", "line one *a\nb* line two", "** spaced **", "***x***",
])
def test_emphasis_is_removed_as_the_markdown_pattern_removes_it(text: str) -> None:
    assert clean_markdown(text) == OLD_EMPHASIS.sub(r"\2", text)


def test_an_article_of_conflicting_figures_reports_a_bounded_number_in_article_order() -> None:
    from briefpress.verify import audit
    from briefpress.verify.consistency import MAX_FINDINGS

    article = " ".join(f"Council {i} approved {i} new homes in Leeds on Tuesday, the mayor said." for i in range(1, 200))
    report = audit(article, [("s.txt", "Council 1 approved 1 new homes in Leeds on Tuesday, the mayor said.")])
    pairs = [tuple(f.sentences) for f in report.consistency]
    assert len(pairs) == MAX_FINDINGS
    assert pairs == sorted(pairs) and pairs[0][0] == 0


def test_a_brief_of_one_run_on_string_still_gets_a_meta_description() -> None:
    # Found by the fuzz test: no mix of facts fits the description's size, and none was chosen.
    from briefpress.pipeline import write

    brief = ("\u00b9j{\r\n" + "}" * 500 + "\U0001f60dJ\U0009c8b8h-\x02{").encode("utf-8")
    article = write(brief)
    assert 0 < len(article.meta_description) <= 156
