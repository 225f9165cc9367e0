"""Story-engine benchmark: ingest -> clean -> dedup -> cluster at growing corpus sizes.

    .venv/bin/python bench/run.py --sizes 10000 100000 [1000000] [--paths memory store]

A corpus is built from real article texts in ../shared/data (read in place, written only to
a temporary folder): each synthetic story is made of passages of real articles, published
on one day, then re-published with known ground truth: syndicated exact copies, edited
re-publications (a sentence cut, one added, words changed) and updated versions (sentences
appended), a day or two later and by other outlets. Bad input is mixed in: empty texts,
missing and absurd dates, and one text copied many times. Passages are dealt from a
shuffled deck, but there are only about 11,000 of them: at 10k articles 7% of the stories
share a passage with another story of the same week, at 100k 90%. The bench prints that
share beside the stories' B-cubed F1, which beyond 10k measures this ambiguity more than the
engine; story quality is measured on the dev sets (``newsweave eval cluster``).

Two paths run over the same corpus, each in its own process (peak RSS is the path's own):

- ``memory``: the stages with everything in memory. ``newsweave.prepare`` reads, cleans,
  sets non-articles apart, sketches each article for dedup and counts its story terms in
  ``--jobs`` worker processes, file by file ahead of the main process; the main process, a
  batch of 10,000 articles at a time in time order, looks copies up and files them, counts
  document frequencies (copies too, as the store counts them) and assigns each article that
  copies no earlier one to a story (``StoryIndex``); a copy joins its original's story, as
  in the store and in ``cluster.group_stories``.
- ``store``: what ``newsweave ingest`` does, ``store.ingest_paths`` into a new SQLite file:
  the same preparation in workers, then duplicate lookup through stored MinHash bands and
  story assignment through stored postings (a bounded cache keeps the hot ones), committed
  2,000 articles at a time. On the same corpus it gives the memory path's copies and stories.

Each prints articles/s, peak RSS, CPU microseconds per article over all processes (the
growth over the smallest size is the per-article cost growth), duplicate-pair
precision/recall against the known copies and B-cubed F1 of the stories against the
generator's stories; the in-memory path also CPU seconds by stage. In the same run, as
baselines: datasketch MinHashLSH doing the same dedup, and scikit-learn agglomerative
clustering (TF-IDF, average linkage) where it fits in memory (up to --baseline-max articles).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data"
CHUNK = 10_000  # articles per ingested JSONL file
BACKEND = "rensa"  # MinHash library
ARTICLES_PER_DAY = 3_000
START = dt.date(2020, 1, 1)
OUTLETS = [f"Outlet {n}" for n in range(60)]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def real_texts() -> list[str]:
    from newsweave.eval.datasets import read_multinews, read_neus, read_semeval_pairs, read_wikiref

    texts: list[str] = []
    sources = [
        (DATA / "multinews" / "validation.csv", lambda p: [d for c in read_multinews(p) for d in c.documents]),
        (DATA / "neus-allsides" / "val.source", lambda p: [d for c in read_neus(p) for d in c.documents]),
        (DATA / "wikiref220" / "WikiRef220", lambda p: [d.text for d in read_wikiref(p)]),
        (DATA / "semeval2022-task8" / "hfl_training_set_with_text.csv",
         lambda p: [t for pair in read_semeval_pairs(p) if pair.lang1 == pair.lang2 == "en" for t in (pair.text1, pair.text2)]),
    ]
    for path, read in sources:
        if path.exists():
            texts.extend(read(path))
    truth = DATA / "extraction-benchmark" / "ground-truth.json"
    if truth.exists():
        texts.extend(v.get("articleBody", "") for v in json.loads(truth.read_text(encoding="utf-8")).values())
    if not texts:
        sys.exit(f"bench: no real articles found under {DATA} (the data lives beside the checkout in ../shared)")
    return [t for t in texts if len(t.split()) > 80]


def passages(texts: list[str]) -> list[list[str]]:
    """Runs of 2-3 consecutive sentences: the building blocks of synthetic stories."""
    out = []
    for text in texts:
        sentences = [s.strip() for s in _SENTENCE.split(text.replace("\n", " ")) if len(s.split()) >= 5]
        for start in range(0, len(sentences) - 1, 3):
            out.append(sentences[start : start + 3])
    return out


def generate(size: int, seed: int = 7, reuse: Counter | None = None):
    """Yield (record, story number, copy group) for ``size`` articles. ``reuse`` counts the
    stories made and those that share a passage with another story of the past week: the
    real passages are few (about 11,000; all of them are used in about three days at 3,000
    articles a day), so beyond about 10,000 articles most stories share text with another of
    the same week, and the generator's stories stop being separable, whatever clusters them."""
    rng = random.Random(seed)
    blocks = passages(real_texts())
    sentences = [s for b in blocks for s in b]
    produced, story = 0, 0
    flood_text = " ".join(rng.choice(blocks)[0] for _ in range(6))  # one text copied many times
    last_used: dict[int, int] = {}  # passage -> the day a story last used it
    reuse = Counter() if reuse is None else reuse
    deck: list[int] = []  # passages are dealt from a shuffled deck: none is used twice before all are used once

    def deal() -> int:
        if not deck:
            deck.extend(range(len(blocks)))
            rng.shuffle(deck)
        return deck.pop()

    while produced < size:
        story += 1
        day = produced // ARTICLES_PER_DAY
        chosen = [deal() for _ in range(rng.randint(3, 4))]
        reuse["stories"] += 1
        reuse["sharing a passage within a week"] += any(day - last_used.get(b, -99) < 7 for b in chosen)
        last_used.update((b, day) for b in chosen)
        body = [s for b in chosen for s in blocks[b]]
        title = " ".join(body[0].split()[:10])
        versions = [("original", body)]
        for _ in range(min(8, int(rng.expovariate(1 / 2.0)))):
            kind = rng.choice(("copy", "edit", "update"))
            if kind == "copy":
                versions.append((kind, body))
            elif kind == "edit":
                edited = list(body)
                if len(edited) > 4:
                    del edited[rng.randrange(len(edited))]
                edited.insert(rng.randrange(len(edited) + 1), rng.choice(sentences))
                words = edited[0].split()
                words[rng.randrange(len(words))] = rng.choice(("reportedly", "officially", "late", "early"))
                edited[0] = " ".join(words)
                versions.append((kind, edited))
            else:
                versions.append((kind, body + rng.sample(sentences, 2)))
        for n, (kind, text) in enumerate(versions):
            if produced >= size:
                break
            shift = rng.randint(0, 2) if n else 0  # copies run a day or two later
            published = (START + dt.timedelta(days=day + shift)).isoformat()
            record = {"id": f"s{story}v{n}", "title": title, "text": " ".join(text),
                      "source": rng.choice(OUTLETS), "published": published}
            roll = rng.random()
            if roll < 0.005:
                record["published"] = None  # no date
            elif roll < 0.007:
                record["published"] = "9999-99-99"  # absurd date
            yield record, story, f"g{story}"
            produced += 1
        if rng.random() < 0.01 and produced < size:  # the flood: one text, many outlets
            for _ in range(min(size - produced, 50)):
                yield ({"id": f"flood{produced}", "title": "Notice", "text": flood_text,
                        "source": rng.choice(OUTLETS), "published": None}, -1, "flood")
                produced += 1


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def stop_worker_server() -> None:
    """Worker processes are children of multiprocessing's fork server, which outlives their
    pool; once it is stopped, their CPU time and peak RSS count in RUSAGE_CHILDREN here."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)  # private: no public way
    if stop is not None:
        stop()


def write_corpus(size: int, workdir: Path) -> None:
    """``size`` generated articles as JSONL files of CHUNK in workdir/corpus, and per article id
    its generator story and copy group in workdir/gold.json."""
    corpus = workdir / "corpus"
    corpus.mkdir()
    gold, chunk, files, reuse = {}, [], 0, Counter()
    for record, story, group in generate(size, reuse=reuse):
        chunk.append(json.dumps(record))
        gold[record["id"]] = (story if story >= 0 else "flood", group)
        if len(chunk) == CHUNK or len(gold) == size:
            (corpus / f"part{files:04d}.jsonl").write_text("\n".join(chunk), encoding="utf-8")
            files, chunk = files + 1, []
    (workdir / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (workdir / "reuse.json").write_text(json.dumps(reuse), encoding="utf-8")


def measure(path: str, workdir: Path, size: int, baseline_max: int, datasketch_max: int, jobs: int) -> dict:
    """One path over the corpus in workdir, in this process (peak RSS is the path's own)."""
    from newsweave.eval.metrics import bcubed

    gold = json.loads((workdir / "gold.json").read_text(encoding="utf-8"))
    started, started_cpu = time.perf_counter(), time.process_time()
    children_cpu = cpu_seconds(resource.RUSAGE_CHILDREN)
    if path == "memory":
        ids, found_copy, labels, stage, waited = in_memory(workdir / "corpus", jobs)
    else:
        ids, found_copy, labels, stage, waited = through_store(workdir, jobs)
    elapsed = time.perf_counter() - started
    stop_worker_server()
    # CPU seconds of this process and its workers: on a shared machine the wall clock also
    # counts other people's work.
    cpu = time.process_time() - started_cpu + cpu_seconds(resource.RUSAGE_CHILDREN) - children_cpu
    workers_rss = peak_rss_mb(resource.RUSAGE_CHILDREN) if jobs > 1 else 0.0
    result = {"path": path, "size": size, "jobs": jobs, "articles_per_s": size / elapsed,
              "articles_per_cpu_s": size / cpu, "us_per_article": 1e6 * elapsed / size,
              "cpu_us_per_article": 1e6 * cpu / size,
              # main process plus every worker at the largest worker's peak: an upper bound
              "peak_rss_mb": peak_rss_mb() + jobs * workers_rss, "main_rss_mb": peak_rss_mb(),
              "worker_rss_mb": workers_rss, "stage_s": {k: round(stage[k], 1) for k in STAGES if k in stage},
              "waited_s": round(waited, 1)}
    result["dedup"] = dedup_quality(ids, found_copy, gold)
    result["stories_bcubed_f1"] = round(bcubed([gold[i][0] for i in ids], labels)["bcubed_f1"], 3)
    reuse = json.loads((workdir / "reuse.json").read_text(encoding="utf-8"))
    result["stories_sharing_passages"] = round(reuse["sharing a passage within a week"] / reuse["stories"], 3)
    if path == "memory":
        files = sorted((workdir / "corpus").iterdir())
        if size <= datasketch_max:
            result["datasketch"] = compare_minhash_backends(files)
        if size <= baseline_max:
            result["agglomerative"] = agglomerative_baseline(files, [gold[i][0] for i in ids])
    return result


def in_memory(corpus: Path, jobs: int):
    """The story engine without storage: ``prepare`` in ``jobs`` workers, then in this process,
    in order, copies looked up and filed, document frequencies counted (copies too, as the
    store counts them) and each article that copies no earlier one assigned to a story."""
    from newsweave import cluster, prepare, store
    from newsweave.dedup import DuplicateFinder
    from newsweave.story_features import TermStatistics, vectorise

    finder, stats, index = DuplicateFinder(BACKEND), TermStatistics(), cluster.StoryIndex()
    ids: list[str] = []
    found_copy: list[int | None] = []  # per article: the earlier article it copies
    finder_to_corpus: list[int] = []  # DuplicateFinder position -> article number
    labels: list[object] = []
    stage = Counter()
    waited = 0.0  # this process waiting for prepared files
    steps = prepare.Steps(sketch=True, terms=True, backend=BACKEND)
    t0 = time.perf_counter()
    for batch in prepare.prepare_batches([str(corpus)], jobs, steps, store.BATCH):
        t1, c1 = time.perf_counter(), time.process_time()
        waited += t1 - t0
        stage.update(batch.seconds)
        articles, terms, base = batch.articles, batch.terms, len(found_copy)
        # The batch in time order, as the store adds it: the first published of copies is
        # the one kept, the others copy it.
        order = cluster.time_order(articles)
        found_copy.extend([None] * len(articles))
        for i in order:
            if batch.sketches[i] is not None:  # non-articles are never anyone's copy
                finder_to_corpus.append(base + i)
                position, _ = finder.add_sketch(batch.sketches[i])
                found_copy[base + i] = None if position is None else finder_to_corpus[position]
        c2 = time.process_time()
        for counts in terms:
            if counts is not None:
                stats.add(counts)
        labels.extend([None] * len(articles))
        for i in order:
            copied = found_copy[base + i]
            if terms[i] is None:
                labels[base + i] = f"alone{base + i}"
            elif copied is not None:  # a copy joins the story of the article it copies (labelled
                labels[base + i] = labels[copied]  # before it, in this order), as in the store
            else:
                labels[base + i] = index.assign(cluster.features_of(articles[i], vectorise(terms[i], stats)))
        ids.extend(a.id for a in articles)
        t0, c3 = time.perf_counter(), time.process_time()
        stage["dedup lookup"] += c2 - c1
        stage["story assignment"] += c3 - c2
    return ids, [None if j is None else ids[j] for j in found_copy], labels, stage, waited


def through_store(workdir: Path, jobs: int):
    """What ``newsweave ingest`` does: ``store.ingest_paths`` into a new SQLite file."""
    import sqlite3

    from newsweave import store

    db = workdir / "store.db"
    result, errors, counts = store.ingest_paths([str(workdir / "corpus")], db, jobs=jobs)
    if errors:
        sys.exit(f"bench: the store reported input errors: {errors[:3]}")
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute("SELECT id, story, duplicate_of FROM articles ORDER BY seq").fetchall()
    finally:
        connection.close()
    labels = [story if story is not None else f"alone{n}" for n, (_, story, _) in enumerate(rows)]
    return [r[0] for r in rows], [r[2] for r in rows], labels, Counter(), 0.0


def dedup_quality(ids: list[str], found_copy: list[str | None], gold: dict) -> dict:
    """Precision and recall of 'copies another article' links against the known copy groups."""
    linked = [(i, j) for i, j in zip(ids, found_copy) if j is not None]
    correct = sum(1 for i, j in linked if gold[i][1] == gold[j][1])
    expected = len(ids) - len({gold[i][1] for i in ids})  # every member of a group but one
    return {"precision": round(correct / len(linked), 3) if linked else None,
            "recall": round(correct / expected, 3) if expected else None}


def compare_minhash_backends(files: list[Path]) -> dict:
    """The same streaming dedup with datasketch and with rensa, timed on the same texts."""
    from newsweave import ingest
    from newsweave.dedup import DuplicateFinder

    texts = [a.text for f in files for a in ingest.read_paths([str(f)])[0]]
    out = {}
    for backend in ("datasketch", "rensa"):
        finder = DuplicateFinder(backend)
        t0 = time.perf_counter()
        links = sum(finder.add(t)[0] is not None for t in texts)
        out[backend] = {"articles_per_s": round(len(texts) / (time.perf_counter() - t0)), "copies_found": links}
    out["rensa_speedup"] = round(out["rensa"]["articles_per_s"] / out["datasketch"]["articles_per_s"], 1)
    return out


def agglomerative_baseline(files: list[Path], gold_story: list) -> dict:
    """scikit-learn TF-IDF + average-linkage agglomerative clustering (all pairs, dense)."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave import ingest
    from newsweave.eval.metrics import bcubed

    texts = [a.text for f in files for a in ingest.read_paths([str(f)])[0]]
    tracemalloc.start()
    t0 = time.perf_counter()
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=0.8).fit_predict(distances)
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"articles_per_s": round(len(texts) / elapsed), "peak_alloc_mb": round(peak),
            "stories_bcubed_f1": round(bcubed(gold_story[: len(texts)], labels.tolist())["bcubed_f1"], 3)}


STAGES = ("read", "clean", "sketch", "terms", "dedup lookup", "story assignment")
PATHS = {"memory": "in memory (bench loop)", "store": "newsweave ingest (store.ingest_paths)"}


def main() -> None:
    from newsweave.workers import available_cpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--paths", nargs="+", choices=list(PATHS), default=list(PATHS),
                        help="memory: the stages with everything in memory; store: what 'newsweave ingest' does")
    parser.add_argument("--baseline-max", type=int, default=10_000,
                        help="largest size for the all-pairs agglomerative baseline (memory grows as n^2)")
    parser.add_argument("--datasketch-max", type=int, default=10_000,
                        help="largest size for the datasketch-vs-rensa dedup comparison")
    parser.add_argument("--jobs", type=int, default=available_cpus(),
                        help="worker processes for the per-file stages (default: one per CPU; 1: all in one process)")
    parser.add_argument("--one", nargs=3, metavar=("PATH", "SIZE", "WORKDIR"), help=argparse.SUPPRESS)  # child
    args = parser.parse_args()
    if args.one:
        path, size, workdir = args.one
        print(json.dumps(measure(path, Path(workdir), int(size), args.baseline_max, args.datasketch_max, args.jobs)))
        return
    results: dict[str, list[dict]] = {path: [] for path in args.paths}
    for size in args.sizes:
        workdir = Path(tempfile.mkdtemp(prefix="newsweave-bench-"))
        try:
            write_corpus(size, workdir)
            for path in args.paths:  # each in its own process: peak RSS is the path's own
                child = subprocess.run([sys.executable, __file__, "--one", path, str(size), str(workdir),
                                        "--baseline-max", str(args.baseline_max),
                                        "--datasketch-max", str(args.datasketch_max), "--jobs", str(args.jobs)],
                                       capture_output=True, text=True)
                if child.returncode != 0:
                    sys.exit(f"bench of {path} at {size} failed:\n{child.stderr[-3000:]}")
                results[path].append(json.loads(child.stdout.strip().splitlines()[-1]))
        finally:  # a failed or interrupted run leaves no corpus behind (gigabytes at 1M)
            shutil.rmtree(workdir, ignore_errors=True)
        report(results)


def report(results: dict[str, list[dict]]) -> None:
    runs = {path: rows for path, rows in results.items() if rows}
    size, jobs = next(iter(runs.values()))[-1]["size"], next(iter(runs.values()))[-1]["jobs"]
    print(f"\n== {size:,} articles, {jobs} job(s)")
    for path, rows in runs.items():
        first, latest = rows[0], rows[-1]
        growth = latest["cpu_us_per_article"] / first["cpu_us_per_article"]
        print(f"   {PATHS[path]}: {latest['articles_per_s']:,.0f} articles/s end to end "
              f"({latest['articles_per_cpu_s']:,.0f} per CPU-second), peak RSS {latest['peak_rss_mb']:,.0f} MB "
              f"(main {latest['main_rss_mb']:,.0f} + {latest['jobs'] if latest['worker_rss_mb'] else 0} x worker "
              f"{latest['worker_rss_mb']:,.0f}), "
              f"{latest['cpu_us_per_article']:,.0f} CPU-us/article ({growth:.2f}x the {first['size']:,} cost)")
        print(f"      dedup vs known copies: {latest['dedup']}; stories B-cubed F1 vs generator: "
              f"{latest['stories_bcubed_f1']} (of the generator's stories, {latest['stories_sharing_passages']:.0%} "
              "share a real passage with another story of the same week)")
        if latest["stage_s"]:
            print(f"      stages (CPU s; read to terms in the workers): {latest['stage_s']}; "
                  f"main process waited {latest['waited_s']} s for files")
    if len(runs) == 2:
        memory, stored = runs["memory"][-1], runs["store"][-1]
        print(f"   the store path runs at {stored['articles_per_s'] / memory['articles_per_s']:.2f}x the in-memory "
              f"speed, with {stored['peak_rss_mb'] / memory['peak_rss_mb']:.2f}x its peak RSS")
    latest = runs.get("memory", [{}])[-1]
    if "datasketch" in latest:
        d = latest["datasketch"]
        print(f"   MinHash dedup alone: rensa {d['rensa']['articles_per_s']:,}/s vs datasketch "
              f"{d['datasketch']['articles_per_s']:,}/s ({d['rensa_speedup']}x); copies found "
              f"{d['rensa']['copies_found']} vs {d['datasketch']['copies_found']}")
    if "agglomerative" in latest:
        a = latest["agglomerative"]
        print(f"   agglomerative baseline (cluster only): {a['articles_per_s']:,} articles/s, peak allocation "
              f"{a['peak_alloc_mb']:,} MB, stories B-cubed F1 {a['stories_bcubed_f1']}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
