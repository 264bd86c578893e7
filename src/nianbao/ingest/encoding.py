"""Decide how a file's bytes become text: detected, never guessed silently.

The order is fixed and every step that is a judgement leaves a warning:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. a charset the document declares (an HTML ``<meta charset>``) is honoured;
3. bytes that are valid UTF-8 are UTF-8;
4. otherwise GB18030 (the superset of GBK and GB2312) is tried strictly, then
   charset-normalizer's best guess — both warn, naming the encoding and why.

Bytes that none of these decode, or that decode to text with NUL characters (a binary
file), raise `InputError`.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from nianbao.errors import InputError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz"}


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, path: str, declared: str | None = None) -> Decoded:
    """Decode `data`; `declared` is a charset the document names for itself, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(_checked(_strict(data, name), path, name), name)
    warnings: list[str] = []
    if declared:
        decoded = _declared(data, declared, warnings)
        if decoded is not None:
            return Decoded(_checked(decoded[0], path, decoded[1]), decoded[1], warnings)
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(_checked(text, path, "utf-8"), "utf-8", warnings)
    text = _strict(data, "gb18030")
    if text is not None:
        warnings.append("encoding: decoded as gb18030 because the bytes are not valid UTF-8 "
                        "and decode strictly as GB18030 (GBK)")
        return Decoded(_checked(text, path, "gb18030"), "gb18030", warnings)
    return _guessed(data, path, warnings)


def _declared(data: bytes, declared: str, warnings: list[str]) -> tuple[str, str] | None:
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        warnings.append(f"encoding: the declared charset {declared!r} is unknown; detecting instead")
        return None
    # GB2312/GBK pages routinely hold characters only GB18030 has; it is their superset.
    for codec in (name, "gb18030") if name in _GB_FAMILY else (name,):
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    warnings.append(f"encoding: the declared charset {declared!r} does not decode the bytes; detecting instead")
    return None


def _guessed(data: bytes, path: str, warnings: list[str]) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot decode the text: it is not UTF-8 or GB18030, and no other "
                               "encoding fits (save it as UTF-8)")
    name = best.encoding
    warnings.append(f"encoding: decoded as {name}, charset-normalizer's best guess "
                    "(the bytes are neither valid UTF-8 nor GB18030)")
    return Decoded(_checked(str(best), path, name), name, warnings)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(text: str | None, path: str, codec: str) -> str:
    if text is None:
        raise InputError(path, f"cannot decode the text as {codec} although it starts with a {codec} byte-order mark")
    if "\x00" in text:
        raise InputError(path, "binary data, not text (it holds NUL bytes)")
    return text
