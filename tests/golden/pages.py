"""The golden briefs' source pages and a newsroom archive, built from the ../shared/bench stories.

Each golden brief was cut from one news story of ``../shared/bench/*.dev.jsonl``. ``build`` writes
that story as a saved web page under ``tests/golden/sources/`` (title, date, author, canonical
link, the story's text as ``<article>`` paragraphs, and a lead image with its alt text) beside
one tiny shared PNG; ``serve_sources`` serves the folder from a real HTTP server on loopback.
``archive_items`` gives an archive of other stories of the same files, published at the
newsroom's own site (``SITE``), for ``write --archive``.

The titles, dates, author and image alt texts are the fixtures' own (see sources/README.md); the
text is the dataset's. Rebuild with ``python tests/golden/pages.py``.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import struct
import sys
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefpress.models import Article

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
GOLDEN = Path(__file__).resolve().parent
FOLDER = GOLDEN / "sources"
SITE = "https://news.example"  # the newsroom whose archive the articles link to
PUBLISHED = "2026-11-24T08:00:00Z"
AUTHOR = "Golden Desk"
CREATED = "2026-11-25T09:00:00+00:00"  # the golden tests' fixed creation time

# golden brief -> (dataset story id, page title, image alt text). Titles and alts name only what
# the story itself says, so neither can lend the article a claim its sources lack.
STORIES: dict[str, tuple[str, str, str]] = {
    "china-market-arrests": ("cliff-xsum-34104114-BART", "China arrests journalist and stock market officials",
                             "Chinese shares and the stock market"),
    "flight-tracking-frequency": ("cliff-xsum-34793274-BART", "Radio spectrum set aside for global flight tracking",
                                  "Radio spectrum for flight tracking"),
    "fuller-house-netflix": ("cliff-cnndm-98be9b2d558c17df8a13597195957a7c8587ddcd-BART",
                             "Netflix orders Fuller House spinoff", "John Stamos on Jimmy Kimmel Live"),
    "guantanamo-closure-plan": ("cliff-xsum-33626398-BART", "Plan to close Guantanamo Bay prison in final stages",
                                "Josh Earnest"),
    "kazakhstan-election": ("cliff-cnndm-7a6310f1ca0afa6b09777e822b516fc1bf71aa34-BART",
                            "Kazakhstan leader wins 97 per cent of the vote",
                            "Nursultan Nazarbayev, president of Kazakhstan"),
    "lyon-top-of-ligue-1": ("cliff-cnndm-1a66c736410d7a0b1b09f0b7da89a9b6b0832985-BART",
                            "Lyon go top of Ligue 1 with win over Bastia",
                            "Mohamed Yattara and Alexandre Lacazette of Lyon"),
    "moderna-vaccine-revenue": ("summedits_news-63f9455b8d931ba6e664fb89_og",
                                "Moderna's COVID-19 vaccine revenues begin to decline", "Moderna's COVID-19 vaccine"),
    "ozy-media-founder-arrested": ("summedits_news-63f9455b8d931ba6e664fb88_og",
                                   "Ozy Media founder arrested on fraud charges",
                                   "Carlos Watson, founder of Ozy Media"),
    "russian-embassy-paint-protest": ("summedits_news-63f9455b8d931ba6e664fb84_og",
                                      "Activists pour paint in front of Russian embassy in London",
                                      "Yellow and blue paint on Bayswater Road in London"),
    "starbucks-tax-probe": ("cliff-cnndm-13ae16f71b19eca4673c71cccaa51f0813e21bae-BART",
                            "Starbucks probed over its tax affairs in Europe", "Starbucks, the U.S. coffee giant"),
    "sussex-fire-services": ("cliff-xsum-36423607-BART", "Sussex PCC seeks control of fire services",
                             "Sussex PCC Katy Bourne"),
    "tesco-fresh-easy-exit": ("cliff-xsum-24040346-BART", "Tesco sells Fresh & Easy in exit from the US",
                              "Tesco and its US food chain Fresh & Easy"),
    "wedgwood-collection-saved": ("cliff-xsum-30280942-BART", "Wedgwood collection saved by public appeal",
                                  "Works of art from the Wedgwood collection"),
}

IMAGE = "lead.png"


def bench_stories() -> dict[str, str]:
    """Every story of the bench files by its record id."""
    out: dict[str, str] = {}
    for path in sorted(BENCH.glob("*.dev.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out[record["id"]] = record["source"]
    return out


def paragraphs(story: str, per: int = 3) -> list[str]:
    """The story's own paragraphs, or runs of ``per`` sentences where it has none."""
    if "\n\n" in story:
        return [" ".join(p.split()) for p in story.split("\n\n") if p.strip()]
    sentences = re.split(r"(?<=[.!?\"'])\s+(?=[A-Z\"'])", " ".join(story.split()))
    return [" ".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


def page(stem: str, story: str) -> str:
    _, title, alt = STORIES[stem]
    e = partial(html.escape, quote=True)
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs(story))
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)}</title>\n"
            f"<meta property=\"og:title\" content=\"{e(title)}\">\n"
            f"<meta property=\"article:published_time\" content=\"{PUBLISHED}\">\n"
            f"<meta name=\"author\" content=\"{AUTHOR}\">\n"
            f"<link rel=\"canonical\" href=\"/{stem}\">\n"
            f"<meta property=\"og:image\" content=\"/img/{IMAGE}\">\n"
            f"<meta property=\"og:image:alt\" content=\"{e(alt)}\">\n"
            f"</head><body><article><h1>{e(title)}</h1>\n{body}\n</article></body></html>\n")


