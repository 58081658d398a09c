"""``briefpress archive`` and ``write --archive``: an archive of the ../shared/bench stories plus a
few earlier articles, from which a brief draws only on-subject background, each background
sentence citing its archive article and date, never in the lead, meta description or headline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

from briefpress import Options, render, write  # noqa: E402
from briefpress.store import open_store  # noqa: E402
from briefpress.store.archive import Archive  # noqa: E402

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
BRIEF = ("Riverton council approves cycle lane network\n-\nThe Riverton council voted 7-2 on Tuesday for an 18-kilometre "
         "cycle lane network.\n-\nWork begins in March.\n")
EARLIER = {
    "riverton-vote.txt": ("Riverton council delays cycle lane vote",
                          "The Riverton council delayed its vote on the cycle lane network on 3 June 2026. "
                          "Councillors asked for a study of parking on the ring road."),
    "riverton-mayor.txt": ("Ellen Park elected mayor of Riverton",
                           "Ellen Park was elected mayor of Riverton in May 2025 on a promise of safer streets."),
    "harbourton-lanes.txt": ("Harbourton opens cycle lanes",  # on cycle lanes, but another town: off subject
                             "Harbourton opened 12 kilometres of cycle lanes on Monday. The council network "
                             "links the harbour and the station."),
}
DATES = {"riverton-vote.txt": "2026-06-03", "riverton-mayor.txt": "2025-05-12", "harbourton-lanes.txt": "2026-09-01"}


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "BRIEFPRESS_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "briefpress", *args], capture_output=True, env=env, timeout=300)


def _bench_files(folder: Path, n: int) -> list[Path]:
    files: list[Path] = []
    seen: set[str] = set()
    for path in sorted(BENCH.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)["source"]
            if story[:200] in seen:
                continue
            seen.add(story[:200])
            file = folder / f"story{len(files):03d}.txt"
            file.write_text(f"{story.split('. ')[0][:90]}\n{story}\n", encoding="utf-8")
            files.append(file)
            if len(files) >= n:
                return files
    return files


def _package(folder: Path, name: str) -> Path:
    """An earlier article as the newsroom published it: a briefpress JSON package with URL and date."""
    title, text = EARLIER[name]
    file = folder / name.replace(".txt", ".json")
    file.write_text(json.dumps({"headline": title, "body": [text], "url": f"https://news.example/{name[:-4]}/",
                                "date_published": DATES[name]}), encoding="utf-8")
    return file


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not BENCH.is_dir():
        pytest.skip("../shared/bench is not here")
    folder = tmp_path_factory.mktemp("archive")
    url = f"sqlite:///{folder / 'briefpress.db'}"
    files = _bench_files(folder, 220) + [_package(folder, name) for name in EARLIER]
    proc = _cli("archive", "add", "--db", url, *map(str, files), cache=folder / "cache")
    assert proc.returncode == 0, proc.stderr
    yield url


def test_the_archive_holds_the_stories_and_lists_searches_and_removes(db: str, tmp_path: Path) -> None:
    archive = Archive(open_store(db))
    assert archive.count() >= 200
    found = _cli("archive", "search", "--db", db, "--json", "Riverton cycle lane vote", cache=tmp_path)
    assert found.returncode == 0, found.stderr
    first = json.loads(found.stdout.splitlines()[0])
    assert first["url"] == "https://news.example/riverton-vote/" and first["date"] == "2026-06-03"
    listed = _cli("archive", "list", "--db", db, "--limit", "500", cache=tmp_path).stdout.decode()
    assert len(listed.splitlines()) == archive.count() and "https://news.example/riverton-mayor/" in listed
    gone = _cli("archive", "remove", "--db", db, "https://news.example/no-such/", cache=tmp_path)
    assert gone.returncode == 2 and len(gone.stderr.splitlines()) == 1 and b"archive list" in gone.stderr


def test_write_archive_adds_only_on_subject_background_cited_and_dated(db: str) -> None:
    article = write(BRIEF, options=Options(archive=True, archive_db=db, created="2026-11-25T09:00:00+00:00"))
    assert article.background, "no background from an archive that holds two Riverton articles"
    by_id = {f.id: f for f in article.facts}
    sources = {s.name: s for s in article.sources}
    for item in article.background:
        assert "Riverton" in f"{item.title} {item.text}" and "Harbourton" not in item.text
        assert item.date in DATES.values() and item.url and item.url.startswith("https://news.example/riverton")
        for fact_id in item.facts:
            fact = by_id[fact_id]
            assert fact.role == "background" and fact.text in item.text
            source = sources[fact.source]
            assert source.kind == "archive" and source.url == item.url and source.date == item.date
    background_ids = {f for item in article.background for f in item.facts}
    for e in article.evidence:  # no archive sentence is today's news: not in the parts the engine wrote
        assert not set(e.facts) & background_ids, e.part
    assert {link.url for link in article.links if link.rel == "archive"} == {i.url for i in article.background}
    html = render(article, "html")
    section = html[html.index('<section class="background">'):]
    for item in article.background:
        assert re.search(rf'<a href="{re.escape(item.url or "")}">[^<]+</a>, <time datetime="{item.date}">', section)
    data = json.loads(render(article, "json"))
    assert all(b["date"] for b in data["background"])


def test_write_archive_on_the_command_line_and_without_an_archive(db: str, tmp_path: Path) -> None:
    brief = tmp_path / "brief.txt"
    brief.write_text(BRIEF, encoding="utf-8")
    proc = _cli("write", str(brief), "--archive", "--db", db, "--format", "json", cache=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["background"]
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    article = write(BRIEF, options=Options(archive=True, archive_db=empty))
    assert article.background == [] and article.links == []
