"""A second, independent reader for the .reg files: hivex's own .reg parser
(Win::Hivex::Regedit, Debian libwin-hivex-perl) run by tests/clients/hivex_reg.pl."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from tests.testbed.need import missing

SCRIPT = Path(__file__).with_name("hivex_reg.pl")


def need_hivex() -> None:
    found = subprocess.run(["perl", "-MWin::Hivex::Regedit", "-e1"], capture_output=True)
    if found.returncode != 0:
        missing("hivex's Perl module (libwin-hivex-perl)")


def read_with_hivex(*files: bytes) -> dict[str, dict[str, tuple[int, bytes]]]:
    """The keys and values after importing ``files`` in order, as hivex reads them:
    {key path: {value name: (type, raw bytes)}}. A file hivex cannot parse raises."""
    need_hivex()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, data in enumerate(files):
            path = Path(folder) / f"{number}.reg"
            path.write_bytes(data)
            paths.append(str(path))
        result = subprocess.run(["perl", str(SCRIPT), *paths], capture_output=True, text=True,
                                timeout=60)
    if result.returncode != 0:
        raise ValueError(f"hivex could not read the file: {result.stderr.strip()}")
    parsed = json.loads(result.stdout)
    return {key: {name: (kind, bytes.fromhex(data)) for name, (kind, data) in values.items()}
            for key, values in parsed.items()}
