"""Batch inputs: JSONL lines, folders of brief files, RSS and Atom feeds, each into items."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefpress.batch import Settings, load_items
from briefpress.errors import InputError

from .batch_helpers import BRIEFS

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Riverton Wire</title><link>https://wire.example.com/</link>
<item>
  <title>Riverton approves cycle lanes</title>
  <link>https://wire.example.com/cycle-lanes</link>
  <guid>cycle-lanes-1</guid>
  <pubDate>Tue, 24 Nov 2026 09:30:00 +0100</pubDate>
  <description>&lt;p&gt;The council approved a 4.2 million dollar cycle lane network on Tuesday.&lt;/p&gt;&lt;p&gt;Construction starts in March.&lt;/p&gt;</description>
</item>
<item>
  <title>Lowmoor opens library</title>
  <link>https://wire.example.com/library</link>
  <description>The city of Lowmoor opened a new public library on Monday.</description>
</item>
<item><link>https://wire.example.com/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Bank news</title><id>urn:bank</id>
<updated>2026-11-20T08:00:00Z</updated>
<entry>
  <title>Harbor Bank raises savings rate</title>
  <id>urn:bank:1</id>
  <link href="https://bank.example.com/rate"/>
  <updated>2026-11-20T08:00:00Z</updated>
  <summary>Harbor Bank raised its savings rate to 3.1 percent on Friday.</summary>
  <content type="html">&lt;p&gt;Harbor Bank raised its savings rate to 3.1 percent on Friday.&lt;/p&gt;&lt;p&gt;Chief executive Mara Olsen said deposits should grow by 5 percent.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_jsonl_lines_in_every_form_become_items(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"
    lines = [
        json.dumps({"brief": BRIEFS[0], "id": "riverton", "date": "2026-11-24", "sources": ["More text. Here."]}),
        json.dumps({"title": "Lowmoor opens library", "points": ["It holds 120,000 books."]}),
        json.dumps(BRIEFS[2]),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"brief": BRIEFS[1], "date": "next tuesday"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = load_items([path])
    assert [i.position for i in items] == [1, 2, 3, 4, 5, 6]
    first, second, third, bad, wrong, bad_date = items
    assert (first.id, first.brief, first.date) == ("riverton", BRIEFS[0], "2026-11-24T00:00:00+00:00")
    assert first.sources == (("source1", "More text. Here."),)
    assert json.loads(second.brief) == {"title": "Lowmoor opens library", "points": ["It holds 120,000 books."]}
    assert second.id == "briefs.jsonl:2" and second.error is None
    assert third.brief == BRIEFS[2]
    assert bad.id == "briefs.jsonl:5" and "invalid JSON" in (bad.error or "")
    assert "must be a JSON object" in (wrong.error or "")
    assert "not ISO 8601" in (bad_date.error or "")


def test_an_items_date_comes_from_itself_then_date_option_then_file_mtime(tmp_path: Path) -> None:
    path = tmp_path / "briefs.jsonl"
    path.write_text(json.dumps({"brief": BRIEFS[0], "date": "2026-01-05T10:00:00+02:00"}) + "\n" + json.dumps(BRIEFS[1]) + "\n")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    own, plain = load_items([path])
    assert own.effective_date(Settings(date="2026-03-01")) == "2026-01-05T10:00:00+02:00"
    assert plain.effective_date(Settings(date="2026-03-01")) == "2026-03-01"
    assert plain.effective_date(Settings()) == "2023-11-14T22:13:20+00:00"


def test_the_key_changes_with_content_options_and_date_only(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(BRIEFS[0]) + "\n" + json.dumps(BRIEFS[0]) + "\n" + json.dumps(BRIEFS[1]) + "\n")
    a, same, other = load_items([path])
    base = Settings(formats=("json",), date="2026-11-24")
    assert a.key(base) == same.key(base) == a.key(Settings(formats=("json",), date="2026-11-24"))
    assert a.key(base) != other.key(base)
    assert a.key(base) != a.key(Settings(formats=("json", "html"), date="2026-11-24"))
    assert a.key(base) != a.key(Settings(formats=("json",), date="2026-11-25"))
    assert a.key(base) != a.key(Settings(formats=("json",), date="2026-11-24", author="Ana Ruiz"))


def test_a_folder_gives_its_files_in_path_order_without_hidden_files_or_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(BRIEFS[1])
    (folder / "a.md").write_text(BRIEFS[0])
    (folder / "sub" / "c.json").write_text(json.dumps({"title": "Harbor Bank raises rate", "points": ["It is 3.1 percent."]}))
    (folder / "sub" / "more.jsonl").write_text(json.dumps(BRIEFS[2]) + "\n")
    (folder / ".hidden.txt").write_text(BRIEFS[2])
    (folder / "out").mkdir()
    (folder / "out" / "old.json").write_text("{}")
    (folder / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    items = load_items([folder], exclude=folder / "out")
    assert [i.id for i in items] == ["a.md", "b.txt", "bin.dat", "sub/c.json", "sub/more.jsonl:1"]
    assert items[0].brief == BRIEFS[0] and items[0].brief_name == "a.md"
    assert "binary" in (items[2].error or "")
    assert all(i.fallback_date for i in items)


def test_rss_entries_become_briefs_dated_by_the_entry(tmp_path: Path) -> None:
    pytest.importorskip("feedparser")  # part of the batch extra
    path = tmp_path / "wire.rss"
    path.write_text(RSS)
    first, second, empty = load_items([path])
    brief = json.loads(first.brief)
    assert brief["title"] == "Riverton approves cycle lanes"
    assert brief["points"] == ["The council approved a 4.2 million dollar cycle lane network on Tuesday.", "Construction starts in March."]
    assert first.date == "2026-11-24T08:30:00+00:00"  # the entry's own date, in UTC
    assert first.brief_name == "https://wire.example.com/cycle-lanes" and first.id == "wire.rss#1"
    assert second.date is None and second.fallback_date  # no entry date: the file's mtime
    assert "no title, summary or content" in (empty.error or "")


def test_atom_content_beyond_the_summary_becomes_a_source(tmp_path: Path) -> None:
    pytest.importorskip("feedparser")  # part of the batch extra
    path = tmp_path / "bank.xml"
    path.write_text(ATOM)
    (item,) = load_items([path])
    brief = json.loads(item.brief)
    assert brief["points"] == ["Harbor Bank raised its savings rate to 3.1 percent on Friday."]
    assert brief["sources"][0]["url"] == "https://bank.example.com/rate"
    assert "Mara Olsen" in brief["sources"][0]["text"]
    assert item.date == "2026-11-20T08:00:00+00:00"


def test_a_feed_without_entries_is_one_failed_item(tmp_path: Path) -> None:
    pytest.importorskip("feedparser")  # part of the batch extra
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>nothing</title>")
    (item,) = load_items([path])
    assert "no feed entries" in (item.error or "")


def test_a_missing_input_or_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_items([tmp_path / "nope.jsonl"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no brief files"):
        load_items([tmp_path / "empty"])
