"""What a church settings profile holds (the file format itself is in profile_read/profile_write).

Kept apart from reading and writing so that the wizard, probe and exports can use the values
without the TOML machinery. A profile never holds a password: there is no field for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import ValidationError
from assistant.settings import (
    Domain,
    LoginRule,
    Protocol,
    Server,
    is_plain_ascii_name,
    parse_host,
)

PROFILE_SUFFIX = ".mailsetup"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (FORMAT_VERSION,)
MAX_PROFILE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Contact:
    """Whom a member asks for help: shown by the wizard and printed on the settings sheet."""

    phone: str = ""
    url: str = ""
    email: str = ""

    def phone_and_email(self) -> str:
        """Phone and e-mail on one line ("03-… / help@…"); empty when neither is given."""
        return " / ".join(c for c in (self.phone, self.email) if c)


@dataclass(frozen=True)
class ServerPolicy:
    """The church's own decisions about one of its servers: the wizard acts on them.

    ``pinned_sha256``: the certificate's SHA-256 fingerprint ("AB:CD:…") that the church
    vouches for although it does not verify (a self-signed server). ``allow_plaintext``: the
    church accepts that this server (``security = "none"``) receives the password unencrypted.
    """

    pinned_sha256: str | None = None
    allow_plaintext: bool = False


NO_POLICY = ServerPolicy()


@dataclass(frozen=True)
class SettingsProfile:
    """The church's mail service as its admin describes it; servers in preference order."""

    format_version: int
    organisation_ja: str
    organisation_en: str
    domains: tuple[Domain, ...]
    incoming: tuple[Server, ...]
    outgoing: tuple[Server, ...]
    recommended_protocol: Protocol
    login_rule: LoginRule
    contact: Contact
    notes_ja: str = ""
    notes_en: str = ""
    # Public keys (base64 Ed25519) whose signature makes another profile the church's word;
    # only the embedded profile's keys count (assistant.profile_trust).
    signing_keys: tuple[str, ...] = ()
    shared_pc: bool = False  # [pc] shared: the church's PCs are shared
    policies: tuple[tuple[Server, ServerPolicy], ...] = ()  # only servers with a decision

    def policy_for(self, server: Server) -> ServerPolicy:
        """The church's decisions about ``server`` (matched by protocol, host and port)."""
        for listed, policy in self.policies:
            if (listed.protocol, listed.host, listed.port) == (server.protocol, server.host,
                                                               server.port):
                return policy
        return NO_POLICY

    def servers_for(self, protocol: Protocol) -> tuple[Server, ...]:
        """The servers for one protocol, best first (as the admin listed them)."""
        return tuple(s for s in (*self.incoming, *self.outgoing) if s.protocol is protocol)

    def organisation(self, lang: str) -> str:
        """The name in ``lang``, or the other language's name when that one was left empty."""
        return in_language(lang, self.organisation_ja, self.organisation_en)

    def notes(self, lang: str) -> str:
        """The admin's notes in ``lang``, falling back to the other language."""
        return in_language(lang, self.notes_ja, self.notes_en)


def in_language(lang: str, ja: str, en: str) -> str:
    """The text in ``lang`` ("en" or Japanese), else the other one (an admin may fill one)."""
    first, second = (en, ja) if lang == "en" else (ja, en)
    return first or second


def readable_host(ascii_host: str) -> str:
    """The Unicode form of a host or domain for people, if reading it back gives the same host.

    A few valid IDN labels would not come back unchanged (a label of only ``ー`` is read as a
    mistyped hyphen), so those stay in their ASCII form.
    """
    if is_plain_ascii_name(ascii_host):
        return ascii_host  # no A-label in it: the Unicode form is the same
    import idna

    try:
        unicode = idna.decode(ascii_host)
    except idna.IDNAError:
        return ascii_host
    try:
        same = parse_host(unicode).ascii == ascii_host
    except ValidationError:
        same = False
    return unicode if same else ascii_host
