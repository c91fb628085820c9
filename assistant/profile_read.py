"""Reading a settings profile: the TOML text, then every value, strictly.

The file comes from outside (an installer, an e-mail attachment, a volunteer's editor) and its
values end up in client configurations, so nothing is guessed: unknown keys, unknown versions,
wrong types and invalid values are refused. The first problem found is raised as a
:class:`~assistant.errors.ProfileError` whose params say where: ``line``/``column`` for TOML
syntax, ``key`` (e.g. ``incoming[2].port``, positions counted from 1) for values. Keys that look
like a password are refused before anything else, and no error ever carries a key's value
unless the key is a known, non-secret field.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterator
from typing import NoReturn
from urllib.parse import urlsplit

from assistant.errors import AssistantError, ProfileError, ValidationError
from assistant.profile_model import (
    MAX_PROFILE_BYTES,
    SUPPORTED_VERSIONS,
    Contact,
    ServerPolicy,
    SettingsProfile,
    readable_host,
)
from assistant.settings import (
    IME_DASHES,
    INCOMING_PROTOCOLS,
    AuthMethod,
    Domain,
    LoginRule,
    Protocol,
    Security,
    Server,
    clean_typed,
    parse_display_name,
    parse_domain,
    parse_email,
    parse_host,
)
from assistant.signature import normalize_public_key

MAX_DOMAINS = 20
MAX_SERVERS = 10
MAX_PHONE = 40
MAX_URL = 500
MAX_NOTES = 4000

TOP_KEYS = ("format_version", "recommended_protocol", "signing_keys", "organisation", "login",
            "incoming", "outgoing", "contact", "notes", "pc")
ORGANISATION_KEYS = ("name_ja", "name_en", "domains")
SERVER_KEYS = ("protocol", "host", "port", "security", "auth", "pinned_sha256",
               "allow_plaintext")
LOGIN_KEYS = ("rule",)
CONTACT_KEYS = ("phone", "url", "email")
NOTES_KEYS = ("ja", "en")
PC_KEYS = ("shared",)
MAX_SIGNING_KEYS = 10

# Compared with key names after NFKC and case folding: any of these suggests a secret.
_SECRET_PARTS = ("pass", "pwd", "secret", "credential", "token",
                 "パスワード", "ぱすわーど", "暗証", "秘密")
_SECRET_WORDS = frozenset({"pw", "pin"})
_SURROGATE = re.compile("[\ud800-\udfff]")
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")
_PHONE = re.compile(r"[0-9+()\-. ]+")
_URL_FORBIDDEN = re.compile(r"[\s\"<>\\^`{|}]")


def parse_profile(text: str, source: str = "<profile>") -> SettingsProfile:
    """Validate a profile's text completely; raise ProfileError for its first problem."""
    document = _parse_toml(text, source)
    for name, path in _key_paths(document):
        if _looks_secret(name):
            raise ProfileError("profile.secret_key", source=source, key=path)
    return _Reader(source).read(document)


def _parse_toml(text: str, source: str) -> dict[str, object]:
    text = text.removeprefix("\ufeff")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PROFILE_BYTES:
        raise ProfileError("profile.too_large", source=source, max=MAX_PROFILE_BYTES)
    bad = _SURROGATE.search(text)
    if bad:
        raise ProfileError("profile.not_utf8", source=source, line=_line_of(text, bad.start()))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, source) from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table.
        raise ProfileError("profile.too_deep", source=source) from None


