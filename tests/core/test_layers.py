"""Layers: only assistant/gui/ imports Qt or the GUI package. The command line reaches the GUI
through two named doors (the wizard, the PDF renderer), each imported inside the function that
needs it; commands take their exit statuses from assistant/exit_codes.py, never from cli.py."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

PACKAGE = ROOT / "assistant"
GUI = PACKAGE / "gui"
# (module file, what it may import from the GUI), only inside a function.
DOORS = {("assistant/cli.py", "assistant.gui.app"),
         ("assistant/commands/export.py", "assistant.gui.sheet_pdf")}
# Still to mend by another owner; each entry must still be needed (checked below).
PENDING: dict[tuple[str, str], str] = {}
_QT = ("PySide6", "shiboken6")


def _is_gui(name: str) -> bool:
    return name == "assistant.gui" or name.startswith("assistant.gui.")


def _is_qt(name: str) -> bool:
    return any(name == q or name.startswith(q + ".") for q in _QT)


def imports(source: str) -> list[tuple[str, int, bool]]:
    """Every module ``source`` imports: (name, line, at module level), including imports
    inside functions and ``importlib.import_module("…")`` with a literal name."""
    tree = ast.parse(source)
    top = {id(node) for node in tree.body}
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ast.unparse(node.func) in ("importlib.import_module", "import_module",
                                             "__import__")):
            names = [node.args[0].value]
        found += [(name, node.lineno, id(node) in top) for name in names]
    return found


def violations(relative: str, source: str) -> list[str]:
    problems: list[str] = []
    lines: set[int] = set()
    for name, line, top_level in imports(source):
        if line in lines:  # "from M import N" also yields M.N: one report per import
            continue
        before = len(problems)
        where = f"{relative}:{line}: {name}"
        if _is_qt(name):
            problems.append(f"{where} (Qt outside assistant/gui)")
        elif _is_gui(name):
            door = any(relative == f and (name == d or name.startswith(d + ".")) for f, d in DOORS)
            if not door:
                problems.append(f"{where} (the GUI package outside assistant/gui)")
            elif top_level:
                problems.append(f"{where} (a door to the GUI, imported at module level)")
        elif name.split(".")[:2] == ["assistant", "cli"] and relative != "assistant/__main__.py":
            problems.append(f"{where} (only __main__ imports the command line; exit statuses "
                            "are in assistant/exit_codes.py)")
        if len(problems) > before:
            lines.add(line)
    return problems


def core_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if GUI not in p.parents)


def test_nothing_outside_the_gui_imports_qt_or_the_gui() -> None:
    problems: list[str] = []
    still_pending: set[tuple[str, str]] = set()
    for path in core_files():
        relative = path.relative_to(ROOT).as_posix()
        for problem in violations(relative, path.read_text(encoding="utf-8")):
            pending = next((key for key in PENDING if problem.startswith(f"{key[0]}:")
                            and re.search(rf": {re.escape(key[1])}[ .]", problem)), None)
            if pending:
                still_pending.add(pending)
            else:
                problems.append(problem)
    assert not problems, "layer violations:\n" + "\n".join(problems)
    mended = PENDING.keys() - still_pending
    assert not mended, f"mended, drop from PENDING: {sorted(mended)}"


def test_importing_every_core_module_loads_neither_qt_nor_the_gui() -> None:
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for p in core_files()]
    script = ("import importlib, json, sys\n"
              f"for name in {modules!r}:\n"
              "    importlib.import_module(name)\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
              f"{list(_QT)!r} or m.startswith('assistant.gui'))))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    assert json.loads(result.stdout) == []


def test_the_checker_finds_each_kind_of_violation() -> None:
    source = ("from PySide6.QtCore import QObject\n"
              "import assistant.gui.wizard\n"
              "from assistant.cli import EXIT_OK\n"
              "def f():\n"
              "    from assistant import gui\n"
              "    importlib.import_module('assistant.gui.app')\n")
    assert violations("assistant/x.py", source) == [
        "assistant/x.py:1: PySide6.QtCore (Qt outside assistant/gui)",
        "assistant/x.py:2: assistant.gui.wizard (the GUI package outside assistant/gui)",
        "assistant/x.py:3: assistant.cli (only __main__ imports the command line; exit "
        "statuses are in assistant/exit_codes.py)",
        "assistant/x.py:5: assistant.gui (the GUI package outside assistant/gui)",
        "assistant/x.py:6: assistant.gui.app (the GUI package outside assistant/gui)",
    ]
    assert violations("assistant/cli.py", "from assistant.gui.app import run_gui\n") == [
        "assistant/cli.py:1: assistant.gui.app (a door to the GUI, imported at module level)",
    ]
