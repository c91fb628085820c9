"""What every subcommand prints: one JSON object, or sentences in the chosen language."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from assistant.errors import AssistantError, Problem
from assistant.exit_codes import EXIT_USAGE
from assistant.messages import text


def print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def usage_error(args: argparse.Namespace, error: AssistantError) -> int:
    """Bad input (exit 2): see :func:`report_error`."""
    return report_error(args, error, EXIT_USAGE)


def report_error(args: argparse.Namespace, error: AssistantError, status: int) -> int:
    """The message in the user's language (stderr), or the code, its parameters and the
    message as one JSON object under --json; returns ``status``."""
    message = text(error, args.lang)
    if getattr(args, "json", False):
        print_json({"schema": 1, "error": error.code, "params": _jsonable(error.params),
                    "message": message})
    else:
        print(message, file=sys.stderr)
    return status


def _jsonable(params: Any) -> dict[str, Any]:
    """JSON values; a phrase of the catalogue (a Problem) as its stable code."""
    return {k: v if isinstance(v, (str, int, float, bool, type(None)))
            else v.code if isinstance(v, Problem) else str(v)
            for k, v in dict(params).items()}
