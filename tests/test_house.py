"""The shape of the code: folders that show how journey works, arrows that point one way.

content feeds the journey core (events, the machine, reading answers); the plan is derived
from a journey; documents are rendered from the plan; the conversation joins them for a
person. The store and the ways in (the app, plain lines, the browser, the command line) sit
at the edges: they may use everything inside, and nothing inside uses them. Imports are read
from the source, including those made inside functions, leaving out those only for type
checkers."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "journey"

# What each folder may import from the others. Edges come last.
MAY_USE: dict[str, set[str]] = {
    "content": set(),
    "core": {"content"},
    "plan": {"content", "core"},
    "money": {"content", "core", "plan", "documents"},
    "documents": {"content", "core", "plan"},
    "conversation": {"content", "core", "plan"},
    "store": {"content", "core"},
    "plain": {"content", "core", "plan", "documents", "conversation", "store", "money"},
    "tui": {"content", "core", "plan", "documents", "conversation", "store", "money"},
    "web": {"content", "core", "plan", "documents", "conversation", "store", "money"},
    "cli": {"content", "core", "plan", "documents", "conversation", "store", "plain", "tui",
            "web", "money"},
}
TOP_LEVEL = {"__init__", "__main__"}  # the package's face and `python -m journey`


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path) -> set[str]:
    """Modules (of journey, or outside it) that a file imports when it runs."""
    found: set[str] = set()
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate) else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _exists(module: str) -> bool:
    if not module.startswith("journey."):
        return False
    rest = Path(*module.split(".")[1:])
    return (PACKAGE / rest).with_suffix(".py").is_file() or (PACKAGE / rest).is_dir()


def _graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    return {_module(p): {m for m in _imports(p) if m.startswith("journey")} for p in files}


def _folder(module: str) -> str:
    """The folder a module lives in; "" for the package's own face and __main__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in MAY_USE else ""


def test_every_module_lives_in_a_folder() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.stem not in TOP_LEVEL]
    assert not loose, f"modules outside the folders: {loose}"
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(MAY_USE)


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for node in graph:
        if node not in index:
            visit(node)
    assert not circles


def test_arrows_point_only_inward() -> None:
    wrong = []
    for module, imported in _graph().items():
        here = _folder(module)
        if here not in MAY_USE:
            continue
        for other in imported:
            there = _folder(other)
            if there and there != here and there not in MAY_USE[here]:
                wrong.append(f"{module} -> {other}")
    assert not wrong


def test_only_the_app_imports_textual() -> None:
    # web serves the app, which runs as its own process; `journey list` measures wide
    # letters with rich.cells alone, as the app measures them.
    outside = sorted(
        f"{_module(p)}: {m}" for p in PACKAGE.rglob("*.py") for m in _imports(p)
        if not _module(p).startswith("journey.tui")
        and m.split(".")[0] in {"textual", "rich"} and m != "rich.cells")
    assert not outside


def test_the_command_line_and_plain_lines_load_no_screen_code() -> None:
    code = ("import sys, journey.cli.main, journey.cli.manage, journey.plain.conversation, "
            "journey.documents.files, journey.store.interchange\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == "[]"


def test_a_fresh_start_loads_no_pydantic(tmp_path: Path) -> None:
    # All that opening journey on a new journey needs, up to the first screen's data: the
    # command line, the app's code, the content (checked once, then read back from the
    # cache), the store, the session and the plan. pydantic is for checking content that
    # changed and journeys read back from disk, never for a fresh start.
    code = (
        "import sys, pathlib\n"
        "import journey.cli.main, journey.tui.app\n"
        "from journey import content\n"
        "from journey.conversation.session import Session\n"
        "from journey.store.database import Store\n"
        "store = Store(pathlib.Path(sys.argv[1]))\n"
        "session = Session(content.default(), store, store.create())\n"
        "session.answer('Sam')\n"
        "session.plan(); session.statuses()\n"
        "print('pydantic' in sys.modules)\n")
    env = {**os.environ, "JOURNEY_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / f"home{n}")],
                           capture_output=True, text=True, check=True, env=env).stdout.strip()
            for n in range(2)]
    assert runs == ["True", "False"]  # the first run checks the content; the next need not
