"""``python -m assistant`` and the ``mail-assistant`` script."""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
