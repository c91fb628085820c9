"""The assistant's own settings for this computer: whether it is a shared church PC, and the
text size a member chose. Stored as a small JSON file under platformdirs (never a password:
there is no field for one), written atomically, read with a size bound.

``MAIL_ASSISTANT_CONFIG_DIR`` moves the folder (tests, and volunteers preparing a PC image).
A missing, unreadable or malformed file gives the defaults: these are conveniences, and a
broken file must not stop a member from setting up her mail.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.files import FileReadError, read_bounded

APP_NAME = "mail-assistant"
FILE_NAME = "settings.json"
ENV_DIR = "MAIL_ASSISTANT_CONFIG_DIR"
MAX_BYTES = 16 * 1024
TEXT_SCALES = (1.0, 1.5, 2.0)  # normal, larger (at least ×1.5 for elderly readers), largest


@dataclass(frozen=True)
class MachineSettings:
    """``shared_pc`` None: nobody has said yet (the church profile may say it)."""

    shared_pc: bool | None = None
    text_scale: float = 1.0


def settings_dir() -> Path:
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False, roaming=False)


def settings_path() -> Path:
    return settings_dir() / FILE_NAME


def load_machine_settings() -> MachineSettings:
    try:
        document = json.loads(read_bounded(settings_path(), MAX_BYTES).decode("utf-8"))
    except (FileReadError, UnicodeDecodeError, ValueError):
        return MachineSettings()
    if not isinstance(document, dict):
        return MachineSettings()
    shared = document.get("shared_pc")
    scale = document.get("text_scale")
    return MachineSettings(
        shared_pc=shared if isinstance(shared, bool) else None,
        text_scale=float(scale) if isinstance(scale, (int, float)) and not isinstance(
            scale, bool) and float(scale) in TEXT_SCALES else 1.0,
    )


def save_machine_settings(settings: MachineSettings) -> Path:
    """Write the settings (atomically); raises OSError when the folder cannot be written."""
    from assistant.atomic import write_atomic

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, data.encode("utf-8"), 0o644)
    return path
