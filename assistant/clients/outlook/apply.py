"""Put an account into classic Outlook: autodiscover file + registry, and a PRF.

On Windows the registry values are written into HKCU (the previous values saved first as an
undo ``.reg``); anywhere else the same values go into a ``.reg`` file next to the XML and PRF,
for a volunteer to carry to the Windows PC. No password is involved: Outlook asks for it.
"""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

from assistant.atomic import write_atomic
from assistant.clients.outlook.autodiscover import autodiscover_xml
from assistant.clients.outlook.prf import prf_bytes, prf_text
from assistant.clients.outlook.regfile import RegValue, reg_file
from assistant.clients.outlook.registry import (
    AUTODISCOVER_KEY,
    HIVE_NAME,
    Winreg,
    autodiscover_values,
    read_values,
    system_winreg,
    write_values,
)
from assistant.clients.report import ApplyReport
from assistant.errors import AssistantError, ValidationError
from assistant.settings import Account

# Where the .reg made on another computer expects the XML on the Windows PC (documented in
# docs/outlook-and-exports.md: copy the XML there before importing the .reg).
WINDOWS_XML_DIR = PureWindowsPath(r"C:\ProgramData\MailAssistant")
FULL_KEY = f"{HIVE_NAME}\\{AUTODISCOVER_KEY}"


def _default_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("MailAssistant", appauthor=False) / "outlook"


def _describe(value: RegValue | None) -> str:
    return "-" if value is None or value.data is None else str(value.data)


def file_names(account: Account) -> tuple[str, str, str, str]:
    """Names of the POX file, the PRF, the settings .reg and the undo .reg."""
    domain = account.email.domain.ascii
    return (f"autodiscover-{domain}.xml", f"outlook-{domain}.prf",
            f"outlook-autodiscover-{domain}.reg", f"undo-outlook-autodiscover-{domain}.reg")


def apply_outlook(account: Account, output_dir: Path | None = None, *, dry_run: bool = False,
                  platform: str = sys.platform, reg: Winreg | None = None) -> ApplyReport:
    """Write the POX file, the PRF and the registry values (or a .reg off Windows)."""
    on_windows = platform == "win32"
    if output_dir is None and not on_windows:
        raise ValidationError("outlook.output_dir_required")
    folder = Path(output_dir) if output_dir is not None else _default_dir()
    xml_name, prf_name, reg_name, undo_name = file_names(account)
    prf, warnings = prf_text(account)
    xml_path = folder.resolve() / xml_name
    files = [(xml_path, autodiscover_xml(account.incoming, account.outgoing,
                                         account.login_name)),
             (folder / prf_name, prf_bytes(prf))]
    report = ApplyReport(client="outlook", target=folder, backup=None,
                         updated_existing=xml_path.exists())
    report.warnings += warnings

    if on_windows:
        reg = reg or system_winreg()
        values = autodiscover_values(account.email.domain.ascii, str(xml_path))
        previous = read_values(reg, AUTODISCOVER_KEY, [v.name for v in values])
        report.backup = folder / undo_name
        if not report.backup.exists():  # the first backup holds the values from before us
            files.append((report.backup, reg_file(FULL_KEY, previous)))
        report.updated_existing |= previous[-1].data is not None  # the domain's own value
        report.changes += [f"{FULL_KEY}\\{new.name}: {_describe(old)} → {_describe(new)}"
                           for old, new in zip(previous, values, strict=True)]
    else:
        values = autodiscover_values(account.email.domain.ascii,
                                     str(WINDOWS_XML_DIR / xml_name))
        files.append((folder / reg_name, reg_file(FULL_KEY, values)))
        report.changes += [f"{FULL_KEY}\\{v.name} = {_describe(v)}" for v in values]
    # Off Windows the PRF is run on the PC it is carried to, from wherever it is copied.
    prf_shown = folder.resolve() / prf_name if on_windows else prf_name
    report.changes.append(f'outlook.exe /importprf "{prf_shown}"')
    if dry_run:
        return report
    target = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for target, data in files:
            write_atomic(target, data)
            report.files_written.append(target)
        if on_windows:
            assert reg is not None
            target = Path(FULL_KEY)
            write_values(reg, AUTODISCOVER_KEY, values)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(target),
                             reason=exc.strerror or type(exc).__name__) from None
    return report
