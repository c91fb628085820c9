"""docs/cli.md is the command-line contract: its options tables must list exactly what each
command's ``--help`` lists, so a new option cannot land undocumented (nor a removed one stay)."""

from __future__ import annotations

import argparse
import contextlib
import io
import re

import pytest

from assistant import cli
from tests.paths import ROOT

DOC = ROOT / "docs" / "cli.md"
WIZARD = "wizard"  # the table of the program without a subcommand
_MARKER = re.compile(r"^<!-- options: (.+?) -->$")
# An option line of argparse's help: two spaces, then e.g. "--dns-server IP[:PORT]".
_HELP_OPTION = re.compile(r"^  (?:-\w, )?(--[a-z0-9][a-z0-9-]*(?: [^ ].*?)?)(?:  |$)")


def _subcommands(parser: argparse.ArgumentParser, path: str) -> list[str]:
    """Every command below ``parser`` as "name" or "name action" (nested subcommands)."""
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                full = f"{path} {name}".strip()
                found += [full, *_subcommands(child, full)]
    return found


def commands() -> list[str]:
    return [WIZARD, *_subcommands(cli.build_parser(), "")]


def help_options(command: str, lang: str = "ja") -> dict[str, str]:
    """Option name → how ``--help`` in ``lang`` spells it with its value (``--help`` itself
    left out); Japanese is the default, English is asked for with ``--lang en``."""
    out = io.StringIO()
    argv = ["--help"] if command == WIZARD else [*command.split(), "--help"]
    argv += ["--lang", "en"] if lang == "en" else []
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 0
    found: dict[str, str] = {}
    for line in out.getvalue().splitlines():
        match = _HELP_OPTION.match(line)
        if match:
            spelled = match.group(1).strip()
            found.setdefault(spelled.split()[0], spelled)
    found.pop("--help", None)
    return found


def doc_options(text: str) -> dict[str, set[str]]:
    """Command → the options named in the first cell of its table's rows."""
    tables: dict[str, set[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        marker = _MARKER.match(line.strip())
        if marker:
            current = marker.group(1)
            tables[current] = set()
        elif current is not None and line.startswith("|"):
            first = line.split("|")[1]
            tables[current].update(re.findall(r"`(--[a-z0-9][a-z0-9-]*)", first))
        elif current is not None and not line.strip():
            current = None if tables[current] else current  # the blank line before the table
    return tables


def differences(text: str, helps: dict[str, dict[str, str]]) -> list[str]:
    """What to change in docs/cli.md, one instruction per line."""
    tables = doc_options(text)
    todo: list[str] = []
    for command, options in helps.items():
        if command not in tables and not options:
            continue  # a command that only groups others ("profile" of "profile sign")
        if command not in tables:
            todo.append(f"add a section for `{command}` with `<!-- options: {command} -->` "
                        "followed by its options table")
            continue
        for name in sorted(options.keys() - tables[command]):
            todo.append(f"add to the table after `<!-- options: {command} -->`: "
                        f"| `{options[name]}` | what it does |")
        for name in sorted(tables[command] - options.keys()):
            todo.append(f"remove `{name}` from the table after `<!-- options: {command} -->` "
                        f"(not in the {command} --help)")
    for command in sorted(tables.keys() - helps.keys()):
        todo.append(f"remove the table `<!-- options: {command} -->`: no such command")
    return todo


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_option_of_every_command_is_in_the_doc_and_nothing_else(lang: str) -> None:
    helps = {command: help_options(command, lang) for command in commands()}
    todo = differences(DOC.read_text(encoding="utf-8"), helps)
    assert not todo, "docs/cli.md disagrees with --help:\n" + "\n".join(todo)


def test_the_comparison_names_a_missing_and_a_stale_row() -> None:
    doc = "<!-- options: probe -->\n| option | meaning |\n|---|---|\n| `--gone X` | old |\n\n"
    helps = {"probe": {"--json": "--json"}, "apply": {"--dry-run": "--dry-run"}}
    assert differences(doc, helps) == [
        "add to the table after `<!-- options: probe -->`: | `--json` | what it does |",
        "remove `--gone` from the table after `<!-- options: probe -->` (not in the probe --help)",
        "add a section for `apply` with `<!-- options: apply -->` followed by its options table",
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_lists_options_with_their_values(lang: str) -> None:
    options = help_options("check-login", lang)
    assert options["--dns-server"] == "--dns-server IP[:PORT]"
    assert options["--password-stdin"] == "--password-stdin"
    assert "--help" not in options
