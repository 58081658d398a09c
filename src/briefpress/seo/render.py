"""The audit's SEO and readability results as a text table and an HTML section (escaped)."""

from __future__ import annotations

import html
import io

from .result import SeoResult


def table(result: SeoResult, width: int = 120) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    for name, report in (("SEO", result.seo), ("Readability", result.readability)):
        t = Table(title=f"{name}: {report.score}/100", show_lines=False)
        t.add_column("check")
        t.add_column("score", justify="right")
        t.add_column("rating")
        t.add_column("message", overflow="fold")
        for a in report.assessments:
            t.add_row(Text(a.id), str(a.score), Text(a.rating), Text(a.message))
        console.print(t)
    insight = result.readability.extras.get("insights", {})
    if insight:
        console.print(Text(str(insight.get("message", ""))))
    console.print(Text(f"Rank Math (reported apart): {result.rankmath['score']}/100"))
    return out.getvalue()


def html_section(result: SeoResult) -> str:
    e = html.escape
    parts = ['<section class="seo-audit">']
    for name, report in (("SEO", result.seo), ("Readability", result.readability)):
        parts.append(
            f"<h2>{e(name)}: {report.score}/100</h2>"
            "<table><tr><th>check</th><th>score</th><th>rating</th><th>message</th></tr>"
        )
        for a in report.assessments:
            parts.append(
                f'<tr class="{e(a.rating)}"><td>{e(a.id)}</td><td>{a.score}</td>'
                f"<td>{e(a.rating)}</td><td>{e(a.message)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<p>Rank Math (reported apart): {result.rankmath['score']}/100</p></section>")
    return "\n".join(parts)
