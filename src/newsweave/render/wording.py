"""Wording shared by the reports and the command line."""

from __future__ import annotations

_IRREGULAR = {"story": "stories", "copy": "copies"}


def counted(number: int, noun: str) -> str:
    """'1 article', '3 articles', '1 new story', '2 new stories', '2 wire copies'."""
    if number == 1:
        return f"{number} {noun}"
    head, space, last = noun.rpartition(" ")
    return f"{number} {head}{space}{_IRREGULAR.get(last, last + 's')}"
