"""What a login check found: a stable result code, the Problem that explains it, and details.

``result`` is one of :data:`RESULTS` (the JSON contract); ``problem`` is the finer code that
picks the sentence (e.g. ``login.smtp_no_auth`` for ``auth_not_offered`` on SMTP). Nothing
here can hold a password: the check builds results only from codes, counts, names and
server texts that went through :meth:`~assistant.secret.Secret.redact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.errors import Problem
from assistant.messages import text
from assistant.settings import Server

RESULTS = ("ok", "wrong_credentials", "auth_not_offered", "plaintext_refused", "tls_required",
           "certificate_invalid", "tls_error", "timeout", "refused", "protocol_error")

SCHEMA = 1


@dataclass
class LoginResult:
    """The outcome of :func:`assistant.login.check_login` (see docs/login.md for each code)."""

    result: str
    problem: Problem
    server: Server
    login: str
    mechanism: str | None = None
    inbox_count: int | None = None
    folders: list[str] = field(default_factory=list)
    fingerprint_sha256: str | None = None
    suggestion_login: str | None = None
    security: str | None = None  # what was established: tls|starttls|none
    notes: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.result not in RESULTS:
            raise ValueError(f"unknown login result {self.result!r}")

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    def message(self, lang: str = "ja") -> str:
        return text(self.problem, lang)

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "result": self.result,
            "code": self.problem.code,
            "mechanism": self.mechanism,
            "message": self.message(lang),
            "inbox_count": self.inbox_count,
            "folders": list(self.folders),
            "fingerprint_sha256": self.fingerprint_sha256,
            "suggestion_login": self.suggestion_login,
            "server": {
                "protocol": str(self.server.protocol),
                "host": self.server.host,
                "port": self.server.port,
                "security": str(self.server.security),
            },
            "security": self.security,
            "login": self.login,
            "notes": [{"code": n.code, "message": text(n, lang)} for n in self.notes],
        }
