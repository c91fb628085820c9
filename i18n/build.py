"""Qt Linguist loop: ``update`` extracts strings into i18n/*.ts, ``release`` compiles .qm."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    # The wizard has no translatable strings yet; nothing to extract or compile.
    if len(argv) != 1 or argv[0] not in ("update", "release"):
        print("usage: build.py update|release", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
