"""Wording shared by the reports and the command line."""

from __future__ import annotations

_IRREGULAR = {"story": "stories", "copy": "copies"}


def counted(number: int, noun: str) -> str:
    """'1 article', '3 articles', '1 story', '2 stories'."""
    return f"{number} {noun if number == 1 else _IRREGULAR.get(noun, noun + 's')}"
