"""The report as a terminal table or a standalone HTML page; all article and source text escaped."""

from __future__ import annotations

import html
import io

from .report import Report

_COLOURS = {"supported": "green", "unsupported": "red", "contradicted": "magenta", "no_claim": "dim"}


def table(report: Report, width: int = 120) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    t = Table(title="Grounding report", show_lines=False)
    t.add_column("#", justify="right")
    t.add_column("verdict")
    t.add_column("sentence", overflow="fold")
    t.add_column("reasons", overflow="fold")
    for i, s in enumerate(report.sentences):
        reasons = "; ".join(f"{r.kind}: {r.detail}" for r in s.reasons)
        # Text(...) never reads markup, so brackets in an article cannot restyle the table.
        t.add_row(str(i), Text(s.verdict, style=_COLOURS[s.verdict]), Text(s.text), Text(reasons))
    console.print(t)
    m = report.summary
    console.print(Text(
        f"{m.sentences} sentences, {m.claims} claims: {m.supported} supported, {m.unsupported} unsupported, "
        f"{m.contradicted} contradicted, {m.no_claim} without a claim; {m.supported_share:.0%} of claims supported"
    ))
    for c in report.consistency:
        console.print(Text(f"inconsistent ({c.kind}) in sentences {', '.join(map(str, c.sentences))}: {c.detail}"))
    return out.getvalue()


_STYLE = (
    "body{font-family:sans-serif;margin:2rem}td{vertical-align:top;padding:.3rem;border-bottom:1px solid #ddd}\n"
    ".supported td:nth-child(2){color:#070}.unsupported td:nth-child(2){color:#b00}"
    ".contradicted td:nth-child(2){color:#909}\n"
    ".no_claim{color:#777}"
)


def html_page(report: Report, title: str = "Grounding report") -> str:
    e = html.escape
    rows = []
    for i, s in enumerate(report.sentences):
        reasons = "".join(f"<li><b>{e(r.kind)}</b> “{e(r.text)}”: {e(r.detail)}</li>" for r in s.reasons)
        evidence = "".join(f"<li>{e(ev.source)} [{ev.start}:{ev.end}] {e(ev.text)} <small>({ev.score:.2f})</small></li>"
                           for ev in s.evidence)
        rows.append(
            f'<tr class="{e(s.verdict)}"><td>{i}</td><td>{e(s.verdict)}</td><td>{e(s.text)}</td>'
            f"<td><ul>{reasons}</ul></td><td><ul>{evidence}</ul></td></tr>"
        )
    m = report.summary
    findings = "".join(f"<li>{e(c.kind)} in sentences {e(', '.join(map(str, c.sentences)))}: {e(c.detail)}</li>"
                       for c in report.consistency)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>{_STYLE}</style></head>
<body><h1>{e(title)}</h1>
<p>{m.sentences} sentences, {m.claims} claims: {m.supported} supported, {m.unsupported} unsupported,
{m.contradicted} contradicted, {m.no_claim} without a claim; {m.supported_share:.0%} of claims supported.</p>
<ul class="consistency">{findings}</ul>
<table><thead><tr><th>#</th><th>verdict</th><th>sentence</th><th>reasons</th><th>evidence</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
