"""The layering rules of docs/ARCHITECTURE.md, checked on the source itself.

Read from the syntax tree, not by importing, so an import hidden inside a
function or an `if TYPE_CHECKING:` block counts like any other: a cycle that
only type checkers see still ties two modules together for a reader.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("db", "desktop")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    """Every module of the app: main.py and all of db/ and desktop/."""
    found = {"main": ROOT / "main.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            found[module_name(path)] = path
    return found


def imported_names(path: Path, name: str) -> set[str]:
    """Dotted names a module imports, anywhere in its body (absolute, relative resolved)."""
    is_package = path.name == "__init__.py"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.add(prefix)
            names.update(f"{prefix}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (a name that is not a module is dropped)."""
    modules = project_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {n for n in imported_names(path, name) if n in modules and n != name}
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [a, b, ..., a], or None (depth-first search)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_graph_sees_imports_inside_functions_and_type_checking_blocks(tmp_path):
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.window.main_window import MainWindow\n"
        "def later():\n"
        "    from desktop.cli import verbs\n"
        "    from . import sibling\n",
        encoding="utf-8",
    )
    names = imported_names(source, "desktop.actions.mod")
    assert "desktop.window.main_window" in names
    assert "desktop.cli.verbs" in names
    assert "desktop.actions.sibling" in names


def test_find_cycle_reports_the_circle_it_finds():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_covers_the_whole_app():
    graph = import_graph()
    assert "main" in graph and "db.search" in graph and "desktop.window.main_window" in graph
    assert "db.search" in graph["desktop.window.search_worker"]


def test_project_modules_do_not_import_each_other_in_a_circle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize("path", sorted((ROOT / "db").rglob("*.py")), ids=lambda p: p.name)
def test_db_imports_neither_qt_nor_desktop(path):
    """db/ is the Qt-free core: the command line and the tests use it without a display."""
    qt = sorted(
        n
        for n in imported_names(path, module_name(path))
        if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6"}
        or n.startswith("desktop")
    )
    assert qt == [], f"{path.name} imports {qt}"


def part_of(module: str) -> str:
    """The part a module belongs to: `desktop.window`, `desktop.views`, `db`, `main`, ..."""
    if module.startswith("desktop."):
        return ".".join(module.split(".")[:2])
    return module.split(".")[0]


def part_graph() -> dict[str, set[str]]:
    parts: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        own = part_of(module)
        parts.setdefault(own, set()).update(
            part_of(t) for t in targets if t != "desktop" and part_of(t) != own
        )
    return parts


def test_the_parts_depend_in_one_direction():
    """Not only modules: window -> actions -> dialogs -> printing -> rendering, never back."""
    cycle = find_cycle(part_graph())
    assert cycle is None, "parts import each other in a circle: " + " -> ".join(cycle or [])


def test_only_the_launcher_imports_the_window():
    """Everything below the window gets what it needs handed in (e.g. actions/api.WindowApi)."""
    importers = sorted(
        part for part, targets in part_graph().items() if "desktop.window" in targets
    )
    assert importers == ["desktop.app"]


# The same statements the project's before-stop check looks for.
SQL_STATEMENT = re.compile(
    r"(select .+ from |insert (or [a-z]+ )?into |update [a-z_]+ set |delete from )", re.IGNORECASE
)


def sql_in(path: Path) -> list[str]:
    """Lines of a module that hold a SQL statement."""
    return [
        f"{path.name}:{n}: {line.strip()}"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL_STATEMENT.search(line)
    ]


def test_the_sql_check_finds_statements_in_any_case(tmp_path):
    source = tmp_path / "mod.py"
    source.write_text(
        'a = "Select key FROM points"\nb = "insert or replace into x"\n'
        'c = "UPDATE faqs SET hidden = 1"\nd = "delete from t"\ne = "select the first row"\n',
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in sql_in(source)] == ["1", "2", "3", "4"]


def test_desktop_writes_no_sql():
    """SQL lives in db/ only: the Qt side asks db/ for row ids, rows and values."""
    found = [hit for path in sorted((ROOT / "desktop").rglob("*.py")) for hit in sql_in(path)]
    assert found == [], "SQL in desktop/:\n" + "\n".join(found)


@pytest.mark.parametrize("path", sorted((ROOT / "desktop").rglob("*.py")), ids=lambda p: p.name)
def test_desktop_does_not_reach_past_db_to_sqlite(path):
    """db/ turns SQLite's errors into FiliformError, so desktop/ never needs sqlite3."""
    assert "sqlite3" not in imported_names(path, module_name(path))
