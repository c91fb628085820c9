"""Standard output and error in UTF-8 whenever they are not a terminal.

Python writes a redirected stream in the ANSI code page on Windows (cp932 on a Japanese
Windows, cp1252 on an English one), so ``mail-assistant-cli.exe --help | more`` or
``--json > result.json`` crashed on the first character outside it (an em dash, any Japanese
message), after the command had already done its work. A console is left alone: Python writes
it through the console's own Unicode API, and its stream says UTF-8 already.

On Windows ``isatty()`` is no test for a console: it is true for every character device, the
NUL device too. A windowed program started with NUL as its streams (the installer's finish
page hands on its own; Wine gives /dev/null) therefore kept cp1252 on an English Windows, and
the first Japanese line it printed raised UnicodeEncodeError.
"""

from __future__ import annotations

import codecs
import io
import sys


def utf8_when_redirected() -> None:
    """Reconfigure a redirected stdout/stderr to UTF-8 (no-op for a terminal or no stream).

    A windowed Windows program started without streams has None, and a test's capture is no
    TextIOWrapper.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        if sys.platform != "win32" and stream.isatty():
            continue  # a Unix terminal shows what its locale's encoding says
        if codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8")
