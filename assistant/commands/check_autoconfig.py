"""``mail-assistant check-autoconfig DOMAIN|EMAIL|FILE``: would Thunderbird 153 accept the
church's published autoconfig file, and why not?

For a domain (or an address) the URLs are fetched in Thunderbird's order — https autoconfig.,
https .well-known, then the http ones — and, as Thunderbird does, the first that answers
HTTP 2xx is the file it reads, even when a later one would be better. A FILE is judged as
Thunderbird's ``isp/`` folder would read it (no Content-Type). Exit 0 accepted, 1 not (or no
file found), 2 bad usage.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from assistant.commands.output import print_json, usage_error
from assistant.discovery.autoconfig import autoconfig_urls
from assistant.discovery.autoconfig_xml import MAX_XML
from assistant.discovery.thunderbird_reading import ThunderbirdVerdict, thunderbird_reading
from assistant.errors import AssistantError, Problem, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.files import FileReadError, read_bounded
from assistant.messages import text
from assistant.net import (
    Deadline,
    NetError,
    Resolver,
    TlsPolicy,
    http_get,
    load_ca_file,
    parse_dns_server,
)
from assistant.settings import EmailAddress, parse_domain, parse_email

# Thunderbird's fetchHTTP gives each request 5 s.
FETCH_TIMEOUT = 5.0


@dataclass
class Tried:
    url: str
    result: str  # "HTTP 200 text/xml", "HTTP 404", "certificate_invalid …" (the JSON's words)
    problem: Problem | None = None  # a network failure, as the sentence a person reads


def _address(target: str) -> EmailAddress:
    """The address for ``?emailaddress=``: the one given, else postmaster@DOMAIN."""
    if "@" in target:
        return parse_email(target)
    return parse_email(f"postmaster@{parse_domain(target).ascii}")


def _fetch(email: EmailAddress, args: argparse.Namespace,
           tried: list[Tried]) -> tuple[str, ThunderbirdVerdict] | None:
    resolver = Resolver(args.dns_server)
    policy = TlsPolicy(ca_file=None if args.ca_file is None else Path(args.ca_file))
    for url in autoconfig_urls(email):
        try:
            response = http_get(url, resolver=resolver, policy=policy,
                                deadline=Deadline(FETCH_TIMEOUT), max_body=MAX_XML)
        except NetError as exc:
            tried.append(Tried(url, f"{exc.status} {exc.detail}".strip(), exc.problem))
            continue
        tried.append(Tried(url, f"HTTP {response.status} {response.content_type}".strip()))
        if 200 <= response.status < 300:
            return url, thunderbird_reading(response.body, response.content_type)
    return None


def run(args: argparse.Namespace) -> int:
    tried: list[Tried] = []
    try:
        target = args.target
        if not target.strip():
            raise ValidationError("check_autoconfig.target_empty", field="target")
        if args.dns_server is not None:
            parse_dns_server(args.dns_server)
        if args.ca_file is not None:
            load_ca_file(Path(args.ca_file))
        path = Path(target)
        if path.is_file() or path.suffix.lower() == ".xml":
            try:
                data = read_bounded(path, MAX_XML)
            except FileReadError as exc:
                raise ValidationError("io.cannot_read", field="target", path=str(path),
                                      reason=exc.reason) from None
            found: tuple[str, ThunderbirdVerdict] | None = (str(path), thunderbird_reading(data))
        else:
            found = _fetch(_address(target), args, tried)
    except AssistantError as error:
        return usage_error(args, error)
    used, verdict = found if found is not None else (None, None)
    accepted = verdict is not None and verdict.accepted
    headline = ("check_autoconfig.not_found" if verdict is None
                else "autoconfig.tb.accepted" if accepted else "autoconfig.tb.rejected")
    if args.json:
        print_json({"schema": 1, "target": target, "used": used,
                    "tried": [{"url": t.url, "result": t.result} for t in tried],
                    "accepted": accepted, "message": text(headline, args.lang),
                    "reasons": [] if verdict is None else verdict.to_json(args.lang)["reasons"],
                    "logins": [] if verdict is None else list(verdict.logins)})
    else:
        for t in tried:
            print(f"  {t.url}: {t.result if t.problem is None else text(t.problem, args.lang)}")
        if used is not None:
            print(text("check_autoconfig.used", args.lang, url=used))
        print(text(headline, args.lang))
        for reason in () if verdict is None else verdict.reasons:
            print(f"  - {text(reason, args.lang)}")
        if verdict is not None and verdict.logins:
            print(text("check_autoconfig.logins", args.lang, logins=", ".join(verdict.logins)))
    return EXIT_OK if accepted else EXIT_FAILED
