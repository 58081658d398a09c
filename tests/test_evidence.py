"""Sources by URL: a page served on loopback becomes a cited source with its link and lead image;
a dead link, a page that is not HTML, a page over the size cap and a private address each stop the
CLI with one line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefpress import Options, render, write
from briefpress.evidence import cli_sources, links, picture
from briefpress.models import Picture, Source
from evidence_pages import serve_pages

BRIEF = "Riverton council approves cycle lane network\n-\nThe council voted 7-2 on Tuesday for the network.\n"


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve_pages() as url:
        yield url


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFPRESS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "BRIEFPRESS_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "briefpress", *args], capture_output=True, env=env, timeout=180)


def _article(base: str, **options: object):  # type: ignore[no-untyped-def]
    brief, resolved = cli_sources("brief.txt", BRIEF, [("s", f"{base}/riverton-lanes")], allow_private=True)
    return write(brief, sources=resolved.named, brief_name="brief.txt",
                 options=Options(source_meta=resolved.meta, created="2026-11-25T09:00:00+00:00", **options))


def test_a_source_url_is_cited_linked_and_gives_its_lead_image(base: str, cache: Path) -> None:
    article = _article(base)
    page = next(s for s in article.sources if s.name == f"{base}/riverton-lanes")
    assert page.kind == "html" and page.url == f"{base}/riverton-lanes"
    assert page.date == "2026-11-24" and page.author == "Jane Doe"
    page_facts = {f.id for f in article.facts if f.source == page.name}
    cited = [e for e in article.evidence if set(e.facts) & page_facts]
    assert cited, "no sentence of the article cites the page"
    html = render(article, "html")
    assert f'<a href="{base}/riverton-lanes" rel="noopener">Riverton approves cycle lanes</a>' in html
    assert article.image is not None and article.image.url == f"{base}/img/lanes.jpg"
    assert article.image.alt == "A cyclist on the new lane by the river"
    assert article.image.credit == "John Smith/Riverton News"
    assert f'<img src="{base}/img/lanes.jpg" alt="A cyclist on the new lane by the river">' in html
    assert "John Smith/Riverton News" in html
    news = article.jsonld[0]
    assert news["image"][0]["url"] == article.image.url and news["image"][0]["creditText"] == "John Smith/Riverton News"
    assert news["citation"] == [{"@type": "CreativeWork", "name": "Riverton approves cycle lanes",
                                 "url": f"{base}/riverton-lanes", "datePublished": "2026-11-24"}]
    md = render(article, "md")
    assert f"![A cyclist on the new lane by the river](<{base}/img/lanes.jpg>)" in md
    assert f"- [Riverton approves cycle lanes](<{base}/riverton-lanes>)" in md
    data = json.loads(render(article, "json"))
    assert data["links"][0]["url"] == f"{base}/riverton-lanes" and data["image"]["source"] == page.name


def test_a_package_without_urls_carries_no_links_image_or_new_json_fields() -> None:
    article = write(BRIEF, options=Options(created="2026-11-25T09:00:00+00:00"))
    data = json.loads(render(article, "json"))
    assert "links" not in data and "image" not in data and "background" not in data
    assert all("date" not in s and "image" not in s for s in data["sources"])
    assert "<figure" not in render(article, "html") and "citation" not in article.jsonld[0]


def test_links_and_pictures_come_only_from_the_evidence() -> None:
    sources = [Source(id="S1", name="brief", kind="prose", text="x"),
               Source(id="S2", name="notes", kind="prose", text="y", url="file:///etc/passwd"),
               Source(id="S3", name="page", kind="html", text="z", url="https://a.example/p",
                      image=Picture(url="https://a.example/i.jpg"))]
    assert [link.url for link in links(sources)] == ["https://a.example/p"]
    found = picture(Options(), sources)
    assert found is not None and found.alt is None  # the page gave no alt text: none is made up
    mine = picture(Options(image_url="https://me.example/p.jpg", image_alt="The harbour at dawn"), sources)
    assert mine is not None and mine.source == "user" and mine.alt == "The harbour at dawn"


def test_user_image_needs_alt_text_and_is_escaped(tmp_path: Path, cache: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    no_alt = _cli("write", str(brief), "--image", "https://me.example/p.jpg", cache=cache)
    assert no_alt.returncode == 2 and b"--image-alt" in no_alt.stderr and len(no_alt.stderr.splitlines()) == 1
    ok = _cli("write", str(brief), "--format", "html", "--image", "https://me.example/p.jpg?a=1&b=2",
              "--image-alt", 'Ferry "Ada" <docked>', cache=cache)
    assert ok.returncode == 0, ok.stderr
    html = ok.stdout.decode()
    assert '<img src="https://me.example/p.jpg?a=1&amp;b=2" alt="Ferry &#34;Ada&#34; &lt;docked&gt;">' in html


def test_a_json_brief_may_list_source_urls(base: str, cache: Path) -> None:
    brief = json.dumps({"title": "Riverton council approves cycle lane network",
                        "points": ["The council voted 7-2 on Tuesday for the network."],
                        "sources": [f"{base}/riverton-lanes", {"url": f"{base}/budget"}]})
    text, resolved = cli_sources("brief.json", brief, [], allow_private=True)
    article = write(text, sources=resolved.named, brief_name="brief.json",
                    options=Options(source_meta=resolved.meta, created="2026-11-25T09:00:00+00:00"))
    assert {link.url for link in article.links} == {f"{base}/riverton-lanes", f"{base}/budget"}


@pytest.mark.parametrize(("path", "words"), [
    ("/gone", ("404", "check the link")),
    ("/report.pdf", ("application/pdf", "not an HTML page")),
    ("/huge.html", ("over the", "limit")),
    ("/empty.html", ("no article text",)),
])
def test_a_bad_link_is_one_line_and_exit_2(base: str, cache: Path, tmp_path: Path, path: str,
                                           words: tuple[str, ...]) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    proc = _cli("write", str(brief), "--source", f"{base}{path}", "--allow-private", cache=cache)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert all(w in err for w in words), err


def test_a_loopback_link_is_refused_without_allow_private(base: str, cache: Path, tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    proc = _cli("write", str(brief), "--source", f"{base}/riverton-lanes", cache=cache)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and len(err.splitlines()) == 1 and "private or local address" in err, err


def test_a_fetched_page_is_cached_until_refresh(base: str, cache: Path) -> None:
    _article(base)
    cached = list((cache / "pages").glob("*.json"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    _article(base)
    assert cached[0].stat().st_mtime_ns == stamp
    cli_sources("b", BRIEF, [("s", f"{base}/riverton-lanes")], allow_private=True, refresh=True)
    assert cached[0].stat().st_mtime_ns != stamp


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Riverton News</title>
<item><title>Riverton council approves cycle lanes</title><link>{link}</link>
<description>The council voted 7-2 on Tuesday.</description><pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Riverton budget set</title><link>{link}</link>
<description>The council set the budget on Tuesday. Spending on roads rises by 4 percent.</description></item>
</channel></rss>"""


