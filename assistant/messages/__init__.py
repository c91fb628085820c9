"""The one catalogue that turns error and result codes into Japanese or English sentences.

Each area of the core keeps its entries in its own module below this package (so that work on
one area does not touch another's file); :func:`text` looks a code up across all of them.
Entries are ``code: (japanese, english)`` with ``str.format`` placeholders named after the
:class:`~assistant.errors.Problem` parameters; a parameter that is a Problem is rendered in the
same language first.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

from assistant.errors import AssistantError, Problem

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """All entries of every area module, checked for duplicate codes."""
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        entries: Mapping[str, tuple[str, str]] = module.MESSAGES
        for code, pair in entries.items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} defined twice ({info.name})")
            merged[code] = pair
    return merged


def placeholders(template: str) -> set[str]:
    """The named fields a template uses (the tests require ja and en to agree)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def text(item: Problem | AssistantError | str, lang: str = "ja", **params: Any) -> str:
    """The sentence for a problem, an error or a bare code, in ``lang`` (ja unless en)."""
    if isinstance(item, AssistantError):
        item = item.problem
    if isinstance(item, Problem):
        code, values = item.code, {**item.params, **params}
    else:
        code, values = item, params
    pair = catalogue().get(code)
    if pair is None:
        # An unknown code is a bug, but the user still gets something to report.
        return f"[{code}]"
    template = pair[1] if lang == "en" else pair[0]
    # A parameter that is itself a Problem is a phrase of the catalogue (net.step.*).
    values = {k: text(v, lang) if isinstance(v, Problem) else v for k, v in values.items()}
    return template.format_map(_Lenient(values))
