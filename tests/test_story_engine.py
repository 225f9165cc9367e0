"""The story engine: duplicates, non-articles, story clustering (batch and incremental), the store."""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from conftest import DATA, SEEDS, require, store_rows
from newsweave import clean, cluster, dedup, ingest, nonarticle, prepare, store
from newsweave.errors import UserError
from newsweave.eval import cluster as eval_cluster
from newsweave.eval.datasets import read_multinews
from newsweave.eval.metrics import bcubed, pairwise
from newsweave.minhash import NearDuplicateIndex
from newsweave.model import Article
from newsweave.story_features import TermStatistics, vectorise
from newsweave.text_features import shingles

LEADERS_CALL = {"000_50bb928b4c99f9e1", "001_adeb160aabaa433b", "002_9d12021e3330cdc8", "004_4091e7559a748dbf"}
MINISTERS_CALL = "003_7e7789833fe97c79"

WIRE = ("Officials in the city council voted on Tuesday to approve a new budget for public schools. "
        "The plan adds funding for teachers, buses and building repairs across the district. "
        "Critics said the vote was rushed and that parents had not been consulted. "
        "The mayor is expected to sign the measure next week, her office said. ")


def _seed_articles() -> list[Article]:
    require(SEEDS)
    articles, errors = ingest.read_paths([str(SEEDS)])
    assert not errors
    clean.clean_articles(articles)
    return articles


def _base_id(article: Article) -> str:
    return article.id.split("/")[-1].split(".")[0]


# --- stories -------------------------------------------------------------------------------

def test_seeds_leaders_call_is_one_story_and_ministers_call_another():
    articles = _seed_articles()
    groups = [{_base_id(a) for a in group} for group in cluster.group_stories(articles)]
    assert LEADERS_CALL in groups
    assert {MINISTERS_CALL} in groups


def test_seeds_incremental_mode_agrees_with_batch():
    articles = _seed_articles()
    features = cluster.article_features(articles)
    index = cluster.StoryIndex()
    story_of = {}
    for i in cluster.time_order(articles):
        story_of[_base_id(articles[i])] = index.assign(features[i])
    assert len({story_of[a] for a in LEADERS_CALL}) == 1
    assert story_of[MINISTERS_CALL] != story_of["000_50bb928b4c99f9e1"]


def test_seeds_ingested_after_other_stories_stay_apart(tmp_path):
    # In a store that already holds other stories, IDF over the small store lifts the ministers'
    # call (undated, other people) over the join bar of the leaders' story; it stays apart
    # because it is only 0.52 as close to the leaders' reports as they are to each other.
    require(SEEDS)
    db = tmp_path / "news.db"
    store.ingest_paths([str(Path(__file__).resolve().parents[1] / "examples" / "corpus")], db)
    store.ingest_paths([str(SEEDS)], db)
    with store.Store(db) as stored:
        story_of = {article: key for key, members in stored.stories().items() for article in members}
    assert len({story_of[a] for a in LEADERS_CALL}) == 1
    assert story_of[MINISTERS_CALL] != story_of["000_50bb928b4c99f9e1"]


def test_story_cohesion_is_the_mean_similarity_between_members():
    vectors = [{"a": 0.6, "b": 0.8}, {"a": 1.0}, {"b": 0.6, "c": 0.8}]
    story = cluster.StoryState(key=0)
    for vector in vectors:
        story.add(vector, None)
    pairs = [(0, 1), (0, 2), (1, 2)]
    expected = sum(sum(vectors[i].get(t, 0.0) * w for t, w in vectors[j].items()) for i, j in pairs) / 3
    assert story.cohesion(cluster.DEFAULT_THRESHOLDS.centroid_terms) == pytest.approx(expected)
    assert cluster.StoryState(key=1).cohesion(300) is None


def test_time_window_keeps_far_apart_articles_apart():
    text = "Flooding closed the main bridge in Riverton after heavy rain, and Mayor Ann Hollis declared an emergency."
    a = Article("a", "a", text, published="2024-03-01")
    b = Article("b", "b", text + " Schools stayed shut.", published="2024-06-01")
    c = Article("c", "c", text + " Schools stayed shut.", published="2024-03-02")
    groups = [{x.id for x in g} for g in cluster.group_stories([a, b, c])]
    assert {"a", "c"} in groups and {"b"} in groups


