"""Every export format from one set of settings: autoconfig, autodiscover, mobileconfig,
the settings sheet (HTML/PDF), the settings profile and Thunderbird's user.js fragment."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from assistant.atomic import write_atomic
from assistant.clients.exports.autoconfig import autoconfig_xml
from assistant.clients.exports.mobileconfig import mobileconfig
from assistant.clients.exports.sheet import sheet_html
from assistant.clients.exports.source import ExportSettings
from assistant.errors import Problem, ValidationError
from assistant.messages import text
from assistant.profile_model import SettingsProfile
from assistant.settings import Account

FORMATS = ("profile", "autoconfig", "autodiscover", "mobileconfig", "sheet", "userjs")
SHEET_SUFFIXES = (".pdf", ".html", ".htm")

__all__ = ["FORMATS", "Export", "ExportSettings", "PdfRenderer", "build_export", "check_output",
           "write_export"]


class PdfRenderer(Protocol):
    """Turns the sheet's HTML into one A4 PDF page. The core stays Qt-free: the caller that
    may use Qt (the export command, the wizard) passes ``assistant.gui.sheet_pdf.render_pdf``."""

    def __call__(self, html: str, title: str) -> bytes: ...


@dataclass
class Export:
    """The bytes of one file and what the format could not say."""

    data: bytes
    warnings: list[Problem] = field(default_factory=list)


def _settings(source: Account | SettingsProfile | ExportSettings) -> ExportSettings:
    if isinstance(source, Account):
        return ExportSettings.from_account(source)
    if isinstance(source, SettingsProfile):
        return ExportSettings.from_profile(source)
    return source


def _profile(settings: ExportSettings, source: object) -> bytes:
    from assistant.profile import dump_profile
    from assistant.profile_model import FORMAT_VERSION
    from assistant.settings import parse_domain

    if isinstance(source, SettingsProfile):
        return dump_profile(source).encode("utf-8")
    domains = tuple(parse_domain(d) for d in (settings.domains
                                              or (settings.primary_domain("profile"),)))
    # The profile format needs a name; the domain stands in until the admin writes one.
    fallback = "" if settings.organisation_ja or settings.organisation_en else domains[0].unicode
    profile = SettingsProfile(
        format_version=FORMAT_VERSION,
        organisation_ja=settings.organisation_ja or fallback,
        organisation_en=settings.organisation_en,
        domains=domains,
        incoming=settings.incoming,
        outgoing=settings.outgoing,
        recommended_protocol=settings.first_incoming().protocol,
        login_rule=settings.login_rule,
        contact=settings.contact,
        notes_ja=settings.notes_ja,
        notes_en=settings.notes_en,
    )
    return dump_profile(profile).encode("utf-8")


def build_export(fmt: str, source: Account | SettingsProfile | ExportSettings,
                 lang: str = "ja", suffix: str = ".html", pdf: PdfRenderer | None = None) -> Export:
    """The file content for ``fmt`` (``suffix`` picks PDF or HTML for the sheet; a PDF needs
    ``pdf``)."""
    settings = _settings(source)
    if fmt == "autoconfig":
        return Export(autoconfig_xml(settings))
    if fmt == "autodiscover":
        account = settings.account(fmt)
        # Imported here: the Outlook package imports this one's value checks, so a top-level
        # import would make the two packages' initialisation order matter.
        from assistant.clients.outlook.autodiscover import autodiscover_xml

        return Export(autodiscover_xml(account.incoming, account.outgoing, account.login_name))
    if fmt == "mobileconfig":
        data, warnings = mobileconfig(settings, lang)
        return Export(data, warnings)
    if fmt == "sheet":
        return Export(_sheet(settings, lang, suffix, pdf))
    if fmt == "profile":
        return Export(_profile(settings, source))
    if fmt == "userjs":
        from assistant.clients.thunderbird import user_js_fragment

        return Export(user_js_fragment(settings.account(fmt)).encode("utf-8"))
    raise ValidationError("export.unknown_format", field="format", format=fmt)


def _sheet(settings: ExportSettings, lang: str, suffix: str, pdf: PdfRenderer | None) -> bytes:
    suffix = suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise ValidationError("export.sheet_suffix", field="output", suffix=suffix or "-")
    html = sheet_html(settings, lang)
    if suffix != ".pdf":
        return html.encode("utf-8")
    if pdf is None:
        raise ValidationError("export.pdf_unavailable", field="output")
    return pdf(html, title=text("sheet.title", lang))


def check_output(output: str | Path) -> Path:
    """``output`` as a file path to write, or ValidationError ``export.output_invalid`` for
    an empty path, "." or "..", or an existing folder (nothing could be written there)."""
    path = Path(output)
    if not str(output) or path.name in ("", ".", "..") or path.is_dir():
        raise ValidationError("export.output_invalid", field="output", path=str(output))
    return path


def write_export(fmt: str, source: Account | SettingsProfile | ExportSettings, output: Path,
                 lang: str = "ja", pdf: PdfRenderer | None = None) -> Path:
    """Build ``fmt`` and write it atomically to ``output`` (the sheet: .pdf or .html)."""
    output = check_output(output)
    export = build_export(fmt, source, lang, suffix=output.suffix, pdf=pdf)
    write_atomic(output, export.data)
    return output