def tiny_png() -> bytes:
    """A 1x1 grey PNG: the picture is a stand-in; what the tests read is its address and alt."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
            + chunk(b"IEND", b""))


def build(folder: Path = FOLDER) -> list[Path]:
    """Write the saved pages and the shared image; the files written."""
    stories = bench_stories()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, (story_id, _, _) in STORIES.items():
        path = folder / f"{stem}.html"
        path.write_text(page(stem, stories[story_id]), encoding="utf-8")
        written.append(path)
    (folder / IMAGE).write_bytes(tiny_png())
    return [*written, folder / IMAGE]


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        # "/stem" is the page saved as stem.html; "/img/lead.png" the shared picture.
        name = path.split("?", 1)[0].strip("/")
        name = name.removeprefix("img/") if name.startswith("img/") else f"{name}.html"
        return str(FOLDER / Path(name).name)


@contextmanager
def serve_sources() -> Iterator[str]:
    """The base URL of a loopback server holding the saved pages: ``{base}/{stem}``."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, when run as a script
    from serverkit import serve_http

    with serve_http(_Handler) as base:
        yield base


def _evidence_bench() -> Any:
    spec = importlib.util.spec_from_file_location("evidence_bench", ROOT / "bench" / "evidence_bench.py")
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(ROOT / "bench"))  # it imports its neighbour machine_info
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def archive_items(n: int = 220) -> list[Any]:
    """``n`` archive articles from the bench's stories other than the golden briefs' own, each
    published under the newsroom's site (the evidence bench's builder)."""
    bench = _evidence_bench()
    golden = {bench_stories()[story_id][:200] for story_id, _, _ in STORIES.values()}
    others = [s for s in bench.stories(BENCH) if s[:200] not in golden]
    return list(bench.archive_items(others, n, base=f"{SITE}/archive"))


@dataclass(frozen=True)
class Scored:
    """One golden article written from its brief, source page and the archive, as Yoast and our
    grounding audit see it."""

    stem: str
    seo: int
    readability: int
    failed: int  # sentences the audit finds unsupported or contradicted
    image: bool
    links: tuple[str, ...]  # the rel of each link: "source" or "archive"
    short: dict[str, tuple[str, int]]  # {"seo.id": (message, score)} for each check below full marks
    own: tuple[int, int]  # the package's own SEO and readability scores


def written(stem: str, base: str, db: str) -> Article:
    """The golden brief ``stem`` written by the real pipeline with its page at ``base`` as a
    source (loopback, so private addresses are allowed) and background from the archive ``db``."""
    from briefpress import Options, write
    from briefpress.evidence import cli_sources

    name = f"{stem}.txt"
    text = (GOLDEN / "briefs" / name).read_text(encoding="utf-8")
    brief, resolved = cli_sources(name, text, [("source", f"{base}/{stem}")], allow_private=True)
    return write(brief, sources=resolved.named, brief_name=name,
                 options=Options(source_meta=resolved.meta, archive=True, archive_db=db, site_url=SITE,
                                 created=CREATED))


def yoast_paper(page_html: str) -> dict[str, Any]:
    """The harness's paper for a rendered page: its ``<article>`` as the page shows it (headline
    and byline included, as our audit and tests/seo/test_page_audit.py read it), title,
    description and slug."""
    from briefpress.seo.pages import split_html_document
    from seo import yoast_harness

    d = split_html_document(page_html)
    return yoast_harness.paper(yoast_harness.article_element(page_html), keyphrase=d["keyphrase"], title=d["title"],
                               description=d["description"], slug=d["slug"], site_url=d["site_url"] or SITE)


def score(articles: dict[str, Article]) -> list[Scored]:
    """Yoast's SEO and readability scores and the grounding audit of each article."""
    from briefpress import audit, render
    from seo import yoast_harness

    theirs = yoast_harness.run([yoast_paper(render(a, "html")) for a in articles.values()])
    out = []
    for (stem, article), yoast in zip(articles.items(), theirs, strict=True):
        report = audit(article, [(s.name, s.text) for s in article.sources]).grounding
        short = {f"{kind}.{item['id']}": (item["message"], item["score"])
                 for kind in ("seo", "readability") for item in yoast[kind]["assessments"] if item["score"] < 9}
        out.append(Scored(stem, yoast["seo"]["score"], yoast["readability"]["score"],
                          report.summary.unsupported + report.summary.contradicted, article.image is not None,
                          tuple(link.rel for link in article.links), short,
                          ((article.seo or {}).get("score", -1), (article.readability or {}).get("score", -1))))
    return out


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(ROOT))
