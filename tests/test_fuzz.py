"""Random and hostile briefs, sources and articles through the real CLI (``write --engine
extractive`` and ``audit``, each in its own process): whatever comes in, the exit is 0, or 2 with
one line that names the fix; never a traceback or an internal error. Few examples, each large
enough to matter: a subprocess per command keeps any hang or crash inside the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
TAKAICHI = ROOT / "examples" / "takaichi-brief.txt"

_PROSE = "The council approved 40 new homes in Leeds on Tuesday. Mayor Ana Ruiz said work starts in May.\n"
_SIZES = st.integers(min_value=1, max_value=20_000)

# Pieces an attacker or a careless paste would send; each repeated up to 20,000 times.
_HOSTILE = st.sampled_from([
    "*a ", "**a ", "_a ", "`a ", "[a](", "![a](", "<meta ", "<meta name=", "<title>", "<", "<p class=",
    "<article>", "word ", "a" * 50, "\u00e9\u4e2d\U0001f600 ", "- ", "-\n", "# ", "1. ", "\t", "\n\n",
    '"', "\\", "{", "[", "]", "}", '{"points": [', '"sources": ["',
])
_RAW = st.sampled_from([
    b"\x00", b"\xed\xa0\x80", b"\xff\xfe", b"\xe9", b"\xef\xbb\xbf", b"\r\n", b"\x1b[31m", b"\x01\x02\x03",
])


@st.composite
def _text(draw: st.DrawFn) -> bytes:
    """Prose, hostile runs, raw bytes and random text, in any order."""
    parts = draw(st.lists(st.one_of(
        st.just(_PROSE),
        st.builds(lambda piece, n: piece * n, _HOSTILE, _SIZES),
        _RAW,
        st.text(max_size=200),
    ), min_size=1, max_size=6))
    return b"".join(p if isinstance(p, bytes) else p.encode("utf-8", "surrogatepass") for p in parts)


@st.composite
def _json_brief(draw: st.DrawFn) -> bytes:
    """A JSON brief: points and sources, some nested or deep, some holding lone surrogates."""
    depth = draw(st.integers(min_value=0, max_value=5_000))
    points = draw(st.lists(st.one_of(st.just(_PROSE.strip()), st.text(max_size=300)), max_size=30))
    sources = draw(st.lists(st.one_of(
        st.just(_PROSE),
        st.just(json.dumps({"title": "Inner", "points": [_PROSE.strip()], "sources": [_PROSE]})),
        st.text(max_size=300),
    ), max_size=4))
    body = json.dumps({"title": draw(st.text(max_size=80)), "points": points, "sources": sources})
    if depth:
        body = body[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
    if draw(st.booleans()):
        body = body.replace(".", ". \\ud800", 1)
    return body.encode("utf-8")


# No shrinking: each example is a process that may run for seconds, and the failing input is
# printed as it was generated.
_PHASES = (Phase.explicit, Phase.reuse, Phase.generate)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}
    return subprocess.run([sys.executable, "-m", "briefpress", *args], capture_output=True, text=True,
                          errors="replace", timeout=600, env=env)


def _assert_clean(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode in (0, 2), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr[-2000:]
    if proc.returncode == 2:
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("briefpress: error: "), proc.stderr[-2000:]


@settings(max_examples=25, deadline=None, phases=_PHASES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(brief=st.one_of(_text(), _json_brief()), source=st.one_of(st.none(), _text()),
       name=st.sampled_from(["brief.txt", "brief.md", "brief.html", "brief.json"]))
def test_write_exits_0_or_2_with_one_line(tmp_path_factory, brief: bytes, source: bytes | None, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_bytes(brief)
    args = ["write", str(folder / name), "--engine", "extractive", "-q", "--format", "json", "--date", "2026-11-24"]
    if source is not None:
        (folder / "source.txt").write_bytes(source)
        args += ["--source", str(folder / "source.txt")]
    _assert_clean(_cli(*args))


@settings(max_examples=25, deadline=None, phases=_PHASES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                                 HealthCheck.function_scoped_fixture])
@given(article=_text(), source=st.one_of(st.just(TAKAICHI.read_bytes()), _text()),
       name=st.sampled_from(["article.txt", "article.md", "article.html", "article.json"]))
def test_audit_exits_0_or_2_with_one_line(tmp_path_factory, article: bytes, source: bytes, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_bytes(article)
    (folder / "source.txt").write_bytes(source)
    _assert_clean(_cli("audit", str(folder / name), "--source", str(folder / "source.txt"), "--format", "json"))
