"""Reading and writing the ``user_pref("name", value);`` syntax of prefs.js and user.js.

The grammar follows Gecko's own parser (``modules/libpref/parser/src/lib.rs``): string literals
in single or double quotes with the escapes ``\\" \\' \\\\ \\n \\r \\xNN \\uNNNN`` only, ints in
the i32 range, ``true``/``false``, and ``#``, ``//`` and ``/* */`` comments. Gecko skips a
statement it cannot parse and then discards the file (it is copied to ``Invalidprefs.js`` and
the accounts in it are lost), so :func:`parse_prefs` is strict and a writer refuses a file it
cannot read completely. :func:`js_string` escapes every value so that nothing can end its string:
this is what stops a hostile host, login or display name from injecting another pref.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PrefValue = str | int | bool

INT_MIN = -(2**31)
INT_MAX = 2**31 - 1

_SPECS = {b"user_pref", b"pref", b"sticky_pref", b"lockPref"}
_KEYWORD_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_DIGITS = frozenset(b"0123456789")
_SPACE = frozenset(b"\t\x0b\x0c \n\r")
_SIMPLE_ESCAPES = {ord('"'): b'"', ord("'"): b"'", ord("\\"): b"\\", ord("n"): b"\n",
                   ord("r"): b"\r"}
_HEX = frozenset(b"0123456789abcdefABCDEF")


class PrefsSyntaxError(ValueError):
    """The file is not valid pref syntax; ``line`` is 1-based as in Gecko's own message."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class PrefStatement:
    """One ``spec("name", value);`` with its byte span in the source (for in-place edits)."""

    spec: str
    name: str
    value: PrefValue
    start: int
    end: int


class _Lexer:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.i = 0
        self.line = 1

    def error(self, reason: str) -> PrefsSyntaxError:
        return PrefsSyntaxError(self.line, reason)

    def peek(self) -> int | None:
        return self.data[self.i] if self.i < len(self.data) else None

    def skip_blank(self) -> None:
        """Whitespace and the three comment forms."""
        data = self.data
        while self.i < len(data):
            c = data[self.i]
            if c in _SPACE:
                if c == 0x0A or (c == 0x0D and data[self.i + 1:self.i + 2] != b"\n"):
                    self.line += 1
                self.i += 1
            elif c == ord("#") or data.startswith(b"//", self.i):
                end = len(data)
                for stop in (data.find(b"\n", self.i), data.find(b"\r", self.i)):
                    if stop >= 0:
                        end = min(end, stop)
                self.i = end
            elif data.startswith(b"/*", self.i):
                close = data.find(b"*/", self.i + 2)
                if close < 0:
                    raise self.error("unterminated /* comment")
                self.line += _count_lines(data[self.i:close])
                self.i = close + 2
            elif c == ord("/"):
                raise self.error("expected '/' or '*' after '/'")
            else:
                return

    def expect(self, char: bytes) -> None:
        self.skip_blank()
        if not self.data.startswith(char, self.i):
            raise self.error(f"expected {char.decode()!r}")
        self.i += 1

    def keyword(self) -> bytes:
        start = self.i
        while self.i < len(self.data) and self.data[self.i] in _KEYWORD_CHARS:
            self.i += 1
        return self.data[start:self.i]

    def string(self) -> str:
        quote = self.data[self.i]
        first_line = self.line
        self.i += 1
        out = bytearray()
        data = self.data
        while True:
            if self.i >= len(data):
                raise PrefsSyntaxError(first_line, "unterminated string literal")
            c = data[self.i]
            self.i += 1
            if c == quote:
                return out.decode("utf-8", "surrogateescape")
            if c == 0x5C:  # backslash
                out += self._escape()
            else:
                if c == 0x0A or (c == 0x0D and data[self.i:self.i + 1] != b"\n"):
                    self.line += 1
                out.append(c)

    def _escape(self) -> bytes:
        data = self.data
        if self.i >= len(data):
            raise self.error("unterminated string literal")
        c = data[self.i]
        self.i += 1
        if c in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[c]
        if c == ord("x"):
            value = self._hex(2, "malformed \\x escape sequence")
            if value == 0:
                raise self.error("\\x00 is not allowed")
            return bytes([value])
        if c == ord("u"):
            unit = self._hex(4, "malformed \\u escape sequence")
            if unit == 0:
                raise self.error("\\u0000 is not allowed")
            if 0xDC00 <= unit <= 0xDFFF:
                raise self.error("expected high surrogate before low surrogate")
            if 0xD800 <= unit <= 0xDBFF:
                if not data.startswith(b"\\u", self.i):
                    raise self.error("expected low surrogate after high surrogate")
                self.i += 2
                low = self._hex(4, "malformed \\u escape sequence")
                if not 0xDC00 <= low <= 0xDFFF:
                    raise self.error("invalid low surrogate after high surrogate")
                code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                return chr(code).encode("utf-8")
            return chr(unit).encode("utf-8")
        raise self.error("unexpected escape sequence character after '\\'")

    def _hex(self, count: int, reason: str) -> int:
        digits = self.data[self.i:self.i + count]
        if len(digits) != count or not all(d in _HEX for d in digits):
            raise self.error(reason)
        self.i += count
        return int(digits, 16)

    def value(self) -> PrefValue:
        self.skip_blank()
        c = self.peek()
        if c in (ord('"'), ord("'")):
            return self.string()
        if c is not None and c in _KEYWORD_CHARS:
            word = self.keyword()
            if word in (b"true", b"false"):
                return word == b"true"
            raise self.error("unknown keyword")
        sign = 1
        if c in (ord("+"), ord("-")):
            sign = -1 if c == ord("-") else 1
            self.i += 1
            self.skip_blank()
        start = self.i
        while self.i < len(self.data) and self.data[self.i] in _DIGITS:
            self.i += 1
        if start == self.i:
            raise self.error("expected pref value after ','")
        if self.i < len(self.data) and self.data[self.i] in _KEYWORD_CHARS:
            raise self.error("unexpected character in integer literal")
        number = sign * int(self.data[start:self.i])
        if not INT_MIN <= number <= INT_MAX:
            raise self.error("integer literal overflowed")
        return number


