"""Benchmark of the local engine with the packaged Qwen model: seconds per article, tokens
generated against tokens kept, our decode rate against llama.cpp's own, and peak memory.

    python bench/engine_bench.py [--briefs takaichi|golden|all] [--model SPEC] [--write-md]

Needs ``briefpress[local]`` (or the model already joined in the cache). For each brief it writes
the article with ``briefpress.write(..., engine="local")`` and records:

- seconds: wall time of the whole ``write`` call (ingest, plan, model, verify-and-repair, package);
- generated: tokens the model decoded; kept: tokens (same tokenizer) of the model-written sentences
  that ship in the article; waste = 1 - kept / generated;
- ours: generated tokens / (seconds inside our generation calls less llama.cpp's prompt
  evaluation of each part's request), i.e. decoding plus all we add per token (streaming, loop
  checks, Python); against raw: llama.cpp's own decode counter (tokens / decode time) in a plain
  128-token generation on the same loaded model and threads, measured before and after the
  articles (the machine's load moves); overhead = 1 - ours / mean(raw);
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

import briefpress  # noqa: E402
from briefpress.engines.local import LocalEngine  # noqa: E402
from briefpress.verify import check_sentences  # noqa: E402
from machine_info import cpu_name  # noqa: E402

MARK_BEGIN = "<!-- engine_bench:begin -->"
MARK_END = "<!-- engine_bench:end -->"


def briefs(which: str) -> list[Path]:
    takaichi = [ROOT / "examples" / "takaichi-brief.txt"]
    golden = sorted((ROOT / "tests" / "golden" / "briefs").glob("*.txt"))
    return {"takaichi": takaichi, "golden": golden, "all": takaichi + golden}[which]


def raw_decode_rate(engine: LocalEngine, n: int = 128) -> float:
    """llama.cpp's own decode rate: tokens / decode time from its perf counters, no grammar,
    no streaming, after a short prompt."""
    import llama_cpp

    llm = engine.llm
    llm.reset()
    llama_cpp.llama_perf_context_reset(llm._ctx.ctx)
    llm.create_completion("Write a long news story about a city council meeting.", max_tokens=n, temperature=0.0)
    data = llama_cpp.llama_perf_context(llm._ctx.ctx)
    return data.n_eval / (data.t_eval_ms / 1000.0)


def run_one(path: Path, model: str | None) -> tuple[dict[str, object], LocalEngine]:
    text = path.read_text(encoding="utf-8")
    holder: dict[str, LocalEngine] = {}

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
    seconds = time.monotonic() - started
    engine = holder["engine"]
    stats = engine.stats
    perf = engine.perf()
    # Time inside our generation calls, less llama.cpp's prompt evaluation of each part's own
    # request (the prefix was evaluated before the first call): what is left is decoding plus
    # everything we add per token (streaming, loop checks, Python).
    decode_s = stats.seconds - (perf["prompt_ms"] - engine.prefix_ms) / 1000
    shipped = {e.sentence for e in article.evidence}
    # Kept: model-written sentences that ship as written (the seo stage may later shorten some by
    # deletion; those count as not kept). kept_draft: those the engine kept before that stage.
    # Each time the model wrote a sentence that is kept counts: a sentence written twice (in the
    # body and again in a section) cost its tokens twice and ships twice.
    kept = sum(engine.count_tokens(s) for s in stats.kept_model_sentences if s in shipped)
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
        "ours_tps": round(stats.generated_tokens / decode_s, 2) if decode_s > 0 else None,
        "llama_tps": round(perf["decoded_tokens"] / (perf["decode_ms"] / 1000), 2) if perf["decode_ms"] else None,
        "prompt_evaluated": perf["prompt_tokens"],
        "prompt_requested": engine.requested_prompt_tokens + engine.prefix_tokens,
        "failed_after_repair": len(failed),
        "repairs": article.repairs,
        "headline": article.headline,
    }
    return row, engine


def markdown(rows: list[dict[str, object]], raw: float, threads: int, load: tuple[float, float, float], peak_mb: float) -> str:
    total_gen = sum(int(r["generated"]) for r in rows)  # type: ignore[arg-type]
    total_kept = sum(int(r["kept"]) for r in rows)  # type: ignore[arg-type]
    ours = [float(r["ours_tps"]) for r in rows if r["ours_tps"]]  # type: ignore[arg-type]
    ours_mean = sum(ours) / len(ours) if ours else 0.0
    inline = [float(r["ours_tps"]) / float(r["llama_tps"]) for r in rows if r["ours_tps"] and r["llama_tps"]]  # type: ignore[arg-type]
    inline_overhead = 1 - sum(inline) / len(inline) if inline else 0.0
    lines = [
        MARK_BEGIN,
        "## engines: the local engine with the packaged Qwen model",
        "",
        "`python bench/engine_bench.py --briefs all --write-md` (needs `briefpress[local]`). Qwen2.5-Coder-1.5B-Instruct",
        "Q4_K_M through llama-cpp-python 0.3.36; targets: ≤ 90 s for the Takaichi brief on 2 cores, waste ≤ 30 %,",
        "overhead against llama.cpp's own decode rate ≤ 10 %.",
        "",
        f"Measured {date.today().isoformat()} on {cpu_name()}, {os.cpu_count()} cores, {threads} llama.cpp thread(s), "
        f"load average at start {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (other processes were running).",
        "",
        "| brief | s / article | calls | tokens generated | tokens kept (engine / final article) | waste (final) | our tokens/s | llama.cpp decode tokens/s in the same calls | prompt tokens evaluated / requested | unsupported or contradicted after repair | repaired / replaced / dropped |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        rep = r["repairs"] or {}
        lines.append(
            f"| {r['brief']} | {r['seconds']} | {r['calls']} | {r['generated']} | {r['kept_draft']} / {r['kept']} | "
            f"{float(r['waste'] or 0):.0%} | {r['ours_tps']} | {r['llama_tps']} | {r['prompt_evaluated']} / {r['prompt_requested']} | "
            f"{r['failed_after_repair']} | {rep.get('repaired', 0)} / {rep.get('replaced', 0)} / {rep.get('dropped', 0)} |"  # type: ignore[union-attr]
        )
    waste = 1 - total_kept / total_gen if total_gen else 0.0
    overhead = 1 - ours_mean / raw if raw else 0.0
    lines += [
        "",
        f"All briefs: waste {waste:.0%} ({total_kept} of {total_gen} generated tokens kept). Our mean decode rate "
        f"{ours_mean:.2f} tokens/s against llama.cpp's own {raw:.2f} tokens/s (plain generation, mean of before and after) "
        "on the same model and threads: "
        f"overhead {overhead:.0%}; against llama.cpp's decode counter over the very same calls (same load): "
        f"overhead {inline_overhead:.0%}. Peak memory (RSS) {peak_mb:.0f} MB.",
        MARK_END,
    ]
    return "\n".join(lines) + "\n"


def write_md(section: str) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if MARK_BEGIN in text:
        text = re.sub(re.escape(MARK_BEGIN) + r".*?" + re.escape(MARK_END) + r"\n?", lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", choices=["takaichi", "golden", "all"], default="takaichi")
    parser.add_argument("--model", default=None, help="model spec for the local engine (default: packaged Qwen)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many briefs")
    parser.add_argument("--write-md", action="store_true", help="update the engines section of BENCHMARKS.md")
    args = parser.parse_args()
    load = os.getloadavg()
    rows = []
    engine = None
    paths = briefs(args.briefs)
    if args.limit:
        paths = paths[: args.limit]
    raws = []
    for path in paths:
        row, engine = run_one(path, args.model)
        if not raws:
            raws.append(raw_decode_rate(engine))  # the model is loaded now; the next article resets
        print(json.dumps(row), flush=True)
        rows.append(row)
    assert engine is not None
    raws.append(raw_decode_rate(engine))
    print(json.dumps({"raw_decode_tps": [round(r, 2) for r in raws]}), flush=True)
    raw = sum(raws) / len(raws)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    section = markdown(rows, raw, engine.threads, load, peak_mb)
    print(section)
    if args.write_md:
        write_md(section)


if __name__ == "__main__":
    main()
