"""Account and server settings, their validation and the normalisation of typed input.

Japanese users type addresses through an IME: full-width ＠ and letters, ideographic spaces,
。 for a dot, ー for a hyphen. Everything here turns such input into the form the wire needs
(ASCII, IDNA A-labels for domains) and keeps the Unicode form for display. Invalid input raises
:class:`~assistant.errors.ValidationError` with a stable code and the offending field; it never
holds a password (passwords are not part of these settings at all).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from assistant.errors import ValidationError

if TYPE_CHECKING:
    import idna


class Protocol(StrEnum):
    IMAP = "imap"
    POP3 = "pop3"
    SMTP = "smtp"


class Security(StrEnum):
    """What protects the connection: implicit TLS, an upgrade with STARTTLS/STLS, or nothing."""

    TLS = "tls"
    STARTTLS = "starttls"
    NONE = "none"


class AuthMethod(StrEnum):
    """How the password is presented (names as in Mozilla autoconfig)."""

    PASSWORD_CLEARTEXT = "password-cleartext"  # noqa: S105 — PLAIN/LOGIN/USER+PASS, protected by TLS
    PASSWORD_ENCRYPTED = "password-encrypted"  # noqa: S105 — CRAM-MD5: the password itself never travels
    NONE = "none"  # SMTP without authentication: recorded when seen, never recommended


class LoginRule(StrEnum):
    """How a member's login name follows from the address (a profile setting)."""

    ADDRESS = "address"
    LOCAL_PART = "local-part"
    ASK = "ask"


INCOMING_PROTOCOLS = (Protocol.IMAP, Protocol.POP3)

DEFAULT_PORTS: dict[tuple[Protocol, Security], int] = {
    (Protocol.IMAP, Security.TLS): 993,
    (Protocol.IMAP, Security.STARTTLS): 143,
    (Protocol.IMAP, Security.NONE): 143,
    (Protocol.POP3, Security.TLS): 995,
    (Protocol.POP3, Security.STARTTLS): 110,
    (Protocol.POP3, Security.NONE): 110,
    (Protocol.SMTP, Security.TLS): 465,
    (Protocol.SMTP, Security.STARTTLS): 587,
    (Protocol.SMTP, Security.NONE): 587,
}

MAX_ADDRESS = 254
MAX_LOCAL_PART = 64
MAX_HOST = 253
MAX_LABEL = 63
MAX_NAME = 200
MAX_LOGIN = 256
MAX_POP_DAYS = 3650

