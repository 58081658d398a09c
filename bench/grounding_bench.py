"""Grounding benchmark: the verifier on the human-labelled dev halves in ../shared/bench/.

    python bench/grounding_bench.py [--data DIR] [--limit N] [--folds 5] [--only NAME ...] [--judge ENGINE]

For each dataset it prints balanced accuracy at the tool's fixed operating point (the verdicts as
shipped), with a threshold tuned per dataset (in-sample, and k-fold by source document: tuned on
k-1 folds, measured on the held-out one), F1 on the unsupported class, character-overlap span
P/R/F1 where spans exist, sentences per second and peak memory, beside the published figures.
The data is read where it lies and never copied into the project.

With ``--judge ENGINE`` (``local`` for the packaged model) the judge is asked about borderline
statements as ``audit --judge`` asks it; it changes verdicts, not support scores, so only the
operating-point columns move, and its calls and their wall time are reported apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import resource
import statistics
import sys
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from briefpress.nlp import spacy_pipeline  # noqa: E402
from briefpress.text import split_sentences  # noqa: E402
from briefpress.verify import check_sentences, read_sources  # noqa: E402
from briefpress.verify.judge import resolve_judge  # noqa: E402
from briefpress.verify.statements import SUPPORT_THRESHOLD  # noqa: E402

SWEEP = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7)
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "bench"
DATASETS = ("cliff", "goyal21", "xsumfaith", "summedits_news", "polytope", "qags_cnndm", "qags_xsum")
# Best published balanced accuracy on the same data (../shared/bench/README.md), and the target.
PUBLISHED = {
    "cliff": ("74.0 CNN/DM (QuestEval), 75.4 XSum (DAE)", 85),
    "goyal21": ("81.4 (QuestEval)", 82),
    "xsumfaith": ("66.4 (SummaC-Conv)", 75),
    "summedits_news": ("83.3 (GPT-4)", 84),
    "polytope": ("n/a (floor 79)", 88),
    "qags_cnndm": ("n/a", None),
    "qags_xsum": ("n/a", None),
}


def load(path: Path, limit: int | None) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items[:limit] if limit else items


class CountingJudge:
    """A judge that counts its calls and their wall time, so the judge's cost is reported apart."""

    def __init__(self, judge: object) -> None:
        self.inner, self.calls, self.seconds = judge, 0, 0.0

    def judge(self, statement: str, evidence: list[str]) -> float | None:
        t0 = time.perf_counter()
        try:
            return self.inner.judge(statement, evidence)  # type: ignore[attr-defined]
        finally:
            self.calls += 1
            self.seconds += time.perf_counter() - t0


_JUDGE: CountingJudge | None = None


def run_item(item: dict) -> dict:
    c0 = time.process_time()
    calls0, judge_s0 = (_JUDGE.calls, _JUDGE.seconds) if _JUDGE else (0, 0.0)
    facts = read_sources([("source", item["source"])])
    spans = split_sentences(item["text"])
    sentences = [s.text for s in spans]
    verdicts = check_sentences(sentences, facts, judge=_JUDGE) if sentences else []
    scores = [v.support for v in verdicts if v.verdict != "no_claim"]
    hard = [v.support == 0.0 for v in verdicts if v.verdict != "no_claim"]
    sentence_info = []
    for span, v in zip(spans, verdicts, strict=True):
        if v.verdict == "no_claim":
            continue
        # Where a check names the offending words, the flagged span is those words; else the sentence.
        pinpoint = []
        for r in v.reasons:
            if r.kind in ("number", "entity", "quote") and r.text in span.text:
                at = span.text.find(r.text)
                pinpoint.append((span.start + at, span.start + at + len(r.text)))
        sentence_info.append({"start": span.start, "end": span.end, "score": v.support, "pinpoint": pinpoint})
    return {
        "score": min(scores) if scores else 1.0,
        "hard": any(hard),
        "shipped": any(v.failed for v in verdicts),
        "sentences": sentence_info,
        "n": len(sentences),
        "cpu": time.process_time() - c0,
        "judge_calls": (_JUDGE.calls - calls0) if _JUDGE else 0,
        "judge_s": (_JUDGE.seconds - judge_s0) if _JUDGE else 0.0,
    }


def _init_worker(judge: str | None = None) -> None:
    global _JUDGE
    spacy_pipeline()
    if judge:
        _JUDGE = CountingJudge(resolve_judge(judge))


