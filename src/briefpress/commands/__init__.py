"""CLI commands beyond ``write`` and ``engines``, one module each, each defining ``command``.

``briefpress.cli`` adds every module named in ``COMMAND_MODULES``; a module whose optional
dependencies are missing still registers, and fails with a one-line install hint when run.
"""

COMMAND_MODULES: tuple[str, ...] = ("serve", "keys", "batch", "audit", "archive")
