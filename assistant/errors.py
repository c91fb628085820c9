"""Stable error codes with parameters.

The core never builds sentences: it raises or returns a code plus parameters, and the GUI
and CLI turn them into Japanese or English text through :mod:`assistant.messages`.
Parameters must never carry a password.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Problem:
    """A code such as ``email.missing_at`` and the values its message needs."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


class AssistantError(Exception):
    """Base of every error the core raises; carries a :class:`Problem`, not a sentence."""

    def __init__(self, code: str, **params: Any) -> None:
        self.problem = Problem(code, params)
        super().__init__(code)

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def params(self) -> Mapping[str, Any]:
        return self.problem.params

    def __str__(self) -> str:
        # Sentences come from the catalogue; the bare code keeps logs language-neutral.
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code}({details})" if details else self.code


class ValidationError(AssistantError):
    """User input or a file that does not satisfy the settings model."""


class ProfileError(AssistantError):
    """A settings profile file that cannot be read; ``params`` say where."""
