"""The house: no module of `annotate` imports, even lazily, a module that imports it back, and
readers and writers know formats, not the analysis (issue 25).

Read from the source with `ast`, so every import counts, at the top or inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "annotate"
ANALYSIS = {"align", "bilingual", "dictionary", "glossary", "names", "pipeline", "plain", "polyphones", "prepare",
            "readings", "review", "rules", "segment", "translation", "variants", "batch", "inplace", "render",
            "editing", "editor"}
"""Modules that analyse text, or run the analysis (batch, inplace, render): no reader or writer imports them."""


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of `annotate` that `name` imports: `from . import x` of a module x names x, of
    anything else the package itself."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, without recursion)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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


def test_the_checker_sees_a_circle_and_a_lazy_import():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    edges = graph()
    assert "annotate.pipeline" in edges["annotate.batch"]  # imported inside a function only
    assert "annotate.readers.text" in edges["annotate.pipeline"]


def test_no_module_imports_one_that_imports_it_back():
    assert cycles(graph()) == []


def test_readers_and_writers_import_no_analysis():
    edges = graph()
    for name, imported in sorted(edges.items()):
        if name.startswith(("annotate.readers", "annotate.writers")):
            analysis = sorted(m for m in imported if m.split(".")[-1] in ANALYSIS and m.count(".") == 1)
            assert not analysis, f"{name} imports {analysis}"
