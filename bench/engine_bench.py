"""Benchmark of the local engine with the packaged Qwen model: seconds per article, tokens
generated against tokens kept, our decode rate against llama.cpp's own, and peak memory.

    python bench/engine_bench.py [--briefs takaichi|golden|all] [--model SPEC] [--save DIR] [--write-md]

Needs ``briefpress[local]`` (or the model already joined in the cache). For each brief it writes
the article with ``briefpress.write(..., engine="local")`` and records:

- seconds: wall time of the whole ``write`` call (ingest, plan, model, verify-and-repair, package);
- generated: tokens the model decoded; kept: tokens (same tokenizer) of the model-written sentences
  that ship in the article (as written, or what is left of them after the seo stage shortened
  them at a clause boundary); waste = 1 - kept / generated;
- ours: generated tokens / wall seconds inside our generation calls (prompt evaluation of each
  part's own request, decoding, streaming, loop checks, Python);
- raw: the very same requests replayed afterwards through llama.cpp with nothing of ours around
  it (one non-streaming ``create_completion`` per request, same prompt tokens, same cached prefix,
  same sampling settings and seed, ``max_tokens`` = the tokens we generated): generated tokens /
  wall seconds; overhead = 1 - ours / raw. Also printed: llama.cpp's plain decode rate (128 tokens
  after a short prompt), the figure llama.cpp's own benchmark reports, for scale;
- audit: unsupported and contradicted sentences the verifier finds in the shipped article;
- repairs: the article's own counts; peak RSS of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from machine_info import cpu_name  # noqa: E402

import briefpress  # noqa: E402
from briefpress.engines.local import LocalEngine  # noqa: E402
from briefpress.verify import check_sentences  # noqa: E402

MARK_BEGIN = "<!-- engine_bench:begin -->"
MARK_END = "<!-- engine_bench:end -->"


def briefs(which: str) -> list[Path]:
    takaichi = [ROOT / "examples" / "takaichi-brief.txt"]
    golden = sorted((ROOT / "tests" / "golden" / "briefs").glob("*.txt"))
    return {"takaichi": takaichi, "golden": golden, "all": takaichi + golden}[which]


def raw_decode_rate(engine: LocalEngine, n: int = 128) -> float:
    """llama.cpp's plain decode rate: tokens / wall seconds of a 128-token generation after a
    short prompt, no grammar, no streaming."""
    llm = engine.llm
    llm.reset()
    started = time.monotonic()
    out = llm.create_completion("Write a long news story about a city council meeting.", max_tokens=n, temperature=0.0)
    return int(out["usage"]["completion_tokens"]) / (time.monotonic() - started)


class Recorder:
    """Keeps every request the engine sends to llama.cpp, to replay it raw afterwards."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []
        self.prefix: list[int] = []

    def install(self) -> object:
        original = LocalEngine._complete
        recorder = self

        def recording(engine: LocalEngine, messages: list, spec: object, fact_ids: list) -> object:  # type: ignore[type-arg]
            if engine.llm is None:
                engine._begin(messages[:-1])
            if not recorder.calls:
                recorder.prefix = engine._prefix_tokens(messages[:-1])
            tokens = engine._prompt_tokens(messages)
            completion = original(engine, messages, spec, fact_ids)  # type: ignore[arg-type]
            recorder.calls.append({"tokens": tokens, "spec": spec, "fact_ids": list(fact_ids),
                                   "generated": completion.tokens, "seconds": completion.seconds})
            return completion

        LocalEngine._complete = recording  # type: ignore[method-assign]
        return original


def replay(engine: LocalEngine, recorder: Recorder) -> tuple[int, float]:
    """The recorded requests through llama.cpp alone: (tokens generated, wall seconds)."""
    from llama_cpp import LlamaGrammar

    from briefpress.engines.grammar import line_grammar
    from briefpress.engines.local import SEED

    llm = engine.llm
    llm.reset()
    llm.eval(recorder.prefix)  # as the engine does before the first part: not timed on either side
    tokens = seconds = 0.0
    for call in recorder.calls:
        spec = call["spec"]
        grammar = (
            LlamaGrammar.from_string(line_grammar(spec, call["fact_ids"]), verbose=False)  # type: ignore[attr-defined]
            if spec.enforce
            else None
        )
        started = time.monotonic()
        out = llm.create_completion(
            prompt=call["tokens"], max_tokens=max(1, int(call["generated"])), temperature=0.2, top_p=0.9,  # type: ignore[call-overload]
            repeat_penalty=1.1, seed=SEED, grammar=grammar, stop=engine._stops or None,
        )
        seconds += time.monotonic() - started
        tokens += int(out["usage"]["completion_tokens"])
    return int(tokens), seconds


