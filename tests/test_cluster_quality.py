"""Story clustering quality: time in the incremental index, and datasets that carry dates.

All articles here are our own fictional text."""

from __future__ import annotations

import argparse
import json

from newsweave import cluster
from newsweave.eval import cluster as eval_cluster
from newsweave.eval.datasets import read_allsides_crawl
from newsweave.model import Article

FERRY_STRIKE = ("Ferry crews in Velmora walked off the job on Tuesday, stranding commuters at the Quillan harbor "
                "terminal. The Velmora Ferry Union said the strike over night-shift pay would last three days.")


def _filler(n: int, published: str | None) -> Article:
    # Each filler is about something of its own: no word beyond the template is shared.
    return Article(f"filler{n}", "p", f"Clerks of the zorv{n} guild counted qelb{n} barrels at wint{n} dock.",
                   published=published)


def test_undated_articles_do_not_push_dated_stories_out_of_the_incremental_index():
    # Undated articles come last in time order; the stories they may belong to must still be held
    # however many undated articles came before them, else they start stories of their own.
    strike = [Article("strike1", "p", FERRY_STRIKE, published="2024-01-02"),
              Article("strike2", "p", FERRY_STRIKE + " Talks resume on Friday.", published="2024-01-03")]
    dated_fillers = [_filler(n, f"2024-03-{1 + n % 28:02d}") for n in range(cluster.EVICTION_EVERY - 10)]
    undated_fillers = [_filler(n, None) for n in range(cluster.EVICTION_EVERY, cluster.EVICTION_EVERY + 20)]
    late_report = Article("strike3", "p", FERRY_STRIKE + " Commuters crowded the bus stations instead.")
    articles = strike + dated_fillers + undated_fillers + [late_report]
    features = cluster.article_features(articles)
    index = cluster.StoryIndex()
    story_of = {}
    for i in cluster.time_order(articles):
        story_of[articles[i].id] = index.assign(features[i])
    assert story_of["strike1"] == story_of["strike2"] == story_of["strike3"]


def test_dated_articles_still_evict_closed_stories():
    # The memory bound stands: once enough dated articles have moved time on, a story that ended
    # before the time window is dropped.
    articles = [Article("strike1", "p", FERRY_STRIKE, published="2024-01-02")]
    articles += [_filler(n, f"2024-03-{1 + n % 28:02d}") for n in range(cluster.EVICTION_EVERY)]
    features = cluster.article_features(articles)
    index = cluster.StoryIndex()
    keys = {articles[i].id: index.assign(features[i]) for i in cluster.time_order(articles)}
    assert keys["strike1"] not in index.stories
    assert len(index.stories) < len(articles)


def _crawl_line(story_date: str, news: dict) -> str:
    return json.dumps({"id": 1, "issue": "x", "date": story_date, "roundup": ["A roundup."], "news": news})


def test_allsides_crawl_reader_dates_articles_by_their_own_link_only(tmp_path):
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join([
        _crawl_line("2024-05-07T10:00:00-07:00", {
            "left": {"newsSource": "Left Daily", "newsTitle": "Velmora ferries stop",
                     "newsLink": "https://left.example/2024/05/06/velmora-ferries",
                     "newBody": str(["Ferry crews in Velmora walked off the job.", "Commuters waited."])},
            "right": {"newsSource": "Right Post", "newsTitle": "Strike strands commuters",
                      "newsLink": "https://right.example/news/velmora-strike",
                      "newBody": ["Crews struck.", "The union spoke."]},
            "center": {"newsSource": "Center Wire", "newsTitle": "No body", "newsLink": "", "newBody": ""}}),
        _crawl_line("2024-05-09T10:00:00-07:00", {}),
    ]) + "\n", encoding="utf-8")
    clusters = read_allsides_crawl(path)
    assert len(clusters) == 1  # the story without articles is left out
    story = clusters[0]
    assert story.titles == ["Velmora ferries stop", "Strike strands commuters"]
    assert story.sources == ["Left Daily", "Right Post"]
    # The link's date, never the crawl's story date (the same for every member: the answer).
    assert story.published == ["2024-05-06", None]
    assert story.documents[0] == "Velmora ferries stop\n\nFerry crews in Velmora walked off the job.\n\nCommuters waited."
    assert story.documents[1].endswith("Crews struck.\n\nThe union spoke.")
    assert story.summary == "A roundup."


def test_eval_cluster_gives_articles_their_dates_and_can_ignore_them(tmp_path):
    path = tmp_path / "crawl.jsonl"
    news = {side: {"newsSource": side, "newsTitle": f"Velmora ferry strike, {side} view",
                   "newsLink": f"https://{side}.example/2024/05/0{n + 1}/strike",
                   "newBody": [FERRY_STRIKE]} for n, side in enumerate(("left", "center", "right"))}
    path.write_text(_crawl_line("2024-05-02T00:00:00Z", news) + "\n", encoding="utf-8")
    articles, gold = eval_cluster.load(path, eval_cluster.guess_format(path), None)
    assert [a.published for a in articles] == ["2024-05-02", "2024-05-01", "2024-05-03"]  # sides sorted
    assert all(a.title and a.source for a in articles) and gold == ["0", "0", "0"]
    args = argparse.Namespace(path=str(path), format=None, limit=None, mode="incremental", no_baseline=True,
                              ignore_dates=True)
    result = eval_cluster.run(args)
    assert "0 of 3 documents dated (dates ignored)" in result["notes"]
    assert result["systems"]["newsweave"]["bcubed_f1"] == 1.0
