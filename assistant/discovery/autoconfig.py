"""Mozilla autoconfig (``config-v1.1.xml``): fetching it for a domain, and a strict parser.

The parser refuses any DTD or entity declaration (so no entity expansion attack is possible),
expands the address placeholders, and returns servers in the file's order; every problem is a
:class:`AutoconfigError` with a stable code, never another exception.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote
from xml.parsers import expat

from assistant.discovery.model import Candidate, Source, SourceKind, in_domain
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
from assistant.settings import AuthMethod, EmailAddress, Security, Server

MAX_XML = 256 * 1024
_LOG = logging.getLogger(__name__)

_SOCKET_TYPES = {"SSL": Security.TLS, "STARTTLS": Security.STARTTLS, "plain": Security.NONE}
_AUTH = {
    "password-cleartext": AuthMethod.PASSWORD_CLEARTEXT, "plain": AuthMethod.PASSWORD_CLEARTEXT,
    "password-encrypted": AuthMethod.PASSWORD_ENCRYPTED, "secure": AuthMethod.PASSWORD_ENCRYPTED,
    "none": AuthMethod.NONE, "client-IP-address": AuthMethod.NONE,
    "smtp-after-pop": AuthMethod.NONE,
}
_INCOMING_TYPES = ("imap", "pop3")


class AutoconfigError(AssistantError):
    """A file that cannot be used: malformed, forbidden DTD, or no usable server."""


class _Forbidden(Exception):
    pass


def _forbid(*_: object) -> None:
    raise _Forbidden


def _forbid_reference(*_: object) -> int:
    raise _Forbidden


def _parse_xml(data: bytes) -> ET.Element:
    """Parse with expat directly so DOCTYPE and entity declarations can be refused."""
    if len(data) > MAX_XML:
        raise AutoconfigError("autoconfig.too_large", max=MAX_XML)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid_reference
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        return builder.close()
    except _Forbidden:
        raise AutoconfigError("autoconfig.dtd_forbidden") from None
    except (expat.ExpatError, ValueError, AssertionError, IndexError, SyntaxError, LookupError,
            UnicodeError) as exc:
        raise AutoconfigError("autoconfig.malformed", reason=str(exc)[:120]) from None


def _expand(value: str, email: EmailAddress) -> str:
    for name, replacement in (("%EMAILADDRESS%", email.ascii), ("%EMAILLOCALPART%", email.local),
                              ("%EMAILDOMAIN%", email.domain.ascii)):
        value = value.replace(name, replacement)
    return value


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


def parse_autoconfig(xml_bytes: bytes, email: EmailAddress) -> list[Server]:
    """The usable servers of a ``clientConfig`` file, incoming (file order) then outgoing.

    Raises :class:`AutoconfigError` (``autoconfig.malformed``, ``autoconfig.dtd_forbidden``,
    ``autoconfig.too_large``, ``autoconfig.no_provider``, ``autoconfig.no_servers``).
    """
    root = _parse_xml(xml_bytes)
    provider = root.find("emailProvider") if root.tag == "clientConfig" else None
    if provider is None:
        raise AutoconfigError("autoconfig.no_provider")
    servers: list[Server] = []
    for element in provider.findall("incomingServer"):
        kind = element.get("type", "")
        if kind in _INCOMING_TYPES and (server := _server(element, kind, email)):
            servers.append(server)
    for element in provider.findall("outgoingServer"):
        if element.get("type") == "smtp" and (server := _server(element, "smtp", email)):
            servers.append(server)
    if not servers:
        raise AutoconfigError("autoconfig.no_servers")
    return list(dict.fromkeys(servers))


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
            servers = parse_autoconfig(response.body, email)
        except NetError as exc:
            return _failed(url, _reason(exc), trusted)
        except AutoconfigError as exc:
            return _failed(url, exc.code, trusted)
        except Exception as exc:  # hostile input must not end discovery
            _LOG.warning("autoconfig fetch failed unexpectedly: %s", type(exc).__name__)
            return _failed(url, f"protocol_error {type(exc).__name__}", trusted)
        hosts = list(dict.fromkeys(s.host for s in servers))
        candidates = [Candidate(s.protocol, s.host, s.port, s.security, trusted, rank,
                                declared=True)
                      for rank, s in enumerate(servers)]
        return Source(SourceKind.AUTOCONFIG, url, hosts, trusted, True, candidates)

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


def _failed(url: str, reason: str, trusted: bool) -> Source:
    return Source(SourceKind.AUTOCONFIG, f"{url}: {reason}", [], trusted, False)


def mark_foreign(sources: list[Source], domain: str) -> None:
    """Hosts outside the address's domain found through the MX host's autoconfig are not
    the domain owner's word: mark them untrusted."""
    for source in sources:
        source.candidates = [
            c if in_domain(c.host, domain) else Candidate(c.protocol, c.host, c.port,
                                                          c.security, False, c.rank,
                                                          declared=c.declared)
            for c in source.candidates]
        source.trusted = source.trusted and all(c.trusted for c in source.candidates)