def shipped_form(sentence: str, shipped: list[str]) -> str | None:
    """What ships of a model-written ``sentence``: itself (whole, split in two at a clause joint
    or before a closing relative clause, or put in the active voice), or the longest shipped
    sentence that is a clause-bounded shortening of it, less any opening connective; None when
    nothing does."""
    from briefpress.rewrite.active import to_active
    from briefpress.rewrite.split import split_clauses, split_relative
    from briefpress.seo.stage import without_connective

    if sentence in shipped:
        return sentence
    forms = [without_connective(s) for s in shipped]
    if sentence in forms:
        return sentence
    for pieces in (split_clauses(sentence), split_relative(sentence)):
        if pieces and all(p in forms for p in pieces):
            return sentence
    if to_active(sentence) in forms:
        return sentence
    stem = sentence.rstrip(".")
    cuts = [f for f in forms if len(f.split()) >= 4 and stem.startswith(f.rstrip("."))]
    return max(cuts, key=len) if cuts else None


def run_one(path: Path, model: str | None, save: Path | None) -> tuple[dict[str, object], LocalEngine]:
    text = path.read_text(encoding="utf-8")
    holder: dict[str, LocalEngine] = {}
    recorder = Recorder()
    complete = recorder.install()

    from briefpress import engines as registry

    original = registry.get_engine

    def keep(name: str, **options: object) -> object:
        engine = original(name, **options)
        holder["engine"] = engine  # type: ignore[assignment]
        return engine

    registry.get_engine = keep  # type: ignore[assignment]
    import briefpress.pipeline as pipeline

    pipeline.get_engine = keep  # type: ignore[assignment]
    started = time.monotonic()
    try:
        article = briefpress.write(text, engine="local", brief_name=path.name, **({"model": model} if model else {}))
    finally:
        registry.get_engine = original  # type: ignore[assignment]
        pipeline.get_engine = original  # type: ignore[assignment]
        LocalEngine._complete = complete  # type: ignore[method-assign]
    seconds = time.monotonic() - started
    if save:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{path.stem}.json").write_text(article.model_dump_json(indent=1), encoding="utf-8")
    engine = holder["engine"]
    stats = engine.stats
    perf = engine.perf()
    raw_tokens, raw_seconds = replay(engine, recorder)
    shipped = [e.sentence for e in article.evidence]
    # Kept: of each model-written sentence the engine kept, the tokens that ship: all of it as
    # written, or the part left when the seo stage shortened it at a clause boundary or opened it
    # with a connective (the connective's tokens are not the model's). kept_draft: what the
    # engine kept before that stage. A sentence written twice (in the body and again in a
    # section) cost its tokens twice and ships twice, so each writing counts.
    kept = sum(engine.count_tokens(f) for f in (shipped_form(s, shipped) for s in stats.kept_model_sentences) if f)
    kept_draft = sum(engine.count_tokens(s) for s in stats.kept_model_sentences)
    claims = [e.sentence for e in article.evidence if not e.no_claim]
    verdicts = check_sentences(claims, article.facts)
    failed = [v for v in verdicts if v.verdict in ("unsupported", "contradicted")]
    row = {
        "brief": path.name,
        "seconds": round(seconds, 1),
        "calls": stats.calls,
        "generated": stats.generated_tokens,
        "kept": kept,
        "kept_draft": kept_draft,
        "waste": round(1 - kept / stats.generated_tokens, 3) if stats.generated_tokens else None,
        "gen_seconds": round(stats.seconds, 2),
        "ours_tps": round(stats.generated_tokens / stats.seconds, 2) if stats.seconds > 0 else None,
        "raw_tokens": raw_tokens,
        "raw_seconds": round(raw_seconds, 2),
        "raw_tps": round(raw_tokens / raw_seconds, 2) if raw_seconds > 0 else None,
        "prompt_evaluated": perf["prompt_tokens"],
        "prompt_requested": engine.requested_prompt_tokens + engine.prefix_tokens,
        "failed_after_repair": len(failed),
        "repairs": article.repairs,
        "headline": article.headline,
    }
    return row, engine


