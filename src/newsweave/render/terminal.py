"""The one-screen summary printed after ``newsweave analyze``."""

from __future__ import annotations

from ..model import Report
from .wording import counted

MAX_LISTED = 8


def summary_lines(report: Report, written: dict) -> list[str]:
    lines = [f"read {counted(len(report.articles), 'article')}; {len(report.errors)} inputs not read; "
             f"{counted(len(report.stories), 'story')}"]
    for story in report.stories[:MAX_LISTED]:
        lines.append(f"  {counted(len(story.articles), 'article'):>12}  {story.title[:90]}")
    if len(report.stories) > MAX_LISTED:
        lines.append(f"  ... and {len(report.stories) - MAX_LISTED} more stories")
    for error in report.errors[:MAX_LISTED]:
        lines.append(f"  not read: {error.path}: {error.error}")
    if len(report.errors) > MAX_LISTED:
        lines.append(f"  ... and {len(report.errors) - MAX_LISTED} more inputs not read (see report)")
    lines.append(f"report: {written['report.html']}")
    lines.append(f"        {written['report.json']}")
    lines.append(f"        {written['report.md']}")
    return lines
