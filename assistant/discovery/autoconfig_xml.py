"""Reading an autoconfig file's bytes into an element tree: decoded by its declared encoding
(Shift_JIS and EUC-JP too, which expat alone cannot read), bounded, with every DTD and entity
declaration refused (no entity expansion attack, no external entities). Shared by the
product's own reading and the Thunderbird verdict."""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

from assistant.errors import AssistantError

MAX_XML = 256 * 1024


class AutoconfigError(AssistantError):
    """A file that cannot be used: malformed, forbidden DTD, or no usable server."""


class _Forbidden(Exception):
    pass


def _forbid(*_: object) -> None:
    raise _Forbidden


def _forbid_reference(*_: object) -> int:
    raise _Forbidden


_DECLARATION = re.compile(
    rb"""^(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.IGNORECASE)


def declared_encoding(data: bytes, content_type: str | None = None) -> str:
    """The encoding a reader must use: the HTTP charset (it overrides the document, as in
    Thunderbird's XMLHttpRequest), else a UTF-8/16 BOM, else the XML declaration, else UTF-8."""
    if content_type and (match := _CHARSET.search(content_type)):
        return match.group(1)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    declared = _DECLARATION.match(data)
    return declared.group(2).decode("ascii") if declared else "utf-8"


def _as_utf8(data: bytes, content_type: str | None) -> bytes:
    """The document in UTF-8 (expat itself knows only UTF-8/16 and Latin-1; Japanese sites
    publish Shift_JIS and EUC-JP files), its declaration saying so."""
    encoding = declared_encoding(data, content_type)
    try:
        text = data.decode(encoding)
    except LookupError:
        raise AutoconfigError("autoconfig.unknown_encoding", encoding=encoding[:40]) from None
    except UnicodeDecodeError as exc:
        raise AutoconfigError("autoconfig.malformed", reason=str(exc)[:120]) from None
    text = text.removeprefix("\ufeff")
    if text.startswith("<?xml"):
        end = text.find("?>")
        if end < 0:
            raise AutoconfigError("autoconfig.malformed", reason="unterminated XML declaration")
        text = re.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="UTF-8"', text[:end],
                      count=1) + text[end:]
    return text.encode("utf-8")


def parse_xml(data: bytes, content_type: str | None = None) -> ET.Element:
    """Parse with expat directly so DOCTYPE and entity declarations can be refused."""
    if len(data) > MAX_XML:
        raise AutoconfigError("autoconfig.too_large", max=MAX_XML)
    data = _as_utf8(data, content_type)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid_reference
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        return builder.close()
    except _Forbidden:
        raise AutoconfigError("autoconfig.dtd_forbidden") from None
    except (expat.ExpatError, ValueError, AssertionError, IndexError, SyntaxError, LookupError,
            UnicodeError) as exc:
        raise AutoconfigError("autoconfig.malformed", reason=str(exc)[:120]) from None
