"""Mozilla autoconfig (``config-v1.1.xml``): fetching it for a domain, and a strict parser.

The parser refuses any DTD or entity declaration (so no entity expansion attack is possible),
decodes by the declared encoding (Shift_JIS too, as Thunderbird does), expands the address
placeholders, and returns servers in the file's order with the login their ``<username>``
names; every problem is a :class:`AutoconfigError` with a stable code, never another
exception. This reading is deliberately more forgiving than Thunderbird's (padding, case);
:mod:`assistant.discovery.thunderbird_reading` says what Thunderbird itself would do.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import quote

from assistant.consents import ConsentReason
from assistant.discovery.autoconfig_xml import MAX_XML, AutoconfigError, parse_xml
from assistant.discovery.model import Candidate, Source, SourceKind, in_domain
from assistant.discovery.thunderbird_reading import ThunderbirdVerdict, thunderbird_reading
from assistant.errors import AssistantError
from assistant.net import (
    AnyOf,
    CancelToken,
    CertificateInvalid,
    Deadline,
    NetError,
    Resolver,
    TlsPolicy,
    http_get,
)
from assistant.settings import AuthMethod, EmailAddress, Protocol, Security, Server

_LOG = logging.getLogger(__name__)

_SOCKET_TYPES = {"SSL": Security.TLS, "STARTTLS": Security.STARTTLS, "plain": Security.NONE}
_AUTH = {
    "password-cleartext": AuthMethod.PASSWORD_CLEARTEXT, "plain": AuthMethod.PASSWORD_CLEARTEXT,
    "password-encrypted": AuthMethod.PASSWORD_ENCRYPTED, "secure": AuthMethod.PASSWORD_ENCRYPTED,
    "none": AuthMethod.NONE, "client-IP-address": AuthMethod.NONE,
    "smtp-after-pop": AuthMethod.NONE,
}
_INCOMING_TYPES = ("imap", "pop3")


def _expand(value: str, email: EmailAddress) -> str:
    for name, replacement in (("%EMAILADDRESS%", email.ascii), ("%EMAILLOCALPART%", email.local),
                              ("%EMAILDOMAIN%", email.domain.ascii)):
        value = value.replace(name, replacement)
    return value


@dataclass(frozen=True)
class Found:
    """A usable server of the file and the login its ``<username>`` gives for the address
    (None: no ``<username>``, the address is the usual guess)."""

    server: Server
    login: str | None


def _login(element: ET.Element, email: EmailAddress) -> str | None:
    username = (element.findtext("username") or "").strip()
    return _expand(username, email) or None


def _server(element: ET.Element, kind: str, email: EmailAddress) -> Server | None:
    """One ``incomingServer``/``outgoingServer``, or None when this client cannot use it."""
    hostname = _expand((element.findtext("hostname") or "").strip(), email)
    port = (element.findtext("port") or "").strip()
    security = next((_SOCKET_TYPES[s.text.strip()] for s in element.findall("socketType")
                     if s.text and s.text.strip() in _SOCKET_TYPES), None)
    methods = [a.text.strip() for a in element.findall("authentication") if a.text]
    auth = next((_AUTH[m] for m in methods if m in _AUTH), None)
    if security is None or (methods and auth is None):
        return None  # e.g. only OAuth2/NTLM/GSSAPI: not something this assistant sets up
    if auth is AuthMethod.NONE and kind != "smtp":
        return None
    try:
        return Server.create(kind, hostname, port, security,
                             auth or AuthMethod.PASSWORD_CLEARTEXT)
    except (AssistantError, ValueError):
        return None


def read_autoconfig(xml_bytes: bytes, email: EmailAddress,
                    content_type: str | None = None) -> list[Found]:
    """The usable servers of a ``clientConfig`` file, incoming (file order) then outgoing,
    each with its login. ``content_type``: the HTTP header (its charset wins).

    Raises :class:`AutoconfigError` (``autoconfig.malformed``, ``autoconfig.dtd_forbidden``,
    ``autoconfig.too_large``, ``autoconfig.unknown_encoding``, ``autoconfig.no_provider``,
    ``autoconfig.no_servers``).
    """
    root = parse_xml(xml_bytes, content_type)
    provider = root.find("emailProvider") if root.tag == "clientConfig" else None
    if provider is None:
        raise AutoconfigError("autoconfig.no_provider")
    found: dict[Server, Found] = {}
    for element in provider.findall("incomingServer"):
        kind = element.get("type", "")
        if kind in _INCOMING_TYPES and (server := _server(element, kind, email)):
            found.setdefault(server, Found(server, _login(element, email)))
    for element in provider.findall("outgoingServer"):
        if element.get("type") == "smtp" and (server := _server(element, "smtp", email)):
            found.setdefault(server, Found(server, _login(element, email)))
    if not found:
        raise AutoconfigError("autoconfig.no_servers")
    return list(found.values())


def parse_autoconfig(xml_bytes: bytes, email: EmailAddress) -> list[Server]:
    """The usable servers of a ``clientConfig`` file (see :func:`read_autoconfig`)."""
    return [f.server for f in read_autoconfig(xml_bytes, email)]


def autoconfig_urls(email: EmailAddress, domain: str | None = None) -> list[str]:
    """The URLs in Thunderbird's order: https first, then the http variants."""
    d = domain or email.domain.ascii
    query = "?emailaddress=" + quote(email.ascii, safe="")
    paths = [f"autoconfig.{d}/mail/config-v1.1.xml{query}",
             f"{d}/.well-known/autoconfig/mail/config-v1.1.xml"]
    return [f"https://{p}" for p in paths] + [f"http://{p}" for p in paths]


