"""What a client writer did (or, under dry-run, would do): shared by every client."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import Problem


@dataclass
class ApplyReport:
    """Result of writing an account into a mail client.

    ``changes`` are human-readable lines ("pref key: old → new"); they never hold a password,
    because no writer ever receives one. ``warnings`` say what the client's format could not
    express (turned into sentences by the catalogue).
    """

    client: str
    target: Path
    backup: Path | None
    changes: list[str] = field(default_factory=list)
    updated_existing: bool = False
    files_written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # Thunderbird's own stores (clients/thunderbird/handover.py): never the secret itself.
    password_saved: bool = False
    certificate_overrides: list[str] = field(default_factory=list)  # "host:port AB:CD:…"
    profile_name: str | None = None  # the member's name in profiles.ini (shared PC)
    launcher: str | None = None  # her shortcut to Thunderbird on that profile (shared PC)
