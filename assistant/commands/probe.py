"""Not implemented yet: exits 2 with a clear message (a later issue fills it)."""

from __future__ import annotations

import argparse

from assistant.commands.output import not_yet_available


def run(args: argparse.Namespace) -> int:
    return not_yet_available(args)