def test_bad_input_does_not_crash_the_clustering():
    odd = [Article("empty", "p", ""), Article("nodate", "p", "Some words about a fire downtown."),
           Article("absurd", "p", "Some words about a fire downtown.", published="9999-99-99"),
           Article("spaces", "p", "   \n  ")]
    groups = cluster.group_stories(odd)
    assert sorted(a.id for g in groups for a in g) == sorted(a.id for a in odd)
    assert cluster.group_stories([]) == []


# --- duplicates ----------------------------------------------------------------------------

@pytest.mark.parametrize("backend", ["rensa", "datasketch"])
def test_exact_and_near_duplicates_are_grouped_under_the_earliest(backend):
    articles = [
        Article("late", "p", WIRE.upper().lower(), published="2024-01-03", source="Paper B"),  # same normalised text
        Article("wire", "p", WIRE, published="2024-01-02", source="Wire"),
        Article("edited", "p", WIRE.replace("The mayor is expected to sign the measure next week, her office said. ", "")
                + "Several parent groups said they would protest at the next meeting. ", source="Paper C"),
        Article("other", "p", "A late goal gave the visitors a draw in a match the home side had dominated for an hour."),
    ]
    groups = dedup.mark_duplicates(articles, backend=backend)
    assert len(groups) == 1
    assert groups[0].canonical == "wire"
    assert set(groups[0].copies) == {"late", "edited"}
    assert {a.id: a.duplicate_of for a in articles} == {"late": "wire", "wire": None, "edited": "wire", "other": None}
    view = dedup.copies_view(groups, articles)
    copies = {c["id"]: c for c in view[0]["copies"]}
    assert copies["late"]["exact"] and copies["late"]["outlet"] == "Paper B"
    assert [s["text"] for s in copies["edited"]["added"]] == ["Several parent groups said they would protest at the next meeting."]
    assert [s["text"] for s in copies["edited"]["removed"]] == ["The mayor is expected to sign the measure next week, her office said."]
    removed = copies["edited"]["removed"][0]
    assert articles[1].text[removed["start"]:removed["end"]] == removed["text"]


def test_many_copies_of_one_text_make_one_group():
    articles = [Article(f"copy{i}", "p", WIRE) for i in range(3000)]
    groups = dedup.mark_duplicates(articles)
    assert len(groups) == 1 and len(groups[0].copies) == 2999


@pytest.mark.parametrize("backend", ["rensa", "datasketch"])
def test_texts_sketched_beforehand_are_filed_as_texts_added_whole(backend):
    import pickle
    texts = [WIRE, "", WIRE.upper(), WIRE + " Updated at noon.", "A late goal gave the visitors a draw.",
             "   ", WIRE.replace("Tuesday", "Monday"), "A late goal gave the visitors a draw!"]
    whole, sketched = dedup.DuplicateFinder(backend), dedup.DuplicateFinder(backend)
    # Sketches cross process boundaries: they must survive pickling.
    sketches = [pickle.loads(pickle.dumps(dedup.sketch_text(t, backend))) for t in texts]
    assert [whole.add(t) for t in texts] == [sketched.add_sketch(s) for s in sketches]
    assert whole.add(WIRE)[0] == 0


def test_near_duplicate_index_rejects_unrelated_and_empty_texts():
    index = NearDuplicateIndex(0.5)
    assert index.add(shingles(WIRE)) == []
    assert index.add(set()) == []
    assert index.add(shingles("Prices of wheat rose sharply on Monday after the drought hit the southern plains.")) == []
    assert [key for key, _ in index.add(shingles(WIRE + " Updated at noon."))] == [0]


# --- non-articles --------------------------------------------------------------------------

def test_real_multinews_noise_pages_are_recognised_and_real_articles_are_not():
    path = require(DATA / "multinews" / "validation.csv")
    documents = [d for c in read_multinews(path) for d in c.documents]
    crawl_notices = [d for d in documents if "Alexa Internet has been donating their crawl data" in d]
    tweet_widgets = [d for d in documents if d.lstrip().startswith("Tweet with a location")]
    assert crawl_notices and tweet_widgets
    for page in crawl_notices + tweet_widgets:
        assert nonarticle.non_article_reason(page) is not None
    long_articles = [d for d in documents if len(d.split()) > 400][:60]
    assert all(nonarticle.non_article_reason(d) is None for d in long_articles)