def balanced_accuracy(labels: list[int], preds: list[int]) -> float:
    """labels/preds: 1 supported, 0 unsupported."""
    pos = [p for label, p in zip(labels, preds, strict=True) if label == 1]
    neg = [p for label, p in zip(labels, preds, strict=True) if label == 0]
    r_pos = sum(1 for p in pos if p == 1) / len(pos) if pos else 0.0
    r_neg = sum(1 for p in neg if p == 0) / len(neg) if neg else 0.0
    return 100 * (r_pos + r_neg) / 2


def f1_unsupported(labels: list[int], preds: list[int]) -> float:
    tp = sum(1 for label, p in zip(labels, preds, strict=True) if label == 0 and p == 0)
    fp = sum(1 for label, p in zip(labels, preds, strict=True) if label == 1 and p == 0)
    fn = sum(1 for label, p in zip(labels, preds, strict=True) if label == 0 and p == 1)
    return 100 * 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(scores: list[float], labels: list[int]) -> float:
    candidates = sorted(set(scores)) + [1.01]
    best, best_ba = SUPPORT_THRESHOLD, -1.0
    for t in candidates:
        ba = balanced_accuracy(labels, [1 if s >= t else 0 for s in scores])
        if ba > best_ba:
            best, best_ba = t, ba
    return best


def folds_by_source(items: list[dict], k: int) -> list[int]:
    """Fold number per item, by a hash of its source document: no source is in two folds."""
    return [int(hashlib.sha1(it["source"].encode()).hexdigest(), 16) % k for it in items]


def span_prf(items: list[dict], results: list[dict], threshold: float) -> tuple[float, float, float] | None:
    tp = fp = fn = 0
    seen = False
    for it, res in zip(items, results, strict=True):
        gold: set[int] = set()
        for s in it.get("spans") or []:
            if isinstance(s, dict) and "start" in s:
                gold.update(range(s["start"], s["end"]))
        if it.get("spans"):
            seen = True
        pred: set[int] = set()
        for s in res["sentences"]:
            if s["score"] < threshold:
                for a, b in s["pinpoint"] or [(s["start"], s["end"])]:
                    pred.update(range(a, b))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    if not seen:
        return None
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, items: list[dict], folds: int, jobs: int = 1, judge: str | None = None) -> dict:
    # CPU time spent on the items (in whichever process ran them): the figure holds on a shared
    # machine, where wall time does not.
    t0 = time.perf_counter()
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs, initializer=_init_worker, initargs=(judge,)) as pool:
            results = pool.map(run_item, items, chunksize=4)
    else:
        if judge and _JUDGE is None:
            _init_worker(judge)
        results = [run_item(it) for it in items]
    wall, elapsed = time.perf_counter() - t0, sum(r["cpu"] for r in results)
    labels = [int(it["label"]) for it in items]
    scores = [r["score"] for r in results]
    shipped = [0 if r["shipped"] else 1 for r in results]
    tuned_t = best_threshold(scores, labels)
    tuned = [1 if s >= tuned_t else 0 for s in scores]
    fold_of = folds_by_source(items, folds)
    cv = [0] * len(items)
    fold_thresholds = []
    for f in range(folds):
        train = [i for i in range(len(items)) if fold_of[i] != f]
        test = [i for i in range(len(items)) if fold_of[i] == f]
        if not test:
            continue
        t = best_threshold([scores[i] for i in train], [labels[i] for i in train])
        fold_thresholds.append(t)
        for i in test:
            cv[i] = 1 if scores[i] >= t else 0
    n_sent = sum(r["n"] for r in results)
    # The same scores at fixed operating points: what one shipped threshold gives on each dataset.
    sweep = {f"{t:.2f}": balanced_accuracy(labels, [1 if sc >= t else 0 for sc in scores]) for t in SWEEP}
    spans = span_prf(items, results, statistics.median(fold_thresholds) if fold_thresholds else tuned_t)
    return {
        "dataset": name,
        "n": len(items),
        "unsupported": labels.count(0),
        "ba_operating": balanced_accuracy(labels, shipped),
        "f1_operating": f1_unsupported(labels, shipped),
        "ba_tuned": balanced_accuracy(labels, tuned),
        "threshold": tuned_t,
        "ba_cv": balanced_accuracy(labels, cv),
        "f1_cv": f1_unsupported(labels, cv),
        "spans": spans,
        "sweep": sweep,
        "sentences": n_sent,
        "judge_calls": sum(r["judge_calls"] for r in results),
        "judge_seconds": sum(r["judge_s"] for r in results),
        "seconds": elapsed,
        "wall_seconds": wall,
        "sent_per_s": n_sent / elapsed if elapsed else 0.0,
    }


