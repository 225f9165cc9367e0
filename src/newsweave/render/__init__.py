"""Render: the report as JSON, Markdown and one self-contained HTML file, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..model import Report
from . import html, json_report, markdown

FORMATS = {"report.json": json_report.render, "report.md": markdown.render, "report.html": html.render}


def write_atomically(path: Path, content: str) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_reports(report: Report, outdir: str | os.PathLike) -> dict[str, Path]:
    folder = Path(outdir)
    written = {}
    for name, render in FORMATS.items():
        target = folder / name
        write_atomically(target, render(report))
        written[name] = target
    return written
