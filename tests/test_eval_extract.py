"""`newsweave eval extract` on a slice of the Zyte article-extraction benchmark."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import DATA, require


def test_extract_beats_keeping_all_text_on_a_slice():
    folder = require(DATA / "extraction-benchmark")
    result = subprocess.run([sys.executable, "-m", "newsweave", "eval", "extract", str(folder), "--limit", "12", "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["task"] == "extract" and payload["items"] == 12
    ours, everything = payload["systems"]["newsweave"], payload["systems"]["all_text"]
    assert ours["body_f1"] > 0.85
    assert ours["body_precision"] > everything["body_precision"] + 0.2
    assert all(0.0 <= v <= 1.0 for system in payload["systems"].values() for v in system.values())


def test_extract_on_a_wrong_folder_is_a_plain_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "newsweave", "eval", "extract", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "not the extraction benchmark" in result.stderr and "Traceback" not in result.stderr
