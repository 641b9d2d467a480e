"""The layout's rules, checked on the source: no import cycles (function-level imports
included), and no `_private` name used across a module boundary, by the package or by tests."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "chrono"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_modules() -> dict[str, Path]:
    """Every module of the package: Python files, and Cython sources (compiled modules)."""
    return {_module_name(p): p for p in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.pyx")])}


def _import_lines(path: Path) -> ast.Module:
    """The module's import statements as Python: all of it for a .py file; for Cython source, its
    `import` / `from … import` lines (`cimport`s of C declarations import no chrono module)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".pyx":
        text = "\n".join(line.strip() for line in text.splitlines()
                         if line.strip().startswith(("import ", "from ")) and " cimport " not in line)
    return ast.parse(text)


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Package modules `path` imports anywhere in its body (a parent package's __init__ runs too)."""
    tree = _import_lines(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
            # importing chrono.tagger.engine runs chrono/tagger/__init__.py first, unless that package
            # is one the importing module lives in (already running); the root package's
            # __init__ only re-exports the public API, so it is left out
            parent = target.rpartition(".")[0]
            while parent.count(".") >= 1:
                if not name.startswith(parent + "."):
                    found.add(parent)
                parent = parent.rpartition(".")[0]
    return found


def _graph() -> dict[str, set[str]]:
    modules = _package_modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_package_has_no_import_cycle():
    """Every `import` and `from … import` of chrono/, at any depth (function bodies too)."""
    graph = _graph()
    assert len(graph) > 30
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def _private_uses(path: Path, known: set[str]) -> list[str]:
    """`from chrono.x import _name`, `import chrono.x as m; m._name`, `chrono.x._name`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _module_name(path) if path.is_relative_to(PACKAGE) else None
    aliases: dict[str, str] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("chrono"):
            for alias in node.names:
                if alias.name.startswith("_") and node.module != own:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module}.{alias.name}")
                elif f"{node.module}.{alias.name}" in known:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("chrono"):
                    aliases[alias.asname or alias.name] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            target = ast.unparse(node.value)
            module = aliases.get(target) or (target if target in known else None)
            if module and module != own:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {module}.{node.attr}")
    return found


def test_no_private_name_crosses_a_module_boundary():
    known = set(_package_modules())
    files = [*sorted(PACKAGE.rglob("*.py")), *sorted((ROOT / "tests").glob("*.py")),
             *sorted((ROOT / "tools").glob("*.py"))]
    found = [use for path in files for use in _private_uses(path, known)]
    assert found == []
