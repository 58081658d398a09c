"""``briefpress audit``: check any article, sentence by sentence, against its sources, and run
the SEO and readability checks on it (``briefpress.audit``)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from ..errors import UsageError
from .common import EXIT_FINDINGS, check_output, debug_option, read_input, write_output

if TYPE_CHECKING:
    from ..article_audit import AuditResult

FORMATS = ("json", "table", "html")


@click.command("audit")
@click.argument("article_path", metavar="ARTICLE|-")
@click.option("--source", "sources", multiple=True, metavar="FILE",
              help="A source the article must rest on (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True, help="json, table or html.")
@click.option("--judge", metavar="ENGINE", help="Ask this engine about borderline statements (e.g. local, openai).")
@click.option("--fail-on", "fail_on", type=click.Choice(["unsupported"]),
              help="Exit 3 when any sentence is unsupported or contradicted.")
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--keyphrase", help="Focus keyphrase for the SEO checks (default: the article's own, if it names one).")
@debug_option
def command(article_path: str, sources: tuple[str, ...], fmt: str, judge: str | None, fail_on: str | None,
            output: str | None, keyphrase: str | None, debug: bool) -> None:
    """Check every sentence of ARTICLE (text, Markdown, HTML or briefpress JSON) against the sources."""
    from ..article_audit import audit

    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    if not sources:
        raise UsageError("give at least one --source FILE: the material the article must rest on")
    check_output(output)
    name, data = read_input(article_path)
    named = [read_input(path) for path in sources]
    result = audit(data, named, judge=judge, article_name=name, keyphrase=keyphrase or "")
    write_output(render(result, fmt, name), output)
    if fail_on == "unsupported" and result.failed:
        # sys.exit, not click's Exit: the group runs click outside standalone mode, which returns Exit's code.
        sys.exit(EXIT_FINDINGS)


def render(result: AuditResult, fmt: str, name: str) -> str:
    """The audit as ``fmt``: the JSON report, an HTML page, or a table for the terminal."""
    from ..seo.render import html_section as seo_html
    from ..seo.render import table as seo_table
    from ..verify.render import html_page, table

    if fmt == "json":
        return json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        page = html_page(result.grounding, title=f"Grounding report: {name}")
        return page.replace("</body>", seo_html(result.seo) + "\n</body>", 1)
    return table(result.grounding) + seo_table(result.seo)