def article_speed() -> tuple[int, float]:
    """Whole articles, as `write` and `audit` check them: the extractive articles of the golden
    briefs against their own facts. Returns (sentences, CPU seconds)."""
    from briefpress.pipeline import write
    from briefpress.verify.stage import report_for

    briefs = sorted((Path(__file__).resolve().parents[1] / "tests" / "golden" / "briefs").glob("*.txt"))
    articles = [write(p.read_text(encoding="utf-8")) for p in briefs]
    c0, n = time.process_time(), 0
    for a in articles:
        n += report_for(a, a.facts).summary.sentences
    return n, time.process_time() - c0


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N items of each dataset")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (figures are per CPU second either way)")
    ap.add_argument("--articles", action="store_true", help="only time whole-article checks (golden briefs)")
    ap.add_argument("--judge", default=None, help="ask this engine's judge about borderline statements (e.g. local)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args(list(argv) if argv is not None else None)
    t = time.process_time()
    spacy_pipeline()
    load_s = time.process_time() - t
    if args.articles:
        n, cpu = article_speed()
        print(f"# whole articles: {n} sentences in {cpu:.2f} CPU s = {n / cpu:.1f} sentences per CPU second")
        return
    print(f"# {platform.node()} {platform.machine()} Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
    print(
        f"# model loading (spaCy {'' if spacy_pipeline() else 'MISSING '}pipeline): {load_s:.2f} CPU s; sent/s below "
        "is per CPU second"
    )
    header = (f"{'dataset':16} {'n':>5} {'unsup':>5} | {'BA op':>6} {'F1 op':>6} | {'BA tuned':>8} {'thr':>5} | "
              f"{'BA 5-fold':>9} {'F1 5-fold':>9} | {'span P/R/F1':>17} | {'sent/s':>6} | published (target)")
    print(header)
    print("-" * len(header))
    rows = []
    for name in args.only or DATASETS:
        path = args.data / f"{name}.dev.jsonl"
        if not path.exists():
            print(f"{name:16} missing: {path}")
            continue
        row = evaluate(name, load(path, args.limit), args.folds, args.jobs, args.judge)
        rows.append(row)
        spans = "/".join(f"{x:.1f}" for x in row["spans"]) if row["spans"] else "-"
        published, target = PUBLISHED.get(name, ("n/a", None))
        print(
            f"{name:16} {row['n']:>5} {row['unsupported']:>5} | {row['ba_operating']:6.1f} {row['f1_operating']:6.1f} "
            "| "
            f"{row['ba_tuned']:8.1f} {row['threshold']:5.2f} | {row['ba_cv']:9.1f} {row['f1_cv']:9.1f} | {spans:>17} | "
            f"{row['sent_per_s']:6.1f} | {published}"
            + (f" ({target})" if target else "")
            + (f" | judge: {row['judge_calls']} calls, {row['judge_seconds']:.0f} s" if args.judge else ""),
            flush=True,
        )
    if rows:
        print("# balanced accuracy at fixed operating points (one threshold for all data):")
        print(f"# {'dataset':16} " + " ".join(f"{t:>6.2f}" for t in SWEEP))
        for r in rows:
            print(f"# {r['dataset']:16} " + " ".join(f"{r['sweep'][f'{t:.2f}']:6.1f}" for t in SWEEP))
        print(
            f"# {'mean':16} " + " ".join(f"{statistics.mean(r['sweep'][f'{t:.2f}'] for r in rows):6.1f}" for t in SWEEP)
        )
    peak_mb = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    total_s = sum(r["sentences"] for r in rows)
    total_t = sum(r["seconds"] for r in rows)
    print(
        f"# all checks but the judge: {total_s} sentences in {total_t:.1f} CPU s = "
        f"{total_s / total_t if total_t else 0:.1f} "
        "sentences per CPU second, one core (reading and indexing each item's source included); peak memory "
        f"{peak_mb:.0f} MB"
    )
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "peak_mb": peak_mb, "load_s": load_s}, indent=2))


if __name__ == "__main__":
    main()
