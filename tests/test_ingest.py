"""Ingest and bad input: every unreadable file is reported with its path and a plain
reason, the run goes on, and no article is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsweave import analyze
from newsweave.ingest import MAX_FILE_BYTES, read_paths

GOOD = "A Tale Of Two Bridges\n\nThe council of Varnholm voted on Tuesday to rebuild the old bridge, the mayor said.\n"


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def errors_by_name(errors):
    return {e.path.rsplit("/", 1)[-1]: e.error for e in errors}


def test_ids_are_relative_paths_without_extension(tmp_path):
    write(tmp_path / "a" / "one.txt", GOOD)
    write(tmp_path / "two.html", "<html><body><article><h1>Bridge</h1><p>" + "The bridge reopened after repairs. " * 20 + "</p></article></body></html>")
    articles, errors = read_paths([str(tmp_path)])
    assert sorted(a.id for a in articles) == ["a/one", "two"]
    assert errors == []


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t ", "only white space"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("garbled.txt", b"caf\xc3 \x81\x8d\x8f\x90 broken", "cannot decode"),
    ("truncated.json", b'{"title": "Cut off", "text": "The vote', "malformed JSON"),
    ("nobody.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text"),
    ("picture.png", b"\x89PNG\r\n\x1a\n", "unsupported file type"),
])
def test_bad_file_is_reported_and_run_goes_on(tmp_path, name, content, reason):
    write(tmp_path / "good.txt", GOOD)
    write(tmp_path / name, content)
    report = analyze([str(tmp_path)])
    assert [a.id for a in report.articles] == ["good"]
    errors = errors_by_name(report.errors)
    assert name in errors, report.errors
    assert reason in errors[name]


def test_oversized_file_is_reported(tmp_path, monkeypatch):
    import newsweave.ingest as ingest
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    write(tmp_path / "big.txt", GOOD * 10)
    write(tmp_path / "small.txt", "Tiny\n\nA short note on the bridge vote.")
    articles, errors = read_paths([str(tmp_path)])
    assert [a.id for a in articles] == ["small"]
    assert "too large" in errors_by_name(errors)["big.txt"]
    assert MAX_FILE_BYTES >= 10 * 1024 * 1024


def test_windows_1252_text_is_read(tmp_path):
    write(tmp_path / "legacy.txt", "Caf\xe9 owners protest\n\nThe caf\xe9 owners said the rent rose \u201310 percent.".encode("cp1252"))
    articles, errors = read_paths([str(tmp_path)])
    assert errors == [] and "café owners" in articles[0].text


def test_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path):
    lines = [
        json.dumps({"id": "x1", "title": "Bridge vote", "text": "The council voted.", "source": "Varnholm Post",
                    "published": "2031-05-06T10:00:00Z", "authors": ["Ana Lind"]}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"body": "The mayor spoke.", "url": "https://example.org/a"}),
        json.dumps(["a", "list"]),
    ]
    write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles, errors = read_paths([str(tmp_path / "feed.jsonl")])
    assert [a.id for a in articles] == ["x1", "feed#4"]
    assert articles[0].source == "Varnholm Post" and articles[0].authors == ["Ana Lind"]
    assert sorted(e.path.rsplit(":", 1)[-1] for e in errors) == ["2", "3", "5"]
    assert all(e.error for e in errors)


def test_folder_without_articles_and_missing_path(tmp_path):
    (tmp_path / "empty").mkdir()
    report = analyze([str(tmp_path / "empty"), str(tmp_path / "nope"), str(tmp_path / "*.zzz")])
    assert report.articles == [] and report.stories == []
    reasons = " | ".join(e.error for e in report.errors)
    assert "no article files" in reasons and "no such file" in reasons and "no file matches" in reasons


def test_globs_are_expanded(tmp_path):
    write(tmp_path / "x" / "a.txt", GOOD)
    write(tmp_path / "x" / "b.txt", GOOD.replace("Tuesday", "Friday"))
    write(tmp_path / "x" / "c.json", json.dumps({"text": "Other text entirely about harbours."}))
    articles, errors = read_paths([str(tmp_path / "x" / "*.txt")])
    assert sorted(a.id for a in articles) == ["a", "b"] and errors == []


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_exit_code_and_no_traceback_on_bad_input(tmp_path):
    write(tmp_path / "in" / "binary.txt", b"\x00\x01\x02" * 50)
    result = run_cli("analyze", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "binary" in result.stdout
    payload = json.loads((tmp_path / "out" / "report.json").read_text())
    assert payload["articles"] == [] and payload["errors"][0]["path"].endswith("binary.txt")

    write(tmp_path / "in" / "good.txt", GOOD)
    result = run_cli("analyze", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "read 1 article; 1 inputs not read" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.html", "report.json", "report.md"]


def test_names_and_text_no_output_can_encode_become_replacement_characters(tmp_path):
    """A file name with a byte that is not UTF-8 and a JSON line with half of a surrogate
    pair ("\\ud83d") used to end the whole run when the report was written."""
    folder = tmp_path / "in"
    folder.mkdir()
    odd_name = os.fsencode(folder) + b"/caf\xe9 notes.txt"
    with open(odd_name, "wb") as out:
        out.write(GOOD.encode())
    line = json.dumps({"title": "Half HALF a pair", "text": GOOD.replace("Tuesday", "Friday") + " HALF"})
    write(folder / "feed.jsonl", line.replace("HALF", "\\ud83d") + "\n")
    result = run_cli("analyze", str(folder), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    payload = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    ids = sorted(a["id"] for a in payload["articles"])
    assert ids == ["caf\ufffd notes", "feed#1"]
    titles = [a["title"] for a in payload["articles"]]
    assert "Half \ufffd a pair" in titles
    assert "\ufffd" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_broken_links_in_a_folder_are_reported(tmp_path):
    write(tmp_path / "in" / "good.txt", GOOD)
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "in" / "loop.txt").symlink_to(tmp_path / "in" / "loop.txt")
    articles, errors = read_paths([str(tmp_path / "in")])
    assert [a.id for a in articles] == ["good"]
    reasons = errors_by_name(errors)
    assert reasons["gone.txt"].startswith("broken link") and reasons["loop.txt"].startswith("broken link")


def test_gzip_compressed_inputs_are_read_as_their_inner_format(tmp_path, monkeypatch):
    import gzip

    import newsweave.ingest as ingest

    write(tmp_path / "in" / "story.txt.gz", gzip.compress(GOOD.encode()))
    line = json.dumps({"title": "Harbour fire", "text": GOOD.replace("Tuesday", "Friday")})
    write(tmp_path / "in" / "feed.jsonl.gz", gzip.compress((line + "\n").encode()) + gzip.compress((line + "\n").encode()))
    write(tmp_path / "in" / "page.HTML.gz", gzip.compress(
        f"<html><head><title>Bridge</title></head><body><article><p>{GOOD}</p></article></body></html>".encode()))
    write(tmp_path / "in" / "fake.txt.gz", b"not compressed at all")
    write(tmp_path / "in" / "cut.txt.gz", gzip.compress(GOOD.encode())[:-12])
    write(tmp_path / "in" / "bare.gz", gzip.compress(GOOD.encode()))
    articles, errors = read_paths([str(tmp_path / "in")])
    assert sorted(a.id for a in articles) == ["feed#1", "feed#2", "page", "story"]  # a member after the first is read too
    assert all("harbour" in a.text.lower() or "bridge" in a.text.lower() for a in articles)
    reasons = errors_by_name(errors)
    assert reasons["fake.txt.gz"].startswith("not a readable gzip file")
    assert reasons["cut.txt.gz"].startswith("not a readable gzip file")
    assert reasons["bare.gz"] == "unsupported file type '.gz'"

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 2_000)  # 2 KB of zeros pack into a few bytes
    write(tmp_path / "bomb" / "zeros.txt.gz", gzip.compress(b"0" * 100_000))
    articles, errors = read_paths([str(tmp_path / "bomb")])
    assert articles == [] and "too large once decompressed" in errors[0].error


def test_cli_unwritable_output_is_a_plain_error(tmp_path):
    write(tmp_path / "in" / "good.txt", GOOD)
    blocker = write(tmp_path / "file-not-folder", "x")
    result = run_cli("analyze", str(tmp_path / "in"), "-o", str(blocker / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "cannot write" in result.stderr


def test_cli_rejects_a_word_budget_that_is_not_positive(tmp_path):
    write(tmp_path / "in" / "good.txt", GOOD)
    result = run_cli("analyze", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--words", "0")
    assert result.returncode == 2 and "positive whole number" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_article_without_a_named_outlet_is_labelled_by_its_site_then_its_id():
    from newsweave.model import Article

    assert Article(id="a1", path="p", text="x", url="https://www.harbour-times.example/news/1").outlet == "harbour-times.example"
    assert Article(id="a1", path="p", text="x", source="Harbour Times", url="https://h.example/").outlet == "Harbour Times"
    assert Article(id="a1", path="p", text="x", url="http://[not a url").outlet == "a1"
    assert Article(id="a1", path="p", text="x").outlet == "a1"
