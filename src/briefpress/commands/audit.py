"""``briefpress audit``: check any article, sentence by sentence, against its sources."""

from __future__ import annotations

import json
import sys

import click

from ..cli import EXIT_FINDINGS, debug_option, read_input, write_output
from ..errors import UsageError

FORMATS = ("json", "table", "html")


@click.command("audit")
@click.argument("article_path", metavar="ARTICLE|-")
@click.option("--source", "sources", multiple=True, metavar="FILE", help="A source the article must rest on (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True, help="json, table or html.")
@click.option("--judge", metavar="ENGINE", help="Ask this engine about borderline statements (e.g. local, openai).")
@click.option("--fail-on", "fail_on", type=click.Choice(["unsupported"]), help="Exit 3 when any sentence is unsupported or contradicted.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--keyphrase", help="Focus keyphrase for the SEO checks (default: the article's own, if it names one).")
@debug_option
def command(article_path: str, sources: tuple[str, ...], fmt: str, judge: str | None, fail_on: str | None,
            output: str | None, keyphrase: str | None, debug: bool) -> None:
    """Check every sentence of ARTICLE (text, Markdown, HTML or briefpress JSON) against the sources."""
    from ..verify import audit
    from ..seo import analyze_input
    from ..seo.render import html_section as seo_html
    from ..seo.render import table as seo_table
    from ..verify.render import html_page, table

    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    if not sources:
        raise UsageError("give at least one --source FILE: the material the article must rest on")
    name, data = read_input(article_path)
    named = [read_input(path) for path in sources]
    report = audit(data, named, judge=judge, article_name=name)
    seo = analyze_input(data, keyphrase or "", name=name)
    if fmt == "json":
        text = json.dumps({**report.to_json_dict(), **seo.to_dict()}, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        text = html_page(report, title=f"Grounding report: {name}").replace("</body>", seo_html(seo) + "\n</body>", 1)
    else:
        text = table(report) + seo_table(seo)
    write_output(text, output)
    if fail_on == "unsupported" and report.failed:
        # sys.exit, not click's Exit: the group runs click outside standalone mode, which returns Exit's code.
        sys.exit(EXIT_FINDINGS)
