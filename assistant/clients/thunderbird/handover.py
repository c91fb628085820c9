"""Handing the account over complete: the proven password and the verified pins go into the
profile's own stores, so that Thunderbird asks nothing and shows no certificate dialog.

The GUI and the CLI describe what they want with :class:`Handover` and pass it to
:func:`assistant.clients.thunderbird.apply_account`; the result lands in the
:class:`~assistant.clients.report.ApplyReport` (``password_saved``,
``certificate_overrides``). Everything here runs under the profile lock, after prefs.js.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.cert_override import Override, make_override, write_overrides
from assistant.clients.thunderbird.logins import Login, origin_for, store_logins
from assistant.errors import AssistantError, Problem, ValidationError
from assistant.login.result import LoginResult
from assistant.secret import Secret
from assistant.settings import Account, AuthMethod, Server


@dataclass(frozen=True)
class Handover:
    """What to hand over besides the prefs.

    ``password``: the password the login check has just accepted, given only with the
    member's consent (the checkbox 「このパソコンにパスワードを保存する」, ``--save-password``);
    None stores nothing. ``pins``: (host, port) → the SHA-256 fingerprint the assistant
    verified and the member or the church pinned. ``shared_pc``: a member profile on a
    shared PC (no password, no mail bodies on disk).
    """

    password: Secret | None = None
    pins: Mapping[tuple[str, int], str] = field(default_factory=dict)
    shared_pc: bool = False

    def __post_init__(self) -> None:
        if self.shared_pc and self.password is not None:
            raise ValidationError("shared_pc.no_password", field="save_password")


def pins_from_login(results: Iterable[LoginResult]) -> dict[tuple[str, int], str]:
    """(host, port) → fingerprint of each login check that got in only because of its pin:
    what the wizard passes as :attr:`Handover.pins` after its login page."""
    pins = {}
    for result in results:
        for note in result.notes:
            if note.code == "login.note_certificate_pinned":
                pins[result.server.host, result.server.port] = str(note.params["fingerprint"])
    return pins


def logins_for(account: Account) -> list[Login]:
    """The password-store entries Thunderbird 153 will look up for this account."""
    logins = [Login(origin_for(account.incoming), account.login_name)]
    if account.outgoing.auth is not AuthMethod.NONE:
        logins.append(Login(origin_for(account.outgoing), account.login_name))
    return logins


def overrides_for(account: Account, pins: Mapping[tuple[str, int], str]) -> list[Override]:
    """One override per server of the account that has a pin (nothing for other servers)."""
    servers: list[Server] = [account.incoming, account.outgoing]
    wanted = {(h.lower(), p): fp for (h, p), fp in pins.items()}
    return [make_override(s.host, s.port, wanted[s.host.lower(), s.port])
            for s in servers if (s.host.lower(), s.port) in wanted]


# The password is then simply not stored (Thunderbird will ask once): a warning, not a failure.
NOT_STORED = ("thunderbird.primary_password", "thunderbird.nss_missing",
              "thunderbird.nss_failed")


def hand_over(profile: Path, account: Account, handover: Handover, report: ApplyReport) -> None:
    """Write the overrides, then the password; a primary password (or no usable NSS) becomes
    a warning in the report (``password_saved`` stays False), any other failure raises."""
    overrides = write_overrides(profile, overrides_for(account, handover.pins))
    report.certificate_overrides = [f"{o.host}:{o.port} {o.fingerprint}" for o in overrides]
    if overrides:
        report.files_written.append(profile / "cert_override.txt")
    if handover.password is None:
        return
    try:
        store_logins(profile, logins_for(account), handover.password)
    except AssistantError as exc:
        if exc.code not in NOT_STORED:
            raise
        report.warnings.append(Problem(exc.code, dict(exc.params)))
        return
    report.password_saved = True
    report.files_written.append(profile / "logins.json")
