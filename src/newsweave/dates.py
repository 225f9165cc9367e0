"""Publication dates: many written forms in, one ISO date (YYYY-MM-DD) or None out."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
EARLIEST_YEAR = 1900  # anything earlier, or later than next year, is an absurd date

_NUMERIC = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")


def _valid(year: int, month: int, day: int) -> str | None:
    if not EARLIEST_YEAR <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None) -> str | None:
    """Parse the first date in ``text``; None when there is none or it is absurd."""
    if not text:
        return None
    text = str(text)
    match = _NUMERIC.search(text)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DAY_MONTH_YEAR.search(text)
    if match and match.group(2)[:3].lower() in MONTHS:
        return _valid(int(match.group(3)), MONTHS[match.group(2)[:3].lower()], int(match.group(1)))
    match = _MONTH_DAY_YEAR.search(text)
    if match and match.group(1)[:3].lower() in MONTHS:
        return _valid(int(match.group(3)), MONTHS[match.group(1)[:3].lower()], int(match.group(2)))
    return None