def test_a_thin_feed_entry_follows_its_link(base: str, cache: Path, tmp_path: Path) -> None:
    from briefpress.batch.feeds import feed_items
    from briefpress.batch.items import Settings
    from briefpress.batch.work import process_item

    feed = tmp_path / "news.rss"
    feed.write_text(FEED.replace("{link}", f"{base}/riverton-lanes"), encoding="utf-8")
    thin, full = list(feed_items(feed, "news.rss", "2026-11-25"))
    assert json.loads(thin.brief)["sources"] == [{"name": f"{base}/riverton-lanes", "url": f"{base}/riverton-lanes"}]
    assert "sources" not in json.loads(full.brief)  # two sentences: enough to write from
    text, resolved = cli_sources(thin.brief_name, thin.brief, [], allow_private=True)
    article = write(text, sources=resolved.named, options=Options(source_meta=resolved.meta))
    assert [link.url for link in article.links] == [f"{base}/riverton-lanes"] and article.image is not None
    # batch fetches public pages only: the loopback link fails the item with the guard's one line
    result = process_item(thin, Settings())
    assert result.status == "failed" and "private or local address" in (result.error or "")


def test_write_takes_a_feed_and_follows_a_thin_entrys_link(base: str, cache: Path, tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(FEED.replace("{link}", f"{base}/riverton-lanes"), encoding="utf-8")
    proc = _cli("write", str(feed), "--allow-private", "--format", "json", cache=cache)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["headline"] and [link["url"] for link in data["links"]] == [f"{base}/riverton-lanes"]


def test_a_page_cached_for_an_intranet_run_is_not_served_past_the_guard(base: str, cache: Path) -> None:
    from briefpress.errors import InputError
    from briefpress.fetch import fetch

    fetch(f"{base}/budget", allow_private=True)
    with pytest.raises(InputError, match="private or local address"):
        fetch(f"{base}/budget")
