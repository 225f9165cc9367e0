"""Analyze articles, write the reports, and take full-page screenshots of report.html.

    python -m newsweave.tools.screenshot PATH... OUTDIR

writes OUTDIR/report.{html,json,md}, OUTDIR/report.png (desktop width) and
OUTDIR/report-phone.png (phone width) with headless Chromium, and prints the PNG paths.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DESKTOP = (1280, 900)
PHONE = (390, 844)


def take_screenshots(report_html: Path, outdir: Path) -> list[Path]:
    from .browser import Browser

    url = report_html.resolve().as_uri()
    shots = []
    with Browser() as browser:
        for name, (width, height), mobile in (("report.png", DESKTOP, False), ("report-phone.png", PHONE, True)):
            page = browser.open_page(url, width=width, height=height, mobile=mobile)
            shots.append(page.screenshot(outdir / name, full_page=True))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsweave.tools.screenshot", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs to analyze")
    parser.add_argument("outdir", metavar="OUTDIR", help="folder for the reports and screenshots")
    args = parser.parse_args(argv)

    from ..pipeline import analyze
    from ..render import write_reports
    from .browser import BrowserError

    missing = [p for p in args.paths if not any(ch in p for ch in "*?[") and not Path(p).exists()]
    if missing:
        print(f"screenshot: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    report = analyze(args.paths)
    written = write_reports(report, args.outdir)
    try:
        shots = take_screenshots(written["report.html"], Path(args.outdir))
    except BrowserError as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 1
    for shot in shots:
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
