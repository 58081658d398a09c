"""What the commands share: exit codes, the ``--debug`` flag, reading an input, writing the output.

``briefpress.cli`` and every module of ``briefpress.commands`` import these from here, so no
command module imports the group that loads it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import InputError, UsageError
from ..fileio import atomic_write
from ..ingest import read_bytes
from ..limits import MAX_INPUT_BYTES

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_FINDINGS = 0, 1, 2, 3


def debug_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--debug", is_flag=True, help="Show tracebacks for errors.")(func)


def read_input(path: str) -> tuple[str, bytes]:
    """A file path or '-' for standard input, as (name, bytes); a file or stream over the input
    limit is refused without reading the whole of it."""
    if path == "-":
        if sys.stdin.isatty():
            raise InputError("no brief on standard input; pipe one in or give a file path")
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return read_bytes("-", stdin=data)
    return read_bytes(path)


def check_output(output: str | None) -> None:
    """Refuse an ``-o`` that cannot be written before any work is done for it."""
    if output is None or output == "-":
        return
    target = Path(output)
    if target.is_dir():
        raise UsageError(f"-o {output} is a folder; give a file name such as {output.rstrip('/')}/article.html")
    if not target.parent.exists():
        raise UsageError(f"-o {output}: folder {target.parent} does not exist; create it first")


def write_output(text: str, output: str | None) -> None:
    """Print, or write atomically: a crash never leaves a half-written file behind."""
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    check_output(output)
    atomic_write(Path(output), text)


__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "check_output", "debug_option", "read_input",
           "write_output"]
