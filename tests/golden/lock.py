"""The golden lock: every golden article, byte for byte, as the code writes it today.

A refactor that must change no output is checked against it (``tests/test_golden_lock.py``).
A change that means to change the articles re-records it and commits the new files with the
change, so the diff shows what moved:

    .venv-test/bin/python tests/golden/lock.py --record           # extractive, seo and replay articles
    .venv-test/bin/python tests/golden/lock.py --record-replays   # run the local model once more (slow)

Three kinds of article are locked:
- ``extractive``: each golden brief and the Takaichi example, written end to end, in every format;
- ``seo``: the seo stage run on the local engine's drafts kept in ``tests/seo/fixtures/local/``;
- ``replay``: the model-writing flow replayed from the local model's recorded answers
  (``tests/golden/replays/``), so the prompts, the repair and the assembly of the model engines
  are locked without running a model. A prompt that changes no longer finds its answer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
LOCK = GOLDEN / "lock"
REPLAYS = GOLDEN / "replays"
BRIEFS = sorted((GOLDEN / "briefs").glob("*.txt")) + [ROOT / "examples" / "takaichi-brief.txt"]
LOCAL_DRAFTS = sorted((ROOT / "tests" / "seo" / "fixtures" / "local").glob("*.json"))
DATE = "2026-11-25T09:00:00+00:00"
FORMATS = ("json", "text", "md", "html")
# Briefs whose local-model answers are recorded: enough to cover every part and the repair path.
REPLAY_BRIEFS = ("moderna-vaccine-revenue", "china-market-arrests", "takaichi-brief", "starbucks-tax-probe")


def _messages_key(messages: list[dict[str, str]]) -> str:
    return hashlib.sha256(json.dumps(messages, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _brief(stem: str) -> Path:
    return next(p for p in BRIEFS if p.stem == stem)


def _rendered(article: Any) -> dict[str, str]:
    import briefpress

    return {fmt: briefpress.render(article, fmt) for fmt in FORMATS}


def extractive() -> Iterator[tuple[str, str]]:
    import briefpress

    for path in BRIEFS:
        article = briefpress.write(path.read_text(encoding="utf-8"), brief_name=path.name, date=DATE, created=DATE)
        for fmt, text in _rendered(article).items():
            yield f"extractive/{path.stem}.{fmt}", text


def seo() -> Iterator[tuple[str, str]]:
    import briefpress
    from briefpress.models import Article, Options, Run
    from briefpress.pipeline import STAGES, run_stages

    for path in LOCAL_DRAFTS:
        draft = Article.model_validate_json(path.read_text(encoding="utf-8"))
        run = Run(options=Options(engine="local", date=DATE, created=DATE), sources=draft.sources, facts=draft.facts, article=draft)
        done = run_stages(run, stages=[s for s in STAGES if s.name in ("seo", "package")])
        assert done.article is not None
        yield f"seo/{path.stem}.json", briefpress.render(done.article, "json")


def _replayer(stem: str) -> Any:
    from briefpress.engines.model import Completion

    answers: dict[str, list[Completion]] = {}
    for entry in json.loads((REPLAYS / f"{stem}.json").read_text(encoding="utf-8")):
        answers.setdefault(entry["messages"], []).append(
            Completion(text=entry["text"], tokens=entry["tokens"], finish=entry["finish"]))

    def respond(messages: list[dict[str, str]], spec: Any) -> Completion:
        queue = answers.get(_messages_key(messages))
        if not queue:
            raise AssertionError(f"{stem}: no recorded answer for this '{spec.name}' request; the prompt changed")
        return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


def replay() -> Iterator[tuple[str, str]]:
    import briefpress

    for stem in REPLAY_BRIEFS:
        path = _brief(stem)
        article = briefpress.write(path.read_text(encoding="utf-8"), engine="scripted", brief_name=path.name,
                                   date=DATE, created=DATE, responses=_replayer(stem), retells_body=True)
        yield f"replay/{stem}.json", briefpress.render(article, "json")


def locked() -> Iterator[tuple[str, str]]:
    yield from extractive()
    yield from seo()
    yield from replay()


def record_replays() -> None:
    """Run the local model on the replay briefs and keep each request's answer."""
    import briefpress
    from briefpress.engines.local import LocalEngine

    log: list[dict[str, str]] = []
    complete = LocalEngine._complete

    def recording(self: Any, messages: Any, spec: Any, fact_ids: Any) -> Any:
        result = complete(self, messages, spec, fact_ids)
        log.append({"part": spec.name, "messages": _messages_key(messages), "text": result.text,
                    "tokens": result.tokens, "finish": result.finish})
        return result

    LocalEngine._complete = recording  # type: ignore[method-assign]
    REPLAYS.mkdir(exist_ok=True)
    for stem in REPLAY_BRIEFS:
        log.clear()
        path = _brief(stem)
        briefpress.write(path.read_text(encoding="utf-8"), engine="local", brief_name=path.name, date=DATE, created=DATE)
        (REPLAYS / f"{stem}.json").write_text(json.dumps(log, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"recorded {len(log)} answers for {stem}", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write the lock files anew")
    parser.add_argument("--record-replays", action="store_true", help="record the local model's answers first")
    args = parser.parse_args()
    if args.record_replays:
        record_replays()
    if args.record or args.record_replays:
        for name, text in locked():
            target = LOCK / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return 0
    changed = [name for name, text in locked() if (LOCK / name).read_text(encoding="utf-8") != text]
    print("\n".join(changed) or "all locked articles unchanged")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
