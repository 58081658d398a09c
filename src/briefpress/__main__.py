"""``python -m briefpress``: the same command line as ``briefpress``."""

from briefpress.cli import main

main()
