"""The message catalogue: complete, consistent, and covering every code the core raises."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import assistant.messages as messages_package
from assistant.errors import ProfileError, ValidationError
from assistant.messages import LANGS, catalogue, placeholders, text

ROOT = Path(__file__).resolve().parents[2] / "assistant"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+")
ENTRIES = sorted(catalogue().items())
ERROR_BASES = {"AssistantError", "ValidationError", "ProfileError", "Problem"}


def area_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.iter_modules(messages_package.__path__))


def test_catalogue_has_entries_from_every_area() -> None:
    assert len(area_modules()) >= 3
    for name in area_modules():
        module = importlib.import_module(f"assistant.messages.{name}")
        assert module.MESSAGES, name
        assert set(module.MESSAGES) <= set(catalogue())


@pytest.mark.parametrize("name", area_modules())
def test_area_module_literal_has_no_duplicate_codes(name: str) -> None:
    """A repeated key in a dict literal silently replaces the first: catch it in the source."""
    tree = ast.parse((ROOT / "messages" / f"{name}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys
                    if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            duplicates = {k for k in keys if keys.count(k) > 1}
            assert not duplicates, f"{name}: {sorted(duplicates)}"


def test_no_code_is_defined_in_two_areas() -> None:
    seen: dict[str, str] = {}
    for name in area_modules():
        module = importlib.import_module(f"assistant.messages.{name}")
        for code in module.MESSAGES:
            assert code not in seen, f"{code} in {seen.get(code)} and {name}"
            seen[code] = name


@pytest.mark.parametrize(("code", "pair"), ENTRIES, ids=[code for code, _ in ENTRIES])
def test_entry_is_complete_and_consistent(code: str, pair: tuple[str, str]) -> None:
    assert CODE.fullmatch(code), code
    assert isinstance(pair, tuple)
    assert len(pair) == len(LANGS)
    japanese, english = pair
    assert japanese.strip()
    assert english.strip()
    assert JAPANESE.search(japanese), "the Japanese entry has no Japanese characters"
    assert placeholders(japanese) == placeholders(english)
    for template in pair:
        fields = [field for _, field, _, _ in string.Formatter().parse(template)
                  if field is not None]
        assert all(field.isidentifier() for field in fields), fields  # named, not {} or {0}
        values = {name: f"<{name}>" for name in placeholders(template)}
        rendered = template.format_map(values)
        assert "{" not in rendered
        assert "}" not in rendered


def test_text_uses_the_requested_language() -> None:
    error = ValidationError("port.out_of_range", field="port", value=70000)
    assert "70000" in text(error, "ja")
    assert "70000" in text(error, "en")
    assert JAPANESE.search(text(error, "ja"))
    assert not JAPANESE.search(text(error, "en"))
    assert text(error) == text(error, "ja")


def test_profile_messages_wrap_every_settings_message() -> None:
    from assistant.messages.settings import MESSAGES as settings_messages

    for code in settings_messages:
        assert f"profile.invalid.{code}" in catalogue()
    error = ProfileError("profile.invalid.port.out_of_range", source="a.mailsetup",
                         key="incoming[2].port", value=0)
    assert text(error, "en").startswith("In the settings profile a.mailsetup, 'incoming[2].port'")


# --- every code raised in the source is in the catalogue ----------------------------------

def _error_classes(trees: list[ast.Module]) -> set[str]:
    """The error classes, and every class in assistant/ derived from one that keeps its
    ``(code, **params)`` signature (a class defining ``__init__`` takes other arguments)."""
    names = set(ERROR_BASES)
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if (isinstance(node, ast.ClassDef) and node.name not in names
                        and any(_name(base) in names for base in node.bases)
                        and not any(isinstance(item, ast.FunctionDef)
                                    and item.name == "__init__" for item in node.body)):
                    names.add(node.name)
                    grew = True
    return names


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _imports_text(tree: ast.Module) -> set[str]:
    """Local names under which a module imported assistant.messages.text."""
    return {alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "assistant.messages"
            for alias in node.names if alias.name == "text"}


def _code_argument(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((kw.value for kw in call.keywords if kw.arg == "code"), None)


def raised_codes() -> Iterator[tuple[str, int, str, bool]]:
    """(file, line, code or prefix, is_prefix) for every literal code given to an error."""
    sources = sorted(ROOT.rglob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sources]
    classes = _error_classes(trees)
    for path, tree in zip(sources, trees, strict=True):
        callees = classes | _imports_text(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in callees):
                continue
            if _name(node.func) not in classes and not isinstance(node.func, ast.Name):
                continue  # e.g. some_object.text(...): not the catalogue's text
            argument = _code_argument(node)
            where = str(path.relative_to(ROOT.parent))
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield where, node.lineno, argument.value, False
            elif (isinstance(argument, ast.JoinedStr) and argument.values
                  and isinstance(argument.values[0], ast.Constant)):
                yield where, node.lineno, str(argument.values[0].value), True


def test_source_scan_finds_the_known_raises() -> None:
    found = {code for _, _, code, _ in raised_codes()}
    assert {"email.missing_at", "profile.secret_key", "profile.invalid."} <= found


def test_every_raised_code_is_in_the_catalogue() -> None:
    codes = catalogue()
    missing = [
        f"{where}:{line}: {code}{'*' if prefix else ''}"
        for where, line, code, prefix in raised_codes()
        if not (any(c.startswith(code) for c in codes) if prefix else code in codes)
    ]
    assert not missing, "codes without a catalogue entry:\n" + "\n".join(missing)