def fetch_autoconfig(email: EmailAddress, urls: list[str], *, resolver: Resolver,
                     policy: TlsPolicy, deadline: Deadline,
                     cancel: CancelToken | None = None) -> list[Source]:
    """Fetch all URLs concurrently; the first (in order) that parses wins. Returns the winner
    and the recorded failures of the URLs before it; later fetches are abandoned."""
    stop = threading.Event()
    token = AnyOf(cancel, stop)

    def one(url: str) -> Source:
        trusted = url.startswith("https://")
        try:
            response = http_get(url, resolver=resolver, policy=policy, deadline=deadline,
                                cancel=token, max_body=MAX_XML)
            if response.status != 200:
                return _failed(url, f"HTTP {response.status}", trusted)
            verdict = thunderbird_reading(response.body, response.content_type)
            found = read_autoconfig(response.body, email, response.content_type)
        except NetError as exc:
            return _failed(url, _reason(exc), trusted)
        except AutoconfigError as exc:
            return _failed(url, exc.code, trusted, verdict)
        except Exception as exc:  # hostile input must not end discovery
            _LOG.warning("autoconfig fetch failed unexpectedly: %s", type(exc).__name__)
            return _failed(url, f"protocol_error {type(exc).__name__}", trusted)
        hosts = list(dict.fromkeys(f.server.host for f in found))
        reason = None if trusted else ConsentReason.HTTP_AUTOCONFIG
        candidates = [Candidate(f.server.protocol, f.server.host, f.server.port,
                                f.server.security, trusted, rank, declared=True, login=f.login,
                                reason=reason)
                      for rank, f in enumerate(found)]
        login = next((c.login for c in candidates if c.protocol is not Protocol.SMTP), None)
        return Source(SourceKind.AUTOCONFIG, url, hosts, trusted, True, candidates,
                      login=login, thunderbird=verdict)

    pool = ThreadPoolExecutor(max_workers=max(1, len(urls)), thread_name_prefix="autoconfig")
    futures = [pool.submit(one, url) for url in urls]
    recorded: list[Source] = []
    try:
        for future in futures:
            source = future.result()
            recorded.append(source)
            if source.ok:
                break
    finally:
        stop.set()
        # The abandoned fetches notice ``stop`` within one wait slice or DNS try.
        pool.shutdown(wait=True, cancel_futures=True)
    return recorded


def _reason(exc: NetError) -> str:
    """Status and detail; a certificate failure also names the fingerprint to compare."""
    reason = f"{exc.status} {exc.detail}".strip()
    if isinstance(exc, CertificateInvalid) and exc.fingerprint:
        reason += f" (SHA-256 {exc.fingerprint})"
    return reason


def _failed(url: str, reason: str, trusted: bool,
            verdict: ThunderbirdVerdict | None = None) -> Source:
    return Source(SourceKind.AUTOCONFIG, f"{url}: {reason}", [], trusted, False,
                  thunderbird=verdict)


def mark_foreign(sources: list[Source], domain: str) -> None:
    """Hosts outside the address's domain found through the MX host's autoconfig are not
    the domain owner's word: mark them untrusted."""
    for source in sources:
        source.candidates = [
            c if in_domain(c.host, domain) else Candidate(
                c.protocol, c.host, c.port, c.security, False, c.rank, declared=c.declared,
                login=c.login, reason=c.reason or ConsentReason.FOREIGN_AUTOCONFIG)
            for c in source.candidates]
        source.trusted = source.trusted and all(c.trusted for c in source.candidates)
