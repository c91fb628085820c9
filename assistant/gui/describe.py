"""Plain-language lines for what the probe and login check report (translated through tr).

The core reports codes and values; this module says them the way a church member
understands them ("受信 (IMAP) … 暗号化 OK"), while the volunteer's panel shows the raw values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:  # the core's types only (the core is imported after the first page)
    from assistant.discovery.model import Source
    from assistant.probe.model import EndpointResult
    from assistant.settings import Server


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

    def source(self, source: Source) -> str:
        kind = str(source.kind)
        where = {
            "profile": self.tr("the church's settings file"),
            "srv": self.tr("DNS (SRV records)"),
            "autoconfig": self.tr("the automatic configuration file (autoconfig)"),
            "mx": self.tr("DNS (MX record)"),
            "guess": self.tr("common server names (mail. and so on)"),
            "host": self.tr("the server given"),
        }.get(kind, kind)
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
            result = {
                "certificate_invalid": self.tr("encrypted, but its certificate could not be "
                                               "verified"),
                "refused": self.tr("refuses connections"),
                "timeout": self.tr("does not answer"),
                "dns_error": self.tr("name not found"),
                "tls_error": self.tr("encryption could not be started"),
                "protocol_error": self.tr("does not answer like a mail server"),
                "unreachable": self.tr("cannot be reached"),
            }.get(status, status)
        return self.tr("{endpoint} — {result}").format(
            endpoint=self.endpoint_name(endpoint), result=result)

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

    def endpoint_technical(self, endpoint: EndpointResult) -> str:
        """One line of raw facts for the volunteer's panel."""
        tls = endpoint.tls
        parts = [f"{endpoint.protocol}://{endpoint.host}:{endpoint.port}",
                 self.tr("encryption: {security}").format(security=endpoint.security),
                 self.tr("result: {status}").format(status=endpoint.status),
                 self.tr("{ms} ms").format(ms=endpoint.elapsed_ms)]
        if tls is not None:
            parts.append(self.tr("TLS version: {version}; certificate valid: {valid}").format(
                version=tls.version, valid=self.tr("yes") if tls.certificate_valid
                else self.tr("no")))
            if tls.certificate_error:
                parts.append(self.tr("certificate error (English, from the TLS library): "
                                     "{error}").format(error=tls.certificate_error))
            parts.append(self.tr("SHA-256 fingerprint: {fingerprint}").format(
                fingerprint=tls.fingerprint_sha256))
        mechanisms = endpoint.auth_mechanisms
        if mechanisms:
            parts.append(self.tr("login methods: {mechanisms}").format(
                mechanisms=" ".join(mechanisms)))
        if endpoint.error:
            parts.append(self.tr("error from the server or system (English): {error}").format(
                error=endpoint.error))
        return "  ".join(parts)
