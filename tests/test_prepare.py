"""Worker processes change nothing but the speed: the per-file stages (``prepare``), the story
reports (``pipeline``) and the store give the same results with one job and with two, a bad
file is one error with its path while the rest goes on, and a dying worker is one item's error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SEEDS, store_rows
from newsweave import ingest, pipeline, prepare, store
from newsweave.model import InputError
from newsweave.render.json_report import render
from newsweave.workers import WorkerCrash, in_order

EXAMPLES = REPO / "examples" / "corpus"
GOOD = "Bridge vote in Varnholm\n\nThe council of Varnholm voted on Tuesday to rebuild the old bridge, the mayor said.\n"
BAD = {"binary.txt": (bytes(range(256)) * 4, "binary"), "empty.txt": (b"", "empty file"),
       "garbled.txt": (b"caf\xc3 \x81\x8d\x8f\x90 broken", "cannot decode")}


@pytest.fixture
def always_workers(monkeypatch):
    """Workers even for inputs this small (below the sizes at which they pay for their start)."""
    monkeypatch.setattr(prepare, "WORKERS_MIN_BYTES", 0)
    monkeypatch.setattr(pipeline, "WORKERS_MIN_ARTICLES", 0)


def _inputs() -> list[str]:
    return [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.exists() else [])


def _bad_folder(folder: Path) -> Path:
    folder.mkdir()
    for n in range(3):
        (folder / f"good{n}.txt").write_text(GOOD.replace("Tuesday", ["Monday", "Tuesday", "Friday"][n]), encoding="utf-8")
    for name, (content, _) in BAD.items():
        (folder / name).write_bytes(content)
    return folder


def test_analyze_gives_the_same_report_with_two_jobs(always_workers):
    one = render(pipeline.analyze(_inputs(), jobs=1))
    two = render(pipeline.analyze(_inputs(), jobs=2))
    assert json.loads(one)["stories"] and one == two


def test_ingest_gives_the_same_store_with_two_jobs_and_twice_changes_nothing(tmp_path, always_workers):
    by_jobs = {}
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        for path in _inputs():  # two ingests: the second adds to stories already stored
            result, errors, _ = store.ingest_paths([path], db, jobs=jobs)
            assert errors == [] and result.added
        by_jobs[jobs] = store_rows(db)
    assert by_jobs[1] == by_jobs[2]
    result, errors, counts = store.ingest_paths(_inputs(), tmp_path / "jobs2.db", jobs=2)
    assert result.added == 0 and result.skipped == counts["articles"] and errors == []
    assert store_rows(tmp_path / "jobs2.db") == by_jobs[2]


def test_bad_files_are_reported_and_the_rest_goes_on_with_two_jobs(tmp_path, always_workers):
    folder = _bad_folder(tmp_path / "in")
    report = pipeline.analyze([str(folder)], jobs=2)
    result, errors, counts = store.ingest_paths([str(folder)], tmp_path / "news.db", jobs=2)
    for found in (report.errors, errors):
        reasons = {Path(e.path).name: e.error for e in found}
        assert sorted(reasons) == sorted(BAD)
        assert all(expected in reasons[name] for name, (_, expected) in BAD.items())
    assert sorted(a.id for a in report.articles) == ["good0", "good1", "good2"]
    assert result.added == counts["articles"] == 3


def test_a_file_whose_worker_dies_is_that_files_error(tmp_path, monkeypatch):
    folder = _bad_folder(tmp_path / "in")

    def dies_on_good1(function, items, jobs, ahead=None):
        for item in items:
            yield item, WorkerCrash("the worker died") if item[0].path.name == "good1.txt" else function(item)

    monkeypatch.setattr(prepare, "in_order", dies_on_good1)
    batches = list(prepare.prepare_batches([str(folder)], jobs=2))
    articles = [a.id for b in batches for a in b.articles]
    errors = [e for b in batches for e in b.errors]
    assert articles == ["good0", "good2"]
    assert InputError(str(folder / "good1.txt"), "cannot read file: the worker died") in errors


def _double_or_die(n: int) -> int:
    if n == 3:
        os._exit(1)  # as a crash in native code or the out-of-memory killer would end it
    return 2 * n


def _always_die(n: int) -> int:
    os._exit(1)


def test_a_dying_worker_costs_its_item_only_and_results_keep_their_order():
    results = list(in_order(_double_or_die, range(8), jobs=2))
    assert [item for item, _ in results] == list(range(8))
    assert [r for _, r in results if not isinstance(r, WorkerCrash)] == [0, 2, 4, 8, 10, 12, 14]
    assert isinstance(results[3][1], WorkerCrash)


def test_workers_that_can_do_nothing_stop_the_run():
    with pytest.raises(WorkerCrash, match="__main__"):
        list(in_order(_always_die, range(5), jobs=2))


def test_lines_an_outlet_repeats_across_files_are_removed_and_the_articles_prepared_again(tmp_path, always_workers):
    boilerplate = "The Varnholm Post has been owned by its readers since 1921 and answers to nobody else."
    stories = ["The council voted on Tuesday to rebuild the old bridge over the Varn river, the mayor said.",
               "Fishermen in the harbour protested against new quotas on herring and cod set by the ministry.",
               "A fire at the paper mill on the east bank was put out overnight; nobody was hurt, firemen said.",
               "The local football club signed a new coach after a season that ended in relegation last spring."]
    folder = tmp_path / "post"
    folder.mkdir()
    for n, text in enumerate(stories):
        (folder / f"{n}.jsonl").write_text(json.dumps({"title": f"Story {n}", "text": f"{text}\n\n{boilerplate}",
                                                           "source": "Varnholm Post"}))
    steps = prepare.Steps(segment=True, sketch=True, terms=True)
    by_jobs = {}
    for jobs in (1, 2):
        (batch,) = prepare.prepare_batches([str(folder)], jobs, steps)
        assert [a.text for a in batch.articles] == stories
        assert all(boilerplate in a.removed for a in batch.articles)
        by_jobs[jobs] = batch
    fresh = prepare.prepare_articles([type(a)(a.id, a.path, a.text, title=a.title, source=a.source)
                                      for a in by_jobs[1].articles], steps)
    for batch in by_jobs.values():
        assert batch.terms == fresh.terms
        assert [s.digest for s in batch.sketches] == [s.digest for s in fresh.sketches]
        assert [a.sentences for a in batch.articles] == [a.sentences for a in fresh.articles]


def test_one_id_with_two_texts_in_one_ingest_keeps_both(tmp_path):
    (tmp_path / "in").mkdir()
    for name, text in (("a", "The council voted to rebuild the old bridge over the river on Tuesday night."),
                       ("b", "Fishermen in the harbour protested against the new herring quotas on Monday.")):
        (tmp_path / "in" / f"{name}.jsonl").write_text(json.dumps({"id": "story-1", "title": name, "text": text}), encoding="utf-8")
    result, errors, counts = store.ingest_paths([str(tmp_path / "in")], tmp_path / "news.db")
    assert result.added == counts["articles"] == 2 and result.skipped == 0 and errors == []


def test_cli_takes_jobs_and_reports_bad_files_without_traceback(tmp_path):
    folder = _bad_folder(tmp_path / "in")
    for command in (["analyze", str(folder), "-o", str(tmp_path / "out")], ["ingest", str(folder), "--db", str(tmp_path / "n.db")]):
        result = subprocess.run([sys.executable, "-m", "newsweave", *command, "--jobs", "2"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert all(name in result.stdout + result.stderr for name in BAD)
    result = subprocess.run([sys.executable, "-m", "newsweave", "ingest", str(folder), "--db", str(tmp_path / "n.db"),
                             "--jobs", "0"], capture_output=True, text=True)
    assert result.returncode == 2 and "positive whole number" in result.stderr


def test_a_big_json_lines_file_is_prepared_in_parts_with_the_same_result(tmp_path, always_workers, monkeypatch):
    lines = []
    for n in range(40):
        record = {"title": f"Ferry {n} resumes", "source": "Varnholm Post",
                  "text": f"The ferry number {n} of Varnholm resumed service on Monday after the storm, the harbour master said."}
        lines.append(json.dumps(record) if n % 13 else '{"text": ')  # four malformed lines among them
        if n == 20:
            lines.append("")  # a blank line is skipped, not an error
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")

    def prepared(jobs):
        batches = list(prepare.prepare_batches([str(path)], jobs=jobs))
        return ([(a.id, a.title, a.text) for b in batches for a in b.articles],
                [e for b in batches for e in b.errors], sum(b.files for b in batches))

    monkeypatch.setattr(prepare, "PART_BYTES", path.stat().st_size // 5)
    whole, in_parts = prepared(1), prepared(2)
    assert in_parts == whole
    articles, errors, files = whole
    assert len(articles) == 36 and files == 1 and articles[0][0] == "dump#2"
    assert sorted(e.path for e in errors) == [f"{path}:{n}" for n in (1, 14, 28, 41)]
    assert ingest.parts_of(ingest.InputFile(path, tmp_path), prepare.PART_BYTES) == 5


def test_an_error_of_a_whole_file_read_in_parts_is_reported_once(tmp_path, always_workers, monkeypatch):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\xff\xfe\x00" * 4000 + bytes(range(256)) * 40)
    monkeypatch.setattr(prepare, "PART_BYTES", 2000)
    errors = [e for b in prepare.prepare_batches([str(path)], jobs=2) for e in b.errors]
    assert len(errors) == 1 and errors[0].path == str(path)