def _syntax_error(exc: tomllib.TOMLDecodeError, source: str) -> ProfileError:
    """tomllib puts the position into its message (Python 3.14 also offers attributes)."""
    message = str(exc)
    detail = _AT_END.sub("", _POSITION.sub("", message))
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    found = _POSITION.search(message)
    if found and (line is None or column is None):
        line, column = int(found[1]), int(found[2])
    if line is None or column is None:
        return ProfileError("profile.syntax_at_end", source=source, detail=detail)
    return ProfileError("profile.syntax", source=source, line=line, column=column, detail=detail)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _key_paths(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every key of the document with its path, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = _join(path, key)
            yield key, here
            yield from _key_paths(value, here)
    elif isinstance(node, list):
        for number, item in enumerate(node, 1):
            yield from _key_paths(item, f"{path}[{number}]")


def _looks_secret(key: str) -> bool:
    folded = unicodedata.normalize("NFKC", key).casefold()
    words = set(re.split(r"[^0-9a-z]+", folded))
    return any(part in folded for part in _SECRET_PARTS) or bool(words & _SECRET_WORDS)


def _join(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


class _Reader:
    """Reads the sections in document order, so the problem reported is the first one."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.organisation_ja = ""
        self.organisation_en = ""
        self.domains: tuple[Domain, ...] | None = None
        self.incoming: tuple[Server, ...] | None = None
        self.outgoing: tuple[Server, ...] | None = None
        self.recommended: Protocol | None = None
        self.login_rule: LoginRule | None = None
        self.contact = Contact()
        self.notes_ja = ""
        self.notes_en = ""
        self.signing_keys: tuple[str, ...] = ()
        self.shared_pc = False
        self.policies: list[tuple[Server, ServerPolicy]] = []

    def fail(self, code: str, key: str, **params: object) -> NoReturn:
        raise ProfileError(code, source=self.source, key=key, **params)

    def invalid(self, exc: ValidationError, key: str) -> NoReturn:
        """A settings validation error, located: ``profile.invalid.<settings code>``."""
        params = {name: value for name, value in exc.params.items() if name != "field"}
        raise ProfileError(f"profile.invalid.{exc.code}", source=self.source, key=key,
                           **params) from None

    def read(self, document: dict[str, object]) -> SettingsProfile:
        version = self.version(document)
        sections: dict[str, Callable[[object], None]] = {
            "recommended_protocol": self.read_recommended,
            "organisation": self.read_organisation,
            "login": self.read_login,
            "incoming": self.read_incoming,
            "outgoing": self.read_outgoing,
            "contact": self.read_contact,
            "notes": self.read_notes,
            "signing_keys": self.read_signing_keys,
            "pc": self.read_pc,
        }
        for key, value in document.items():
            if key == "format_version":
                continue
            if key not in sections:
                self.fail("profile.unknown_key", key, allowed=", ".join(TOP_KEYS))
            sections[key](value)
        if self.domains is None:
            self.fail("profile.missing_key", "organisation" if "organisation" not in document
                      else "organisation.domains")
        if self.incoming is None:
            self.fail("profile.missing_key", "incoming")
        if self.outgoing is None:
            self.fail("profile.missing_key", "outgoing")
        if self.login_rule is None:
            self.fail("profile.missing_key", "login" if "login" not in document else "login.rule")
        recommended = self.recommended or self.incoming[0].protocol
        if not any(server.protocol is recommended for server in self.incoming):
            self.fail("profile.recommended_not_listed", "recommended_protocol",
                      value=str(recommended))
        return SettingsProfile(
            format_version=version,
            organisation_ja=self.organisation_ja,
            organisation_en=self.organisation_en,
            domains=self.domains,
            incoming=self.incoming,
            outgoing=self.outgoing,
            recommended_protocol=recommended,
            login_rule=self.login_rule,
            contact=self.contact,
            notes_ja=self.notes_ja,
            notes_en=self.notes_en,
            signing_keys=self.signing_keys,
            shared_pc=self.shared_pc,
            policies=tuple(self.policies),
        )

    # --- value types --------------------------------------------------------------------

    def table(self, value: object, key: str, allowed: tuple[str, ...]) -> dict[str, object]:
        if not isinstance(value, dict):
            self.fail("profile.expected_table", key)
        for name in value:
            if name not in allowed:
                self.fail("profile.unknown_key", _join(key, name), allowed=", ".join(allowed))
        return value

    def text(self, value: object, key: str) -> str:
        if not isinstance(value, str):
            self.fail("profile.expected_text", key)
        return value

    def boolean(self, value: object, key: str) -> bool:
        if not isinstance(value, bool):
            self.fail("profile.expected_boolean", key)
        return value

    def integer(self, value: object, key: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail("profile.expected_integer", key)
        return value

    def items(self, value: object, key: str, maximum: int) -> list[object]:
        if not isinstance(value, list):
            self.fail("profile.expected_list", key)
        if not value:
            self.fail("profile.empty_list", key)
        if len(value) > maximum:
            self.fail("profile.too_many", key, max=maximum)
        return value

    def single_line(self, value: object, key: str) -> str:
        """A name as people write it (NFC, single spaces), through the settings rules."""
        try:
            return parse_display_name(self.text(value, key))
        except ValidationError as exc:
            self.invalid(exc, key)

    # --- sections -------------------------------------------------------------------------

    def version(self, document: dict[str, object]) -> int:
        if "format_version" not in document:
            self.fail("profile.missing_key", "format_version")
        version = self.integer(document["format_version"], "format_version")
        if version not in SUPPORTED_VERSIONS:
            self.fail("profile.unsupported_version", "format_version", value=version,
                      supported=", ".join(map(str, SUPPORTED_VERSIONS)))
        return version

    def read_recommended(self, value: object) -> None:
        key = "recommended_protocol"
        name = clean_typed(self.text(value, key)).lower()
        if name not in INCOMING_PROTOCOLS:
            self.fail("profile.bad_recommended", key, value=name)
        self.recommended = Protocol(name)

    def read_organisation(self, value: object) -> None:
        table = self.table(value, "organisation", ORGANISATION_KEYS)
        for name, item in table.items():
            key = f"organisation.{name}"
            if name == "name_ja":
                self.organisation_ja = self.single_line(item, key)
            elif name == "name_en":
                self.organisation_en = self.single_line(item, key)
            else:
                self.domains = self.read_domains(item, key)
        if not (self.organisation_ja or self.organisation_en):
            self.fail("profile.organisation_unnamed", "organisation")

    def read_domains(self, value: object, key: str) -> tuple[Domain, ...]:
        domains: list[Domain] = []
        for number, item in enumerate(self.items(value, key, MAX_DOMAINS), 1):
            here = f"{key}[{number}]"
            try:
                domain = parse_domain(self.text(item, here))
            except ValidationError as exc:
                self.invalid(exc, here)
            if domain in domains:
                self.fail("profile.duplicate", here, value=domain.unicode)
            domains.append(domain)
        return tuple(domains)

    def read_incoming(self, value: object) -> None:
        self.incoming = self.read_servers(value, "incoming")

    def read_outgoing(self, value: object) -> None:
        self.outgoing = self.read_servers(value, "outgoing")

    def read_servers(self, value: object, key: str) -> tuple[Server, ...]:
        servers: list[Server] = []
        for number, item in enumerate(self.items(value, key, MAX_SERVERS), 1):
            here = f"{key}[{number}]"
            server = self.read_server(item, here)
            if server.is_incoming != (key == "incoming"):
                code = "profile.not_incoming" if key == "incoming" else "profile.not_outgoing"
                self.fail(code, f"{here}.protocol", value=str(server.protocol))
            if server.is_incoming and server.auth is AuthMethod.NONE:
                self.fail("profile.auth_none_incoming", f"{here}.auth")
            if server in servers:
                self.fail("profile.duplicate", here, value=server.spec)
            servers.append(server)
            policy = self.read_policy(item, here, server)
            if policy != ServerPolicy():
                self.policies.append((server, policy))
        return tuple(servers)

    def read_policy(self, value: object, key: str, server: Server) -> ServerPolicy:
        """The church's pin and plaintext decision for a server already read (a table)."""
        assert isinstance(value, dict)
        pin: str | None = None
        if "pinned_sha256" in value:
            here = f"{key}.pinned_sha256"
            text = self.text(value["pinned_sha256"], here)
            # Imported here: assistant.net is not needed to start the wizard.
            from assistant.net.tls import normalize_fingerprint

            try:
                pin = normalize_fingerprint(text)
            except ValidationError:
                self.fail("profile.bad_fingerprint", here, value=text[:120])
            if server.security is Security.NONE:
                self.fail("profile.pin_without_tls", here)
        allow = False
        if "allow_plaintext" in value:
            here = f"{key}.allow_plaintext"
            allow = self.boolean(value["allow_plaintext"], here)
            if allow and server.security is not Security.NONE:
                self.fail("profile.plaintext_with_tls", here, value=str(server.security))
        return ServerPolicy(pinned_sha256=pin, allow_plaintext=allow)

    def read_server(self, value: object, key: str) -> Server:
        table = self.table(value, key, SERVER_KEYS)
        for required in ("protocol", "host", "security"):
            if required not in table:
                self.fail("profile.missing_key", f"{key}.{required}")
        port = self.integer(table["port"], f"{key}.port") if "port" in table else None
        texts = {name: self.text(table[name], f"{key}.{name}")
                 for name in ("protocol", "host", "security", "auth") if name in table}
        try:
            return Server.create(texts["protocol"], texts["host"], port, texts["security"],
                                 texts.get("auth", AuthMethod.PASSWORD_CLEARTEXT))
        except ValidationError as exc:
            self.invalid(exc, f"{key}.{exc.params.get('field', '')}")

    def read_signing_keys(self, value: object) -> None:
        key = "signing_keys"
        keys: list[str] = []
        for number, item in enumerate(self.items(value, key, MAX_SIGNING_KEYS), 1):
            here = f"{key}[{number}]"
            try:
                public = normalize_public_key(self.text(item, here))
            except AssistantError:
                self.fail("profile.bad_signing_key", here)
            if public in keys:
                self.fail("profile.duplicate", here, value=public)
            keys.append(public)
        self.signing_keys = tuple(keys)

    def read_pc(self, value: object) -> None:
        table = self.table(value, "pc", PC_KEYS)
        if "shared" in table:
            self.shared_pc = self.boolean(table["shared"], "pc.shared")

    def read_login(self, value: object) -> None:
        table = self.table(value, "login", LOGIN_KEYS)
        if "rule" in table:
            name = clean_typed(self.text(table["rule"], "login.rule")).lower()
            try:
                self.login_rule = LoginRule(name)
            except ValueError:
                self.fail("profile.unknown_login_rule", "login.rule", value=name)

    def read_contact(self, value: object) -> None:
        table = self.table(value, "contact", CONTACT_KEYS)
        phone = self.phone(table["phone"]) if "phone" in table else ""
        url = self.url(table["url"]) if "url" in table else ""
        email = self.email(table["email"]) if "email" in table else ""
        self.contact = Contact(phone=phone, url=url, email=email)

    def phone(self, value: object) -> str:
        key = "contact.phone"
        phone = clean_typed(self.text(value, key)).translate(IME_DASHES)  # after NFKC, as for hosts
        phone = " ".join(phone.split())
        if phone and (len(phone) > MAX_PHONE or not _PHONE.fullmatch(phone)
                      or not any(ch.isdigit() for ch in phone)):
            self.fail("profile.bad_phone", key, value=phone)
        return phone

    def url(self, value: object) -> str:
        key = "contact.url"
        url = clean_typed(self.text(value, key))
        if not url:
            return url
        if len(url) > MAX_URL or _URL_FORBIDDEN.search(url) or not url.isprintable():
            self.fail("profile.bad_url", key, value=url[:MAX_URL])
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            self.fail("profile.bad_url", key, value=url)
        if parts.scheme.lower() not in ("http", "https") or not host:
            self.fail("profile.bad_url", key, value=url)
        if "@" in parts.netloc:
            # https://user:secret@host/: it would be printed on every sheet and copied into
            # the exports, so it is refused, and not echoed in the message either.
            self.fail("profile.url_credentials", key)
        try:
            parse_host(host)
        except ValidationError as exc:
            self.invalid(exc, key)
        return url

    def email(self, value: object) -> str:
        key = "contact.email"
        text = self.text(value, key)
        if not clean_typed(text):
            return ""
        try:
            address = parse_email(text)
        except ValidationError as exc:
            self.invalid(exc, key)
        return f"{address.local}@{readable_host(address.domain.ascii)}"

    def read_notes(self, value: object) -> None:
        table = self.table(value, "notes", NOTES_KEYS)
        for name, item in table.items():
            key = f"notes.{name}"
            notes = self.text(item, key)
            if len(notes) > MAX_NOTES:
                self.fail("profile.text_too_long", key, max=MAX_NOTES)
            if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in notes):
                self.fail("profile.control_character", key)
            if name == "ja":
                self.notes_ja = notes
            else:
                self.notes_en = notes