def markdown(
    rows: list[dict[str, object]], plain: float, threads: int, load: tuple[float, float, float], peak_mb: float
) -> str:
    def total(key: str) -> float:
        return sum(float(r[key]) for r in rows)  # type: ignore[arg-type]

    total_gen, total_kept = total("generated"), total("kept")
    ours = total_gen / total("gen_seconds") if total("gen_seconds") else 0.0
    raw = total("raw_tokens") / total("raw_seconds") if total("raw_seconds") else 0.0
    lines = [
        MARK_BEGIN,
        "## engines: the local engine with the packaged Qwen model",
        "",
        "`python bench/engine_bench.py --briefs all --write-md` (needs `briefpress[local]`). "
        "Qwen2.5-Coder-1.5B-Instruct",
        "Q4_K_M through llama-cpp-python 0.3.36; targets: ≤ 90 s for the Takaichi brief on 2 cores, waste ≤ 30 %,",
        "overhead against llama.cpp's own rate ≤ 10 %.",
        "",
        f"Measured {date.today().isoformat()} on {cpu_name()}, {os.cpu_count()} cores, {threads} llama.cpp thread(s), "
        f"load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}.",
        "",
        "| brief | s / article | calls | tokens generated | tokens kept (engine / final article) | waste (final) | our "
        "tokens/s | raw llama.cpp tokens/s, same requests | prompt tokens evaluated / requested | unsupported or "
        "contradicted after repair | repaired / replaced / dropped |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        rep = r["repairs"] or {}
        lines.append(
            f"| {r['brief']} | {r['seconds']} | {r['calls']} | {r['generated']} | {r['kept_draft']} / {r['kept']} | "
            f"{float(r['waste'] or 0):.0%} | {r['ours_tps']} | {r['raw_tps']} | {r['prompt_evaluated']} / "
            f"{r['prompt_requested']} | "
            f"{r['failed_after_repair']} | {rep.get('repaired', 0)} / {rep.get('replaced', 0)} / "
            f"{rep.get('dropped', 0)} |"  # type: ignore[union-attr]
        )
    waste = 1 - total_kept / total_gen if total_gen else 0.0
    overhead = 1 - ours / raw if raw else 0.0
    seconds = sorted(float(r["seconds"]) for r in rows)  # type: ignore[arg-type]
    lines += [
        "",
        f"All {len(rows)} briefs: {seconds[0]:.1f}-{seconds[-1]:.1f} s per article (median "
        f"{seconds[len(seconds) // 2]:.1f} s); "
        f"waste {waste:.1%} ({total_kept:.0f} of {total_gen:.0f} generated tokens kept). "
        f"Our rate {ours:.2f} tokens/s (all our generation calls, wall clock) against {raw:.2f} tokens/s for the same "
        f"requests replayed through llama.cpp alone: overhead {overhead:.1%}. For scale, llama.cpp's plain decode "
        f"rate (128 tokens after a short prompt, no prompt to evaluate) is {plain:.2f} tokens/s. "
        f"Peak memory (RSS) {peak_mb:.0f} MB.",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def write_md(section: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if MARK_BEGIN in text:
        text = re.sub(
            re.escape(MARK_BEGIN) + r".*?" + re.escape(MARK_END) + r"\n?", lambda _: section, text, flags=re.S
        )
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", choices=["takaichi", "golden", "all"], default="takaichi")
    parser.add_argument("--model", default=None, help="model spec for the local engine (default: packaged Qwen)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many briefs")
    parser.add_argument("--save", type=Path, default=None, help="write each article's JSON into this folder")
    parser.add_argument("--write-md", action="store_true", help="update the engines section of BENCHMARKS.md")
    args = parser.parse_args()
    load = os.getloadavg()
    rows = []
    engine = None
    paths = briefs(args.briefs)
    if args.limit:
        paths = paths[: args.limit]
    for path in paths:
        row, engine = run_one(path, args.model, args.save)
        print(json.dumps(row), flush=True)
        rows.append(row)
    assert engine is not None
    plain = raw_decode_rate(engine)
    print(json.dumps({"plain_decode_tps": round(plain, 2)}), flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    section = markdown(rows, plain, engine.threads, load, peak_mb)
    print(section)
    if args.write_md:
        write_md(section)


if __name__ == "__main__":
    main()
