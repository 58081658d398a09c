"""The one exception tree of briefpress.

    BriefpressError            base; ``exit_code`` tells the CLI what to return
    ├── InputError             bad input from the user: exit 2
    │   ├── EmptyInputError
    │   ├── EncodingError
    │   └── InputTooLargeError
    ├── UsageError             unknown engine, format or option value: exit 2
    ├── EngineError            a writing backend failed: exit 1
    └── InternalError          a bug in briefpress: exit 1

Every message is one line and names the fix. Third-party errors are translated at the edge with
``raise ... from exc`` so the original stays on ``__cause__`` for ``--debug``.
"""

from __future__ import annotations


class BriefpressError(Exception):
    """Base of every error briefpress raises on purpose."""

    exit_code = 1
    code = "E000"

    def __init__(self, message: str) -> None:
        # One line, always: a CLI prints it as is, an HTTP API returns it as is.
        super().__init__(" ".join(message.split()))

    @property
    def message(self) -> str:
        return str(self)


class InputError(BriefpressError):
    exit_code = 2
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class EncodingError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class UsageError(BriefpressError):
    exit_code = 2
    code = "E200"


class EngineError(BriefpressError):
    exit_code = 1
    code = "E300"


class InternalError(BriefpressError):
    exit_code = 1
    code = "E900"
