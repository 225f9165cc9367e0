"""Helpers shared by the input plugins: decoding bytes into text with clear errors."""

from __future__ import annotations


class IngestError(Exception):
    """A file (or a record in it) that cannot be read; the message is the plain reason."""


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return len(head) > 0 and control / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; windows-1252 as a last resort."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"not valid UTF-16 text ({exc.reason} at byte {exc.start})") from None
    if looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError(
            f"cannot decode text: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "nor windows-1252"
        ) from None
    return text
