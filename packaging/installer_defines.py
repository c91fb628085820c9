"""Print the makensis defines that come from the package, one ``NAME=value`` per line.

The installer script takes its name, version, mutex name and profile extension from here so
they cannot drift from what the program uses (``build.sh installer`` passes them as -D).
"""

from __future__ import annotations

import re

import bundle_inputs

from assistant.embedded import MUTEX_NAME
from assistant.profile import PROFILE_SUFFIX


def numeric_version(version: str) -> str:
    """Four numbers, as Windows version resources want: ``0.1.0`` → ``0.1.0.0``."""
    numbers = [*re.findall(r"\d+", version), "0", "0", "0", "0"]
    return ".".join(numbers[:4])


def defines() -> dict[str, str]:
    return {
        "APP_NAME": bundle_inputs.APP_NAME,
        "VERSION": bundle_inputs.__version__,
        "VERSION_NUMERIC": numeric_version(bundle_inputs.__version__),
        "MUTEX_NAME": MUTEX_NAME,
        "PROFILE_EXT": PROFILE_SUFFIX,
    }


if __name__ == "__main__":
    for name, value in defines().items():
        print(f"{name}={value}")
