"""Plain-language lines for what the probe and login check report (translated through tr).

The core reports codes and values; this module says them the way a church member
understands them ("受信 (IMAP) … 暗号化 OK"), while the volunteer's panel shows the raw values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:  # the core's types only (the core is imported after the first page)
    from assistant.discovery.model import Candidate, Source
    from assistant.probe.model import EndpointResult, ProbeReport
    from assistant.settings import Server

# The protocols' names as a volunteer knows them (the core's values are lower case).
PROTOCOL_NAMES = {"imap": "IMAP", "pop3": "POP", "smtp": "SMTP"}


def diagnostic_lines(report: ProbeReport) -> list[str]:
    """The server check for the copied diagnostics: English and raw (codes, the core's notes,
    the system's and the TLS library's own words), for a technician and the logs."""
    lines = [f"source {s.kind}: {s.detail} -> {', '.join(s.hosts) or '-'}"
             for s in report.sources]
    for e in report.endpoints:
        line = (f"{e.protocol}://{e.host}:{e.port} security={e.security} status={e.status} "
                f"{e.elapsed_ms} ms")
        if e.tls is not None:
            line += f" tls={e.tls.version} certificate_valid={e.tls.certificate_valid}"
            if e.tls.certificate_error:
                line += f" certificate_error={e.tls.certificate_error!r}"
        if e.error:
            line += f" error={e.error!r}"
        lines.append(line)
    return lines


class Describer(QObject):
    """A QObject only so that ``self.tr`` gives lupdate one context for all these texts."""

    def role(self, protocol: str) -> str:
        return {
            "imap": self.tr("Receiving (IMAP)"),
            "pop3": self.tr("Receiving (POP)"),
            "smtp": self.tr("Sending"),  # "SMTP" is for volunteers: their lines show smtp://
        }.get(str(protocol), str(protocol))

    def security(self, security: str) -> str:
        return {
            "tls": self.tr("SSL/TLS"),
            "starttls": self.tr("STARTTLS"),
            "none": self.tr("no encryption"),
        }.get(str(security), str(security))

    def where(self, kind: str) -> str:
        """Where discovery looked, in words."""
        return {
            "profile": self.tr("the church's settings file"),
            "srv": self.tr("DNS (SRV records)"),
            "autoconfig": self.tr("the automatic configuration file (autoconfig)"),
            "mx": self.tr("DNS (MX record)"),
            "guess": self.tr("common server names (mail. and so on)"),
            "host": self.tr("the server given"),
        }.get(kind, kind)

    def source(self, source: Source) -> str:
        where = self.where(str(source.kind))
        hosts = ", ".join(source.hosts)
        if not hosts:
            return self.tr("Looked in {where}: nothing found").format(where=where)
        return self.tr("Looked in {where}: {hosts}").format(where=where, hosts=hosts)

    def endpoint_name(self, endpoint: EndpointResult) -> str:
        return self.tr("{role}: {host} port {port}").format(
            role=self.role(endpoint.protocol), host=endpoint.host, port=endpoint.port)

    def endpoint_started(self, endpoint: EndpointResult) -> str:
        return self.tr("{endpoint} — checking…").format(endpoint=self.endpoint_name(endpoint))

    def endpoint_outcome(self, endpoint: EndpointResult) -> str:
        """What one endpoint's check found, in words."""
        status = str(endpoint.status)
        security = str(endpoint.security)
        if status == "ok" and security == "none":
            result = self.tr("answers, but without encryption")
        elif status == "ok":
            result = self.tr("answers, encrypted ({security}), certificate valid").format(
                security=self.security(security))
        else:
            result = self.failure(status)
        return self.tr("{endpoint} — {result}").format(
            endpoint=self.endpoint_name(endpoint), result=result)

    def failure(self, status: str) -> str:
        """A failed check's status code (the core's net status) in words."""
        return {
            "certificate_invalid": self.tr("encrypted, but its certificate could not be "
                                           "verified"),
            "refused": self.tr("refuses connections"),
            "timeout": self.tr("does not answer"),
            "dns_error": self.tr("name not found"),
            "tls_error": self.tr("encryption could not be started"),
            "protocol_error": self.tr("does not answer like a mail server"),
            "unreachable": self.tr("cannot be reached"),
        }.get(status, self.tr("did not work"))

    def source_technical(self, source: Source, raw: bool) -> str:
        """One discovery source for the volunteer's panel, from what it found: the endpoints
        it named, or why it found none. ``raw``: the English view, which adds the core's own
        note (English, for a technician) as it is."""
        if source.candidates:
            found = ", ".join(self._candidate(c, str(source.kind)) for c in source.candidates)
        elif source.hosts:
            found = ", ".join(source.hosts)
        else:
            found = self._nothing_found(source)
        line = self.tr("Looked in {where}: {found}").format(
            where=self.where(str(source.kind)), found=found)
        return f"{line} ({source.detail})" if raw and source.detail else line

    def _candidate(self, candidate: Candidate, kind: str) -> str:
        named = self.tr("{protocol} {host}:{port} {security}").format(
            protocol=PROTOCOL_NAMES.get(str(candidate.protocol), str(candidate.protocol)),
            host=candidate.host, port=candidate.port,
            security=self.security(str(candidate.security)))
        if kind == "srv":
            return self.tr("{endpoint} (priority {priority})").format(
                endpoint=named, priority=candidate.srv_priority)
        return named

    def _nothing_found(self, source: Source) -> str:
        """Why a source found nothing (discovery.model.nothing_found), in words."""
        from assistant.discovery.model import nothing_found

        found = nothing_found(source)
        if found.why == "waited":
            return self.tr("no answer within {ms} ms").format(ms=found.value)
        if found.why == "no_usual_name":
            return self.tr("none of the usual names exists")
        if found.why == "http":
            return self.tr("the web server answered with code {code}").format(code=found.value)
        if found.why == "status":
            return self.tr("nothing found: {reason}").format(reason=self.failure(found.value))
        return self.tr("nothing found")

    def certificate_reason(self, detail: str) -> str:
        """OpenSSL's English reason in plain words (the raw text is in the details panel)."""
        lowered = detail.lower()
        if "self-signed" in lowered or "self signed" in lowered:
            return self.tr("the certificate was signed by the server itself")
        if "expired" in lowered:
            return self.tr("the certificate has expired")
        if "hostname" in lowered or "ip address mismatch" in lowered:
            return self.tr("the certificate is for a different server name")
        if "issuer" in lowered or "unknown ca" in lowered:
            return self.tr("the certificate's issuer is not known")
        return self.tr("the reason is shown in the technical details")

    def chosen(self, server: Server) -> str:
        return self.tr("{role}: {host}, port {port}, {security}").format(
            role=self.role(server.protocol), host=server.host_display, port=server.port,
            security=self.security(server.security))

    def endpoint_technical(self, endpoint: EndpointResult, raw: bool) -> str:
        """One line of facts for the volunteer's panel. ``raw``: the English view, which
        adds the TLS library's and the system's own English error texts."""
        tls = endpoint.tls
        status = str(endpoint.status)
        parts = [f"{endpoint.protocol}://{endpoint.host}:{endpoint.port}",
                 self.tr("encryption: {security}").format(
                     security=self.security(str(endpoint.security))),
                 self.tr("result: {status}").format(
                     status=self.tr("answers") if status == "ok" else self.failure(status)),
                 self.tr("{ms} ms").format(ms=endpoint.elapsed_ms)]
        if tls is not None:
            parts.append(self.tr("TLS version: {version}; certificate valid: {valid}").format(
                version=tls.version.replace("TLSv", "TLS "),
                valid=self.tr("yes") if tls.certificate_valid else self.tr("no")))
            if tls.certificate_error and raw:
                parts.append(self.tr("certificate error (English, from the TLS library): "
                                     "{error}").format(error=tls.certificate_error))
            elif tls.certificate_error:
                parts.append(self.tr("certificate: {reason}").format(
                    reason=self.certificate_reason(tls.certificate_error)))
            parts.append(self.tr("SHA-256 fingerprint: {fingerprint}").format(
                fingerprint=tls.fingerprint_sha256))
        mechanisms = endpoint.auth_mechanisms
        if mechanisms:
            parts.append(self.tr("login methods: {mechanisms}").format(
                mechanisms=" ".join(mechanisms)))
        if endpoint.error and raw:  # in Japanese the result above says it
            parts.append(self.tr("error from the server or system (English): {error}").format(
                error=endpoint.error))
        return "  ".join(parts)
