"""The shape of the code: modules a newcomer reads in one sitting, functions that fit on a screen.

Every module in ``src/briefpress`` has at most 400 lines, every function or method at most 60
(from its ``def`` line to its last line), and none grades F for cyclomatic complexity in radon.
What is over a limit today is listed below with the reason; a list may only shrink: an entry
that is back within its limit (or gone) fails the test too, so it is struck off when the code
is fixed and cannot hide a new offender later.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "briefpress"
MODULE_MAX_LINES = 400
FUNCTION_MAX_LINES = 60

# Keys: the module's path below src/briefpress.
MODULE_ALLOWLIST: dict[str, str] = {}

# Keys: "<module path>::<qualified name>" (a method as Class.method, a nested function as outer.inner).
FUNCTION_ALLOWLIST: dict[str, str] = {}

# Keys as for functions; radon grades F a cyclomatic complexity over 40.
COMPLEXITY_ALLOWLIST: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _key(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method below ``tree``, with its qualified name."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + node.name, node
            yield from _functions(node, prefix + node.name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, prefix + node.name + ".")
        else:
            yield from _functions(node, prefix)


def _module_lengths() -> dict[str, int]:
    return {_key(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}


def _function_lengths() -> dict[str, int]:
    lengths = {}
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, node in _functions(tree):
            assert node.end_lineno is not None
            lengths[f"{_key(path)}::{name}"] = node.end_lineno - node.lineno + 1
    return lengths


def _grades() -> dict[str, str]:
    radon = pytest.importorskip("radon.complexity")
    found = {}

    def visit(blocks: list[Any], prefix: str, key: str) -> None:
        for block in blocks:
            name = prefix + block.name
            if hasattr(block, "methods"):  # a class: each method is judged, not the class as a whole
                visit(block.methods, name + ".", key)
                visit(block.inner_classes, name + ".", key)
                continue
            found[f"{key}::{name}"] = radon.cc_rank(block.complexity)
            visit(block.closures, name + ".", key)

    for path in _modules():
        visit(radon.cc_visit(path.read_text(encoding="utf-8")), "", _key(path))
    return found


def _check(over: dict[str, object], allowlist: dict[str, str], what: str) -> None:
    new = {k: v for k, v in over.items() if k not in allowlist}
    fixed = sorted(k for k in allowlist if k not in over)
    assert not new, f"{what}: {new}; split them (the allowlist may only shrink)"
    assert not fixed, f"no longer {what} (or gone): strike {fixed} off the allowlist in tests/test_code_shape.py"


def test_modules_are_short() -> None:
    over = {k: n for k, n in _module_lengths().items() if n > MODULE_MAX_LINES}
    _check(over, MODULE_ALLOWLIST, f"modules over {MODULE_MAX_LINES} lines")


def test_functions_are_short() -> None:
    over = {k: n for k, n in _function_lengths().items() if n > FUNCTION_MAX_LINES}
    _check(over, FUNCTION_ALLOWLIST, f"functions over {FUNCTION_MAX_LINES} lines")


def test_no_function_grades_f_in_radon() -> None:
    over = {k: grade for k, grade in _grades().items() if grade == "F"}
    _check(over, COMPLEXITY_ALLOWLIST, "functions radon grades F")