def _count_lines(chunk: bytes) -> int:
    return chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")


def parse_prefs(data: bytes) -> list[PrefStatement]:
    """Every statement of a prefs file in order, or :class:`PrefsSyntaxError`."""
    if b"\0" in data:
        # Gecko stops reading at a NUL byte: anything after it would silently vanish.
        raise PrefsSyntaxError(_count_lines(data[: data.index(b"\0")]) + 1, "NUL byte")
    lexer = _Lexer(data)
    statements: list[PrefStatement] = []
    while True:
        lexer.skip_blank()
        if lexer.peek() is None:
            return statements
        start = lexer.i
        spec = lexer.keyword()
        if spec not in _SPECS:
            raise lexer.error("expected pref specifier at start of pref definition")
        lexer.expect(b"(")
        lexer.skip_blank()
        if lexer.peek() not in (ord('"'), ord("'")):
            raise lexer.error("expected pref name after '('")
        name = lexer.string()
        lexer.expect(b",")
        value = lexer.value()
        if spec != b"user_pref":
            # Default-pref files may carry ", sticky" / ", locked" attributes.
            lexer.skip_blank()
            while lexer.peek() == ord(","):
                lexer.i += 1
                lexer.skip_blank()
                if lexer.keyword() not in (b"sticky", b"locked"):
                    raise lexer.error("expected pref attribute after ','")
                lexer.skip_blank()
        lexer.expect(b")")
        lexer.expect(b";")
        statements.append(PrefStatement(spec.decode(), name, value, start, lexer.i))


def pref_map(statements: Iterable[PrefStatement]) -> dict[str, PrefValue]:
    """The values Gecko ends up with: a later statement for the same name wins."""
    return {s.name: s.value for s in statements}


def js_string(value: str) -> str:
    """A double-quoted literal Gecko reads back as exactly ``value``.

    Only the escapes Gecko knows are used (JSON's ``\\t``/``\\b``/``\\f`` are not among them);
    control characters, DEL, C1 and U+2028/2029 become ``\\uNNNN``. NUL cannot be represented
    and a lone surrogate cannot be stored as UTF-8: both raise ValueError.
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if code == 0:
            raise ValueError("NUL cannot be written into prefs.js")
        if 0xD800 <= code <= 0xDFFF:
            raise ValueError("lone surrogate cannot be written into prefs.js")
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def format_value(value: PrefValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            raise ValueError("integer outside the range of a pref")
        return str(value)
    return js_string(value)


def format_pref(name: str, value: PrefValue) -> str:
    """One ``user_pref(...)`` line (without the newline)."""
    return f"user_pref({js_string(name)}, {format_value(value)});"


def same_value(a: PrefValue | None, b: PrefValue | None) -> bool:
    """Equality that keeps ``true`` and ``1`` apart (Python's bool is an int)."""
    return type(a) is type(b) and a == b
