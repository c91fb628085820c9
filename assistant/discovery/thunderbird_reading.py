"""Would Thunderbird 153 accept this autoconfig file, and why not?

A re-statement of Thunderbird's own reader (``FetchHTTP.sys.mjs`` for the Content-Type,
``JXON.sys.mjs`` for how element text becomes values, ``readFromXML.sys.mjs`` and
``InputSanitizer.sys.mjs`` for what each value must be; 153.8.0esr's omni.ja holds the same
code as comm-central), so a church admin learns what their members' Thunderbird will do with
the published file. The product's own reading (:mod:`assistant.discovery.autoconfig`) stays
more forgiving; this one only judges. Checked against a real Thunderbird in
``tests/thunderbird/test_autoconfig_reading.py``.

What Thunderbird does, in short: a file served as anything but ``text/xml``,
``application/xml`` or ``text/rdf`` is not read at all; ``id`` and one valid ``<domain>`` are
required; every server needs a known ``type``, an ASCII host name, a port of ASCII digits in
1..65535, an exact ``socketType`` and ``authentication``; a bad server is dropped and the
others kept, but a file left without an incoming or an outgoing server is rejected whole.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from assistant.discovery.autoconfig_xml import AutoconfigError, parse_xml
from assistant.errors import Problem
from assistant.messages import text

XML_TYPES = ("text/xml", "application/xml", "text/rdf")  # FetchHTTP: startsWith, case kept
_INCOMING_TYPES = ("pop3", "imap", "nntp", "exchange", "ews", "owa")
_SOCKET_TYPES = ("plain", "SSL", "STARTTLS")
_PASSWORD = ("password-cleartext", "plain", "password-encrypted", "secure")
_INCOMING_AUTH = (*_PASSWORD, "GSSAPI", "NTLM", "OAuth2")
_OUTGOING_AUTH = ("none", "client-IP-address", "smtp-after-pop", *_INCOMING_AUTH)
_HOST = re.compile(r"^(([a-z0-9]|[a-z0-9][a-z0-9\-]{0,61}[a-z0-9])\.)*"
                   r"([a-z0-9]|[a-z0-9][a-z0-9\-]{0,61}[a-z0-9])\.?$", re.IGNORECASE)
_PLACEHOLDER_HOST = re.compile(r"^[a-zA-Z0-9\-.]*(%[A-Z0-9]+%[a-zA-Z0-9\-.]*)+$")
_IPV4 = re.compile(r"^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$")
# JS number syntax is ASCII only: a full-width "９９３" is not a number to Thunderbird.
_JS_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^0[xX][0-9a-fA-F]+$"
                        r"|^0[oO][0-7]+$|^0[bB][01]+$|^[+-]?Infinity$", re.ASCII)
_JS_FLOAT_PREFIX = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_JS_INT_PREFIX = re.compile(r"^[+-]?\d+", re.ASCII)


class _Rejected(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.problem = Problem(f"autoconfig.tb.{code}", params)


@dataclass(frozen=True)
class ThunderbirdVerdict:
    """``accepted``: Thunderbird would set up an account from the file. ``reasons``: why not,
    or (accepted) what it ignores or reads differently (a dropped server, login "undefined")."""

    accepted: bool
    reasons: tuple[Problem, ...] = field(default_factory=tuple)
    logins: tuple[str, ...] = ()  # the <username> templates as Thunderbird reads them

    def to_json(self, lang: str = "ja") -> dict[str, object]:
        return {"accepted": self.accepted,
                "reasons": [{"code": r.code, "message": text(r, lang)} for r in self.reasons]}


# -- JXON: how Thunderbird turns element text into values -------------------------------------

def _js_trim(value: str) -> str:
    return value.strip()  # JS trim() and str.strip() both drop Unicode white space


def _js_finite(value: str) -> bool:
    """JS ``isFinite(string)``: Number() of the trimmed text, "" meaning 0."""
    trimmed = _js_trim(value)
    return not trimmed or (bool(_JS_NUMBER.match(trimmed)) and "Infinity" not in trimmed)


def _js_parse_float(value: str) -> float:
    match = _JS_FLOAT_PREFIX.match(value.lstrip())
    return float(match.group(0)) if match else math.nan


def _value(element: ET.Element | None) -> object:
    """The JXON value: absent None, empty element True, "true"/"false" a bool, a number."""
    if element is None:
        return None
    raw = element.text
    if raw is None and len(element) == 0:
        return True
    raw = raw or ""
    if re.fullmatch(r"true|false", raw, re.IGNORECASE):
        return raw.lower() == "true"
    if _js_finite(raw):
        return _js_parse_float(raw)
    return raw


def _js_string(value: object) -> str:
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
    return str(value)


# -- InputSanitizer ---------------------------------------------------------------------------

def _hostname(value: object, what: str) -> str:
    if not value or (isinstance(value, float) and math.isnan(value)):
        raise _Rejected("host_missing", where=what)
    host = _js_trim(_js_string(value))
    if _PLACEHOLDER_HOST.match(host):
        return host
    if not (_IPV4.match(host) or (len(host) <= 255 and _HOST.match(host))):
        raise _Rejected("host_invalid", where=what, value=host[:80])
    return host.lower()


def _port(value: object, what: str) -> int:
    number: float
    if isinstance(value, float):
        number = value
    elif isinstance(value, str) and (match := _JS_INT_PREFIX.match(value.lstrip())):
        number = float(match.group(0))
    else:
        number = math.nan
    if math.isnan(number):
        raise _Rejected("port_invalid", where=what, value=_js_string(value)[:40])
    port = math.trunc(number)
    if not 1 <= port <= 65535:
        raise _Rejected("port_invalid", where=what, value=_js_string(value)[:40])
    return port


def _first_of(elements: list[ET.Element], allowed: tuple[str, ...]) -> str | None:
    for element in elements:
        if (value := _value(element)) in allowed:
            return str(value)
    return None


# -- readFromXML ------------------------------------------------------------------------------

def _server(element: ET.Element, incoming: bool, notes: list[Problem]) -> str:
    """Check one server as readFromXML does; its username as Thunderbird reads it."""
    kind = element.get("type")
    what = f"{'incomingServer' if incoming else 'outgoingServer'} {kind or '?'}"
    if kind not in (_INCOMING_TYPES if incoming else ("smtp",)):
        raise _Rejected("type_unsupported", where=what, value=(kind or "")[:40])
    host_element = element.find("hostname")
    host = _hostname(_value(host_element), what) if host_element is not None or not incoming \
        else ""
    what = f"{what} {host}".strip()
    port_element = element.find("port")
    if port_element is not None or not incoming:
        _port(_value(port_element), what)
    if _first_of(element.findall("socketType"), _SOCKET_TYPES) is None:
        raise _Rejected("socket_type_invalid", where=what, value=" / ".join(
            repr(e.text or "") for e in element.findall("socketType"))[:80] or "-")
    if not host:
        raise _Rejected("host_missing", where=what)
    auth = _first_of(element.findall("authentication"),
                     _INCOMING_AUTH if incoming else _OUTGOING_AUTH)
    if auth is None:
        raise _Rejected("authentication_invalid", where=what, value=" / ".join(
            repr(e.text or "") for e in element.findall("authentication"))[:80] or "-")
    if auth == "OAuth2":
        raise _Rejected("oauth2", where=what)
    username_element = element.find("username")
    username = _js_string(_value(username_element))
    if incoming or username_element is not None or auth in _PASSWORD:
        if username_element is None:
            notes.append(Problem("autoconfig.tb.username_missing", {"where": what}))
        elif username != (username_element.text or ""):
            notes.append(Problem("autoconfig.tb.username_changed", {
                "where": what, "value": (username_element.text or "")[:80],
                "read": username[:80]}))
    return username


def _servers(provider: ET.Element, tag: str, incoming: bool, notes: list[Problem]) -> list[str]:
    """The usernames of the servers Thunderbird keeps (each dropped one noted)."""
    kept: list[str] = []
    for element in provider.findall(tag):
        try:
            kept.append(_server(element, incoming, notes))
        except _Rejected as rejected:  # Thunderbird drops this server, keeps the others
            notes.append(rejected.problem)
    return kept


def thunderbird_reading(data: bytes, content_type: str | None = None) -> ThunderbirdVerdict:
    """The verdict for a file served with ``content_type`` (None: a local file, as in
    Thunderbird's ``isp/`` folder, where no Content-Type applies)."""
    if content_type is not None and not content_type.startswith(XML_TYPES):
        return ThunderbirdVerdict(False, (Problem("autoconfig.tb.content_type",
                                                  {"value": content_type[:80] or "-"}),))
    try:
        root = parse_xml(data, content_type)
    except AutoconfigError as error:
        return ThunderbirdVerdict(False, (Problem(error.code, error.params),))
    notes: list[Problem] = []
    try:
        provider = root.find("emailProvider") if root.tag == "clientConfig" else None
        if provider is None:
            raise _Rejected("no_provider")
        _hostname(_value_of_attribute(provider.get("id")), "emailProvider id")
        domains = provider.findall("domain")
        if not any(_valid_host(_value(d)) for d in domains):
            raise _Rejected("no_domain")
        incoming = _servers(provider, "incomingServer", True, notes)
        if not incoming:
            raise _Rejected("no_incoming")
        outgoing = _servers(provider, "outgoingServer", False, notes)
        if not outgoing:
            raise _Rejected("no_outgoing")
    except _Rejected as rejected:
        return ThunderbirdVerdict(False, (rejected.problem, *notes))
    return ThunderbirdVerdict(True, tuple(notes), tuple(dict.fromkeys(incoming + outgoing)))


def _value_of_attribute(value: str | None) -> object:
    """JXON reads attributes with the same number/boolean rules as text."""
    if value is None:
        return None
    element = ET.Element("a")
    element.text = value
    return _value(element)


def _valid_host(value: object) -> bool:
    try:
        _hostname(value, "domain")
    except _Rejected:
        return False
    return True