# Characters an IME produces where the user meant an ASCII hyphen (長音符, dashes, minus).
IME_DASHES = dict.fromkeys(map(ord, "ー－‐‑‒–—―−ｰ"), "-")
# Invisible characters that slip in when copying from web pages or documents.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_ASCII_LABEL = re.compile(r"[A-Za-z0-9-]+")
# A lower-case ASCII label that UTS 46 / IDNA 2008 leaves exactly as it is: letters, digits and
# inner hyphens, at most 63, no "--" in places 3-4 (reserved for "xn--" A-labels).
_PLAIN_LABEL = re.compile(r"(?!..--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def clean_typed(text: str) -> str:
    """Invisible characters removed, NFKC, every kind of space made ASCII, ends stripped.

    Removing first keeps the result stable: NFKC must see the characters that remain.
    """
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    text = "".join(" " if ch.isspace() else ch for ch in text)
    return text.strip()


def _fix_dashes_if_ascii(part: str) -> str:
    """Replace IME dashes by ``-`` where the rest of the text is ASCII (what the user meant)."""
    fixed = part.translate(IME_DASHES)
    return fixed if fixed.isascii() else part


@dataclass(frozen=True)
class Domain:
    """A mail domain or host name: ``ascii`` for the wire (A-labels), ``unicode`` for people."""

    ascii: str
    unicode: str

    def __str__(self) -> str:
        return self.ascii


def parse_domain(text: str, field_name: str = "domain") -> Domain:
    """Normalise a typed domain (IDN per UTS 46, trailing dot dropped); two labels at least."""
    cleaned = clean_typed(text)
    if not cleaned:
        raise ValidationError("domain.empty", field=field_name)
    if " " in cleaned:
        raise ValidationError("domain.contains_space", field=field_name, value=cleaned)
    typed = re.split(r"[.。｡．]", cleaned)
    if typed and typed[-1] == "":
        typed.pop()  # a trailing dot names the same domain
    if any(label == "" for label in typed):
        raise ValidationError("domain.empty_label", field=field_name, value=cleaned)
    labels = [_fix_dashes_if_ascii(label) for label in typed]
    joined = ".".join(labels)
    if is_plain_ascii_name(joined.lower()):
        # The usual name: idna would return it lower-cased and unchanged. Its tables take
        # ~2 ms to load, on the way to the wizard's first page (which reads the profile).
        ascii_form = unicode_form = joined.lower()
    else:
        import idna

        ascii_form, joined = _idna_domain(labels, typed, field_name)
        unicode_form = idna.decode(ascii_form)
    if len(ascii_form) > MAX_HOST:
        raise ValidationError("domain.too_long", field=field_name, max=MAX_HOST)
    if any(len(label) > MAX_LABEL for label in ascii_form.split(".")):
        raise ValidationError("domain.invalid_label", field=field_name, value=joined)
    if "." not in ascii_form:
        raise ValidationError("domain.not_qualified", field=field_name, value=joined)
    if re.fullmatch(r"[0-9]+", ascii_form.rsplit(".", 1)[1]):
        raise ValidationError("domain.invalid", field=field_name, value=joined)
    return Domain(ascii_form, unicode_form)


def is_plain_ascii_name(name: str) -> bool:
    """True for a lower-case name of letters, digits and inner hyphens without A-labels: IDNA
    processing leaves each of its labels unchanged (it may still be too long as a whole)."""
    return name.isascii() and all(_PLAIN_LABEL.fullmatch(label) for label in name.split("."))


def _idna_domain(labels: list[str], typed: list[str], field_name: str) -> tuple[str, str]:
    """A name that is not plain (:func:`is_plain_ascii_name`: Unicode, A-labels, or ASCII that
    IDNA may refuse), mapped per UTS 46: (its lower-case A-label form, the text it came from:
    the labels with IME dashes fixed, else as typed)."""
    import idna

    joined = ".".join(labels)
    try:
        return _idna_ascii(joined).lower(), joined
    except idna.IDNAError as exc:
        if labels != typed:
            # "aー.jp" is a valid IDN as typed: the ー was meant, not a hyphen.
            try:
                joined = ".".join(typed)
                return _idna_ascii(joined).lower(), joined
            except idna.IDNAError:
                raise _domain_error(exc, labels, joined, field_name) from None
        raise _domain_error(exc, labels, joined, field_name) from None


def _idna_ascii(name: str) -> str:
    import idna

    return idna.encode(name, uts46=True, transitional=False).decode("ascii")


def _domain_error(
    exc: idna.IDNAError, labels: list[str], joined: str, field_name: str
) -> ValidationError:
    """Say which rule a domain broke, so the member knows what to correct."""
    if str(exc) == "Domain too long":
        return ValidationError("domain.too_long", field=field_name, max=MAX_HOST)
    if joined.isascii() and all(_ASCII_LABEL.fullmatch(label) for label in labels):
        # idna refuses e.g. labels starting with "-".
        return ValidationError("domain.invalid_label", field=field_name, value=joined)
    return ValidationError("domain.invalid", field=field_name, value=joined)


@dataclass(frozen=True)
class EmailAddress:
    """An address with an ASCII local part; the domain in both forms."""

    local: str
    domain: Domain

    @property
    def ascii(self) -> str:
        return f"{self.local}@{self.domain.ascii}"

    @property
    def display(self) -> str:
        return f"{self.local}@{self.domain.unicode}"

    def __str__(self) -> str:
        return self.ascii


def parse_email(text: str) -> EmailAddress:
    """Normalise what a member typed as their address, or say precisely what is wrong."""
    cleaned = clean_typed(text)
    if not cleaned:
        raise ValidationError("email.empty", field="email")
    if " " in cleaned:
        raise ValidationError("email.contains_space", field="email", value=cleaned)
    if "@" not in cleaned:
        raise ValidationError("email.missing_at", field="email", value=cleaned)
    if cleaned.count("@") > 1:
        raise ValidationError("email.several_at", field="email", value=cleaned)
    local, domain_text = cleaned.split("@")
    local = _fix_dashes_if_ascii(local)
    if not local:
        raise ValidationError("email.empty_local_part", field="email", value=cleaned)
    if not domain_text:
        raise ValidationError("email.empty_domain", field="email", value=cleaned)
    if not local.isascii():
        raise ValidationError("email.local_part_not_ascii", field="email", value=local)
    if len(local) > MAX_LOCAL_PART:
        raise ValidationError("email.local_part_too_long", field="email", max=MAX_LOCAL_PART)
    if not all(_ATEXT.fullmatch(atom) for atom in local.split(".")):
        raise ValidationError("email.invalid_local_part", field="email", value=local)
    domain = parse_domain(domain_text, field_name="email")
    address = EmailAddress(local, domain)
    if len(address.ascii) > MAX_ADDRESS:
        raise ValidationError("email.too_long", field="email", max=MAX_ADDRESS)
    return address


def parse_host(text: str, field_name: str = "host") -> Domain:
    """A server: a host name (IDN allowed) or an IP literal, ``[v6]`` brackets optional."""
    cleaned = clean_typed(text)
    literal = cleaned[1:-1] if cleaned.startswith("[") and cleaned.endswith("]") else cleaned
    try:
        address = ipaddress.ip_address(literal)
    except ValueError:
        return parse_domain(cleaned, field_name=field_name)
    return Domain(str(address), str(address))


def parse_port(value: str | int, field_name: str = "port") -> int:
    text = clean_typed(str(value))
    # NFKC has made full-width digits ASCII; other scripts' digits (፩, ²) are no port.
    if not re.fullmatch(r"[0-9]{1,5}", text):
        raise ValidationError("port.not_a_number", field=field_name, value=text)
    port = int(text)
    if not 1 <= port <= 65535:
        raise ValidationError("port.out_of_range", field=field_name, value=port)
    return port


def parse_display_name(text: str) -> str:
    """A sender name as people write it: NFC, one space between words, no control characters."""
    name = " ".join(unicodedata.normalize("NFC", text.translate(_INVISIBLE)).split())
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise ValidationError("name.control_character", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError("name.too_long", field="name", max=MAX_NAME)
    return name


def parse_login(text: str) -> str:
    """A login name: NFKC like the address (IME input), no spaces or control characters."""
    login = clean_typed(text)
    if not login:
        raise ValidationError("login.empty", field="login")
    if any(ch == " " or unicodedata.category(ch) in ("Cc", "Cf") for ch in login):
        raise ValidationError("login.invalid_character", field="login")
    if len(login) > MAX_LOGIN:
        raise ValidationError("login.too_long", field="login", max=MAX_LOGIN)
    return login


def login_for(email: EmailAddress, rule: LoginRule) -> str | None:
    """The login a profile's rule gives for an address (None: the member must type it)."""
    if rule is LoginRule.ADDRESS:
        return email.ascii
    if rule is LoginRule.LOCAL_PART:
        return email.local
    return None


@dataclass(frozen=True)
class Server:
    """One endpoint as a client will use it. ``host`` is the wire (ASCII) form."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    auth: AuthMethod = AuthMethod.PASSWORD_CLEARTEXT

    @classmethod
    def create(
        cls,
        protocol: str,
        host: str,
        port: str | int | None,
        security: str,
        auth: str = AuthMethod.PASSWORD_CLEARTEXT,
    ) -> Server:
        """Validate each part; an omitted port becomes the protocol's standard one."""
        try:
            proto = Protocol(clean_typed(protocol).lower())
        except ValueError:
            raise ValidationError(
                "server.unknown_protocol", field="protocol", value=protocol) from None
        try:
            sec = Security(clean_typed(security).lower())
        except ValueError:
            raise ValidationError(
                "server.unknown_security", field="security", value=security) from None
        try:
            method = AuthMethod(auth)
        except ValueError:
            raise ValidationError("server.unknown_auth", field="auth", value=auth) from None
        number = DEFAULT_PORTS[(proto, sec)] if port in (None, "") else parse_port(port)
        return cls(proto, parse_host(host).ascii, number, sec, method)

    @classmethod
    def parse_spec(cls, spec: str) -> Server:
        """``PROTOCOL:HOST:PORT:SECURITY`` as on the command line (``[v6]`` in brackets)."""
        text = clean_typed(spec)
        head, sep, rest = text.partition(":")
        if not sep:
            raise ValidationError("server.bad_spec", field="spec", value=text)
        if rest.startswith("["):
            end = rest.find("]")
            if end < 0:
                raise ValidationError("server.bad_spec", field="spec", value=text)
            host, tail = rest[: end + 1], rest[end + 1 :].lstrip(":")
            parts = tail.split(":")
        else:
            pieces = rest.split(":")
            host, parts = pieces[0], pieces[1:]
        if len(parts) != 2 or not host:
            raise ValidationError("server.bad_spec", field="spec", value=text)
        return cls.create(head, host, parts[0], parts[1])

    @property
    def host_display(self) -> str:
        """The host as people read it (Unicode for IDN)."""
        if is_plain_ascii_name(self.host):
            return self.host  # no A-label: idna would give it back unchanged
        import idna

        try:
            return idna.decode(self.host)
        except idna.IDNAError:
            return self.host

    @property
    def spec(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.protocol}:{host}:{self.port}:{self.security}"

    @property
    def is_incoming(self) -> bool:
        return self.protocol in INCOMING_PROTOCOLS


@dataclass(frozen=True)
class PopOptions:
    """POP keeps a copy on the server by default: the church's WebMail and IMAP must still
    see the mail (the FAQ's coexistence point)."""

    leave_on_server: bool = True
    delete_after_days: int | None = None

    def __post_init__(self) -> None:
        days = self.delete_after_days
        if days is not None and not 1 <= days <= MAX_POP_DAYS:
            raise ValidationError("pop.days_out_of_range", field="days", max=MAX_POP_DAYS)
        if days is not None and not self.leave_on_server:
            raise ValidationError("pop.days_without_leave", field="days")


def check_server_roles(incoming: Server, outgoing: Server) -> None:
    """An account receives with POP3 or IMAP and sends with SMTP (ValidationError if not)."""
    if not incoming.is_incoming:
        raise ValidationError("account.incoming_not_incoming", value=incoming.protocol)
    if outgoing.protocol is not Protocol.SMTP:
        raise ValidationError("account.outgoing_not_smtp", value=outgoing.protocol)


@dataclass(frozen=True)
class Account:
    """Everything a client needs except the password (which is never part of settings)."""

    email: EmailAddress
    display_name: str
    login_name: str
    incoming: Server
    outgoing: Server
    pop: PopOptions = field(default_factory=PopOptions)

    def __post_init__(self) -> None:
        check_server_roles(self.incoming, self.outgoing)

    @classmethod
    def create(
        cls,
        email: str,
        display_name: str,
        incoming: Server,
        outgoing: Server,
        login_name: str | None = None,
        pop: PopOptions | None = None,
    ) -> Account:
        """Validate typed values; the login defaults to the full address."""
        address = parse_email(email)
        login = parse_login(login_name) if login_name else address.ascii
        return cls(address, parse_display_name(display_name), login, incoming, outgoing,
                   pop or PopOptions())

    def with_servers(self, incoming: Server, outgoing: Server) -> Account:
        return replace(self, incoming=incoming, outgoing=outgoing)