def test_short_fragments_are_not_articles():
    assert nonarticle.non_article_reason("") is not None
    assert nonarticle.non_article_reason("Click here.") is not None
    assert nonarticle.non_article_reason(WIRE) is None


# --- evaluation ----------------------------------------------------------------------------

def test_metrics_on_a_known_case():
    gold = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    scores = bcubed(gold, predicted)
    assert scores["bcubed_precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert scores["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert pairwise(gold, predicted)["pairwise_precision"] == pytest.approx(2 / 4)
    assert bcubed(gold, gold)["bcubed_f1"] == 1.0


@pytest.mark.parametrize("name,relative,floor", [
    ("neus", "neus-allsides/val.source", 0.80),
    ("multinews", "multinews/validation.csv", 0.80),
])
def test_eval_cluster_on_a_slice_beats_the_floor_and_the_baseline(name, relative, floor):
    path = require(DATA / relative)
    args = argparse.Namespace(path=str(path), format=None, limit=80, mode="batch", no_baseline=False)
    result = eval_cluster.run(args)
    ours = result["systems"]["newsweave"]["bcubed_f1"]
    baseline = result["systems"]["tfidf-agglomerative"]["bcubed_f1"]
    assert ours >= floor
    assert ours >= baseline - 0.01  # the baseline is oracle-tuned on this very slice


@pytest.mark.parametrize("relative,limit,bar", [
    # Mixed order, batch: the clustering before crowding and two-sided links scored 90.3 and 88.4
    # on these slices, with them 92.4 and 90.1; the link floor that keeps piles of unrelated
    # articles apart (below) costs these small slices some recall: 91.4 and 87.5.
    ("neus-allsides/val.source", 150, 0.905),
    ("multinews/validation.csv", 60, 0.865),
])
def test_eval_cluster_on_a_slice_keeps_its_level(relative, limit, bar):
    path = require(DATA / relative)
    args = argparse.Namespace(path=str(path), format=None, limit=limit, mode="batch", no_baseline=True)
    assert eval_cluster.run(args)["systems"]["newsweave"]["bcubed_f1"] >= bar


@pytest.mark.parametrize("relative,most_joined", [
    # Batch, articles each from another story: with links down to similarity 0.05 (crowding takes
    # little off among unrelated articles) 23% and 8% of a pile of 10 were joined to another.
    ("neus-allsides/val.source", 0.08),
    ("multinews/validation.csv", 0.02),
])
def test_a_pile_of_articles_about_different_stories_stays_apart(relative, most_joined):
    path = require(DATA / relative)
    args = argparse.Namespace(path=str(path), format=None, limit=None, mode="batch", no_baseline=True)
    figures = eval_cluster.run(args)["systems"]["newsweave"]
    assert figures["pile10_false_joins"] <= most_joined
    assert figures["pile50_false_joins"] <= 0.2


def test_pile_false_joins_counts_the_articles_put_with_another():
    stories = [[0, 1], [2], [3, 4, 5], [6]]
    assert eval_cluster.pile_false_joins(stories, lambda pile: list(range(len(pile))), 4, draws=3) == 0.0
    assert eval_cluster.pile_false_joins(stories, lambda pile: [0] * len(pile), 4, draws=3) == 0.75
    assert eval_cluster.pile_false_joins(stories, lambda pile: [0, 0, 1, 2], 4, draws=2) == 0.25
    assert eval_cluster.pile_false_joins(stories, lambda pile: [0] * len(pile), 5) is None  # too few stories


def test_eval_cluster_mixes_the_stories_documents():
    articles = [Article(f"{n}/{k}", "p", "text") for n in range(20) for k in range(3)]
    gold = [a.id.split("/")[0] for a in articles]
    mixed, mixed_gold = eval_cluster.mixed(articles, gold)
    assert [a.id.split("/")[0] for a in mixed] == mixed_gold
    assert sorted(a.id for a in mixed) == sorted(a.id for a in articles)
    assert mixed_gold != gold and eval_cluster.mixed(articles, gold)[1] == mixed_gold


def test_eval_cluster_reports_a_missing_path_plainly(tmp_path):
    from newsweave.errors import UserError
    args = argparse.Namespace(path=str(tmp_path / "missing.csv"), format=None, limit=None, mode="batch",
                              no_baseline=True)
    with pytest.raises(UserError):
        eval_cluster.run(args)


# --- the store -----------------------------------------------------------------------------

def _write_corpus(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, body) in texts.items():
        (folder / f"{name}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")


CORPUS = {
    "storm1": ("Storm closes roads in Riverton", "A winter storm closed roads and schools in Riverton on Monday, "
               "and Mayor Ann Hollis urged residents to stay home while crews cleared snow from the highways."),
    "storm2": ("Riverton shuts schools as storm hits", "Mayor Ann Hollis shut schools and closed roads in Riverton "
               "as a winter storm dumped snow on Monday; crews worked through the night on the highways."),
    "vote": ("Parliament passes budget", "Lawmakers passed the national budget by a narrow margin after a long debate "
             "over pensions and defence spending, with Finance Minister Karel Stoma promising new tax cuts."),
    "wire": ("Budget passes", WIRE),
    "wirecopy": ("Budget passes in council", WIRE + "Several parent groups said they would protest. "),
}


def test_ingest_twice_changes_nothing(tmp_path):
    _write_corpus(tmp_path / "news", CORPUS)
    db = tmp_path / "stories.db"
    first, _, counts = store.ingest_paths([str(tmp_path / "news")], db)
    assert first.added == len(CORPUS) and counts["articles"] == len(CORPUS)
    before = store_rows(db)
    second, _, _ = store.ingest_paths([str(tmp_path / "news")], db)
    assert second.added == 0 and second.skipped == len(CORPUS)
    assert store_rows(db) == before
    with store.Store(db) as stored:
        stories = [set(ids) for ids in stored.stories().values()]
    ids = {a: next(i for s in stories for i in s if i.startswith(a)) for a in CORPUS}
    assert any({ids["storm1"], ids["storm2"]} <= s for s in stories)
    assert not any({ids["storm1"], ids["vote"]} <= s for s in stories)
    assert counts["duplicates"] == 1


def test_ingest_adds_to_existing_stories_without_reclustering(tmp_path):
    _write_corpus(tmp_path / "day1", {k: CORPUS[k] for k in ("storm1", "vote")})
    _write_corpus(tmp_path / "day2", {"storm2": CORPUS["storm2"]})
    db = tmp_path / "stories.db"
    store.ingest_paths([str(tmp_path / "day1")], db)
    result, _, counts = store.ingest_paths([str(tmp_path / "day2")], db)
    assert result.added == 1 and result.new_stories == 0
    assert counts["stories"] == 2


def test_interrupted_ingest_keeps_what_was_committed(tmp_path, monkeypatch):
    _write_corpus(tmp_path / "news", CORPUS)
    db = tmp_path / "stories.db"
    monkeypatch.setattr(store, "CHUNK", 2)
    calls = {"n": 0}
    original = store.Store._add_chunk

    def failing(self, *chunk_and_more):
        calls["n"] += 1
        if calls["n"] == 2:
            original(self, *chunk_and_more)  # half-written, then interrupted
            raise KeyboardInterrupt
        return original(self, *chunk_and_more)

    monkeypatch.setattr(store.Store, "_add_chunk", failing)
    with pytest.raises(KeyboardInterrupt):
        store.ingest_paths([str(tmp_path / "news")], db)
    with store.Store(db) as stored:
        assert stored.counts()["articles"] == 2  # the first chunk only: the second rolled back
    monkeypatch.setattr(store.Store, "_add_chunk", original)
    result, _, counts = store.ingest_paths([str(tmp_path / "news")], db)
    assert result.skipped == 2 and result.added == len(CORPUS) - 2
    assert counts["articles"] == len(CORPUS)


def test_eval_pairs_story_similarity_tracks_the_gold_rating():
    from newsweave.eval import pairs as eval_pairs
    path = require(DATA / "semeval2022-task8" / "hfl_training_set_with_text.csv")
    args = argparse.Namespace(path=str(path), languages="en-en", limit=80)
    result = eval_pairs.run(args)
    assert result["items"] == 80
    assert result["systems"]["newsweave"]["pearson"] > 0.5


def test_wikiref_reader_makes_small_topics_noise_singletons():
    from newsweave.eval.datasets import read_wikiref
    documents = read_wikiref(require(DATA / "wikiref220"))
    labels = [d.label for d in documents]
    assert len(documents) == 220
    assert labels.count("malaysia.airlines.flight") == 39
    noise = [label for label in labels if label.startswith("noise:")]
    assert noise and len(set(noise)) == len(noise)


def test_copies_join_their_canonicals_story_without_being_clustered_again():
    articles = [Article(f"copy{i}", "p", WIRE) for i in range(50)]
    articles.append(Article("other", "p", "A late goal gave the visitors a draw in a match the home side dominated."))
    dedup.mark_duplicates(articles)
    groups = [{a.id for a in g} for g in cluster.group_stories(articles)]
    assert {f"copy{i}" for i in range(50)} in groups and {"other"} in groups


def _news_with_copies(folder, data_dir, stories=40, days=2, first=0, first_day=dt.date(2020, 1, 1)):
    """Multi-News validation documents of stories ``first`` to ``first + stories`` as JSONL,
    spread over ``days`` days from ``first_day``, with exact and edited copies by other outlets a day later:
    real topics that overlap."""
    import json

    clusters = read_multinews(data_dir / "multinews" / "validation.csv")[first : first + stories]
    records = []
    for n, story in enumerate(clusters, start=first):
        day = first_day + dt.timedelta(days=n % days)
        for d, text in enumerate(story.documents):
            record = {"id": f"s{n}d{d}", "text": text, "source": f"Outlet {d}", "published": day.isoformat()}
            records.append(record)
            if d == 0:  # a wire copy and an edited re-publication, a day later
                later = (day + dt.timedelta(days=1)).isoformat()
                records.append({**record, "id": f"s{n}copy", "source": "Outlet 9", "published": later})
                records.append({**record, "id": f"s{n}edit", "source": "Outlet 8", "published": later,
                                "text": text.replace(".", ", officials said.", 1)})
    folder.mkdir()
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")


def _in_memory_stories(paths) -> dict[str, object]:
    """The store's stages without the store (as bench/run.py's memory path): per batch, in
    time order, copies found by ``DuplicateFinder`` join their original's story, the others
    are assigned by an in-memory ``StoryIndex`` with document frequencies over the batch."""
    finder, stats, index = dedup.DuplicateFinder(), TermStatistics(), cluster.StoryIndex()
    label, finder_ids = {}, []
    for batch in prepare.prepare_batches(paths, 1, store.STEPS, store.BATCH):
        for counts in batch.terms:
            if counts is not None:
                stats.add(counts)
        for i in cluster.time_order(batch.articles):
            article, sketch = batch.articles[i], batch.sketches[i]
            if sketch is None:
                continue
            finder_ids.append(article.id)
            earlier, _ = finder.add_sketch(sketch)
            if earlier is not None:
                label[article.id] = label[finder_ids[earlier]]
            else:
                label[article.id] = index.assign(cluster.features_of(article, vectorise(batch.terms[i], stats)))
    return label


def _partition(labels: dict[str, object]) -> set[frozenset[str]]:
    groups: dict[object, set[str]] = {}
    for article, key in labels.items():
        groups.setdefault(key, set()).add(article)
    return {frozenset(group) for group in groups.values()}


def test_store_and_memory_paths_give_the_same_stories(tmp_path, data_dir, monkeypatch):
    _news_with_copies(tmp_path / "news", data_dir)
    monkeypatch.setattr(store, "CHUNK", 50)  # several transactions per batch
    db = tmp_path / "news.db"
    result, errors, counts = store.ingest_paths([str(tmp_path / "news")], db)
    assert not errors and counts["duplicates"] >= 40
    with store.Store(db) as stored:
        stored_labels = {article: key for key, members in stored.stories().items() for article in members}
    memory = _partition(_in_memory_stories([str(tmp_path / "news")]))
    assert _partition(stored_labels) == memory
    assert 1 < len(memory) < len(stored_labels)  # a real grouping, not all apart or all together


def _postings_of_closed_stories(db) -> tuple[set[int], int]:
    """(the stories closed and taken out of the postings, posting rows still naming one of them)."""
    with store.Store(db) as stored:
        closed = {key for (key,) in stored.db.execute("SELECT key FROM stories WHERE filed = '[]'")}
        left = stored.db.execute("SELECT COUNT(*) FROM postings WHERE story IN"
                                 " (SELECT key FROM stories WHERE filed = '[]')").fetchone()[0]
    return closed, left


def test_closed_stories_leave_the_postings_and_both_paths_still_agree(tmp_path, data_dir, monkeypatch):
    # A month of news, swept for closed stories every 10 dated articles: the stories that
    # ended before the time window lose their postings, in memory and in the store, so a
    # lookup reads the stories of the window, not of the corpus; the stories are the same.
    _news_with_copies(tmp_path / "news", data_dir, stories=60, days=30)
    monkeypatch.setattr(store, "CHUNK", 50)
    monkeypatch.setattr(cluster, "EVICTION_EVERY", 10)
    db = tmp_path / "news.db"
    store.ingest_paths([str(tmp_path / "news")], db)
    with store.Store(db) as stored:
        stored_labels = {article: key for key, members in stored.stories().items() for article in members}
    assert _partition(stored_labels) == _partition(_in_memory_stories([str(tmp_path / "news")]))
    closed, left = _postings_of_closed_stories(db)
    assert len(closed) > 20 and left == 0
    # A later ingest, of the month after (another process: none of the first month's stories
    # is read), closes every story the first left open.
    first_month = set(stored_labels.values())
    assert closed < first_month
    _news_with_copies(tmp_path / "later", data_dir, stories=30, days=30, first=100, first_day=dt.date(2020, 2, 15))
    store.ingest_paths([str(tmp_path / "later")], db)
    closed, left = _postings_of_closed_stories(db)
    assert closed > first_month and left == 0


@pytest.mark.parametrize("days, sweep_every", [(2, cluster.EVICTION_EVERY), (30, 10)])
def test_a_tiny_posting_cache_gives_the_same_store(tmp_path, data_dir, monkeypatch, days, sweep_every):
    # The posting cache drops its least recently used terms beyond its bound; what it gives
    # back must always be the stored posting (postings here overflow their limit of 3), so
    # any bound gives the same store; also while closed stories leave the postings (a month
    # of news swept every 10 dated articles), where a full cached posting must show the
    # older stories its closed ones hid.
    _news_with_copies(tmp_path / "news", data_dir, days=days)
    monkeypatch.setattr(store, "CHUNK", 50)
    monkeypatch.setattr(cluster, "EVICTION_EVERY", sweep_every)
    prepared = prepare.prepare_articles(ingest.read_paths([str(tmp_path / "news")])[0], store.STEPS)
    thresholds = dataclasses.replace(cluster.DEFAULT_THRESHOLDS, posting_limit=3)
    for name, bound in (("large", 10**6), ("tiny", 20)):
        with store.Store(tmp_path / f"{name}.db") as stored:
            stored.index = store.StoredStoryIndex(stored.db, thresholds, posting_cache_entries=bound)
            stored.add(copy.deepcopy(prepared.articles), prepared.sketches, prepared.terms)
            assert stored.index._cached_entries <= bound + 3 + 1  # the bound, overshot by one term's posting at most
            assert stored.index._cached_entries == sum(len(p) + 1 for p in stored.index._postings.values())
    assert store_rows(tmp_path / "tiny.db") == store_rows(tmp_path / "large.db")
    assert len(store_rows(tmp_path / "tiny.db")["stories"]) > 10


def test_a_full_cached_posting_shows_an_older_open_story_once_a_newer_one_closes(tmp_path):
    # Postings show their newest stories; when one of them closes, an older story still
    # open (a long-running one) comes back into view, cached or not.
    thresholds = dataclasses.replace(cluster.DEFAULT_THRESHOLDS, posting_limit=2)
    with store.Store(tmp_path / "news.db") as stored:
        index = store.StoredStoryIndex(stored.db, thresholds)
        for key, last_day in ((0, 20), (1, 1), (2, 20)):  # story 1 ended long before the others
            story = cluster.StoryState(key=key, total=Counter({"strike": 1.0}), size=1, first_day=last_day,
                                       last_day=last_day, indexed={"strike"})
            index.save(story, ["strike"])
        index.flush()
        assert index.posting("strike") == [1, 2]  # the two newest, now cached
        index.forget_postings([], horizon=10)
        assert index.posting("strike") == [0, 2]
        assert store.StoredStoryIndex(stored.db, thresholds).posting("strike") == [0, 2]  # as read afresh


def test_a_store_of_another_schema_is_refused(tmp_path):
    db = tmp_path / "old.db"
    with store.Store(db) as stored:
        stored.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
        stored.db.commit()
    with pytest.raises(UserError, match="another newsweave version"):
        store.Store(db)
