"""The command line: a thin shell over the library.

Every error becomes one line on stderr and an exit code: 0 ok, 1 internal error, 2 bad input or
usage, 3 an audit that found unsupported sentences (``--fail-on``). ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from . import __version__
from .commands import COMMAND_MODULES
from .commands.common import EXIT_INTERNAL, EXIT_USAGE, check_output, debug_option, read_input, write_output
from .errors import BriefpressError, UsageError


class _Group(click.Group):
    """Click's own usage errors print a multi-line help block; ours are one line naming the fix.

    The commands of ``briefpress.commands`` load on first use, so start-up stays fast; they import
    their shared helpers from ``briefpress.commands.common``, never from here.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES and cmd_name not in self.commands:
            module = importlib.import_module(f"briefpress.commands.{cmd_name}")
            self.add_command(module.command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv
        try:
            return super().main(args=argv, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("briefpress: interrupted; nothing was written", err=True)
            sys.exit(130)
        except click.UsageError as exc:
            hint = f" (see 'briefpress {exc.ctx.info_name if exc.ctx else ''} --help')".replace("  ", " ")
            _fail(f"{exc.format_message()}{hint}", EXIT_USAGE)
        except BriefpressError as exc:
            if debug:
                traceback.print_exc()
            _fail(exc.message, exc.exit_code)
        except KeyboardInterrupt:
            click.echo("briefpress: interrupted; nothing was written", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: one line unless --debug
            if debug:
                traceback.print_exc()
            _fail(
                f"internal error: {type(exc).__name__}: {exc}; rerun with --debug and report it",
                EXIT_INTERNAL,
            )


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"briefpress: error: {' '.join(message.split())}", err=True)
    sys.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefpress")
def cli() -> None:
    """briefpress: news briefs into grounded, search-structured articles."""


def _is_link(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def _format_choice(value: str) -> str:
    from .render import FORMATS

    if value not in FORMATS:
        raise UsageError(f"unknown format '{value}'; choose one of: {', '.join(FORMATS)}")
    return value


@cli.command()
@click.argument("input_path", metavar="INPUT|-")
@click.option("--source", "sources", multiple=True, metavar="FILE|URL",
              help="Further source material: a file, or a web page's http(s) link (repeatable).")
@click.option("--allow-private", is_flag=True, help="Fetch --source links on private or local addresses (intranet).")
@click.option("--refresh", is_flag=True, help="Fetch --source links again instead of using the page cache.")
@click.option("--archive", "use_archive", is_flag=True,
              help="Add background from the archive ('briefpress archive add'), cited and dated.")
@click.option("--db", "db_url", metavar="URL", help="The archive's store for --archive (default: as 'serve').")
@click.option("--image", "image_url", metavar="URL", help="The article's picture (with --image-alt).")
@click.option("--image-alt", metavar="TEXT", help="The picture's alt text, required with --image.")
@click.option(
    "--engine",
    default=None,
    help="Writing engine; see 'briefpress engines' "
    "(default: local once briefpress[local] is installed, else extractive).",
)
@click.option("--model", help="Model: a .gguf path or 'smollm2' (local), or a served model's name (openai).")
@click.option("--base-url", help="OpenAI-compatible server for --engine openai, e.g. http://127.0.0.1:8080/v1")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--format", "fmt", default="text", show_default=True, help="text, md, html or json.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--keyphrase", help="Focus keyphrase (default: chosen from the facts).")
@click.option("--author", help="Byline.")
@click.option("--date", help="Publication date, ISO 8601 (default: now).")
@click.option("--site-url", help="Site base URL for the canonical link, e.g. https://news.example.com")
@debug_option
def write(
    input_path: str,
    sources: tuple[str, ...],
    engine: str | None,
    model: str | None,
    base_url: str | None,
    quiet: bool,
    fmt: str,
    output: str | None,
    keyphrase: str | None,
    author: str | None,
    date: str | None,
    site_url: str | None,
    debug: bool,
    allow_private: bool = False,
    refresh: bool = False,
    use_archive: bool = False,
    db_url: str | None = None,
    image_url: str | None = None,
    image_alt: str | None = None,
) -> None:
    """Write an article package from a brief (a file, or '-' for standard input)."""
    from .engines.local import default_engine
    from .evidence import cli_sources
    from .models import Options
    from .pipeline import write as write_article
    from .progress import ProgressView
    from .render import render

    _format_choice(fmt)
    check_output(output)
    name, data = read_input(input_path)
    brief, resolved = cli_sources(name, data, [read_input(p) if not _is_link(p) else (p, p) for p in sources],
                                  allow_private=allow_private, refresh=refresh)
    engine_options = {k: v for k, v in (("model", model), ("base_url", base_url)) if v is not None}
    options = Options(engine=engine or default_engine(), keyphrase=keyphrase, author=author, date=date,
                      site_url=site_url, engine_options=engine_options, source_meta=resolved.meta,
                      archive=use_archive, archive_db=db_url, image_url=image_url, image_alt=image_alt)
    with ProgressView(enabled=not quiet and sys.stderr.isatty()) as view:
        article = write_article(brief, sources=resolved.named, options=options, brief_name=name,
                                progress=view.callback)
    write_output(render(article, fmt), output)


@cli.command()
@click.option("--model", help="Check this model instead of each engine's default.")
@click.option("--base-url", help="Check this OpenAI-compatible server (the openai engine).")
@click.option("--all", "show_all", is_flag=True, help="Also list the engines kept for tests (scripted).")
@debug_option
def engines(model: str | None, base_url: str | None, show_all: bool, debug: bool) -> None:
    """List the writing engines and their state: installed, model found, server reachable."""
    from .engines import available, get_engine
    from .engines.local import default_engine

    options = {k: v for k, v in (("model", model), ("base_url", base_url)) if v is not None}
    default = default_engine()
    for name in available(include_hidden=show_all):
        try:
            state = get_engine(name, **options).state()
            line = f"{name:12} {'ready' if state.ready else 'not ready'}  {state.detail}"
        except BriefpressError as exc:
            line = f"{name:12} not ready  {exc.message}"
        click.echo(line + ("  (default)" if name == default else ""))


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=argv)


if __name__ == "__main__":
    main()
