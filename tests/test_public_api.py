"""The public names: what ``__all__`` promises is there, once, and importable.

``briefpress.__all__`` is kept in the order ruff's RUF022 and isort use (constants, then classes,
then functions, each alphabetical), so a reader finds a name where they expect it. Every module
of the package that declares ``__all__`` lists only names it defines or imports itself, so
``from briefpress.x import *`` never depends on which submodules happen to be loaded.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import briefpress

PACKAGE = Path(briefpress.__file__).resolve().parent


def _order(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def _declared_all(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            value = ast.literal_eval(node.value)
            return list(value)
    return None


def _bound_names(tree: ast.AST) -> set[str]:
    """The names a module's own top-level statements bind (definitions, assignments, imports),
    looking inside ``if`` and ``try`` blocks but not inside functions or classes."""
    names: set[str] = set()
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        elif isinstance(node, ast.stmt | ast.excepthandler):
            names |= _bound_names(node)
    return names


def _modules_with_all() -> list[tuple[str, ast.Module, list[str]]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        declared = _declared_all(tree)
        if declared is None:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, tree, declared))
    return found


def test_top_level_names_are_unique_and_ordered() -> None:
    names = list(briefpress.__all__)
    assert len(names) == len(set(names)), "a name is listed twice in briefpress.__all__"
    assert names == sorted(names, key=_order), "keep briefpress.__all__ in RUF022 order: CONSTANTS, Classes, functions"


@pytest.mark.parametrize("name", briefpress.__all__)
def test_top_level_name_imports(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from briefpress import {name}", namespace)
    assert namespace[name] is getattr(briefpress, name)


MODULES = _modules_with_all()


@pytest.mark.parametrize(("module", "tree", "declared"), MODULES, ids=[m[0] for m in MODULES])
def test_module_exports_only_its_own_names(module: str, tree: ast.Module, declared: list[str]) -> None:
    assert len(declared) == len(set(declared)), f"a name is listed twice in {module}.__all__"
    foreign = sorted(set(declared) - _bound_names(tree))
    assert not foreign, f"{module}.__all__ lists names the module neither defines nor imports: {foreign}"
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] == "briefpress":
            raise
        pytest.skip(f"{module} needs {exc.name}, an optional dependency that is not installed")
    missing = [name for name in declared if not hasattr(loaded, name)]
    assert not missing, f"{module}.__all__ names what it lacks: {missing}"
