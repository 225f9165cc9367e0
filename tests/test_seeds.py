"""The canonical real input: the five seed articles (read from ../shared/seeds)."""

from __future__ import annotations

import json
import re

import pytest

from newsweave import analyze
from newsweave.clean import clean_articles, normalise_line
from newsweave.ingest import read_paths
from newsweave.render import write_reports
from newsweave.render.json_report import validation_errors

LEADERS_CALL = ["000_50bb928b4c99f9e1", "001_adeb160aabaa433b", "002_9d12021e3330cdc8", "004_4091e7559a748dbf"]
MINISTERS_CALL = "003_7e7789833fe97c79"


@pytest.fixture(scope="module")
def report(request):
    from conftest import SEEDS, require
    return analyze([str(require(SEEDS))])


@pytest.fixture(scope="module")
def cleaned():
    from conftest import SEEDS, require
    articles, errors = read_paths([str(require(SEEDS))])
    assert errors == []
    raw = {a.id: a.text for a in articles}
    clean_articles(articles)
    return {a.id: a for a in articles}, raw


def words(text):
    return re.sub(r"\s+", " ", text).strip()


def test_boilerplate_is_removed_and_becomes_metadata(cleaned):
    articles, raw = cleaned
    expected_removed = {
        "000_50bb928b4c99f9e1": {"date 2020-04-17", "Home » Nation"},
        "001_adeb160aabaa433b": {"Home > China News", "<Suggest to a friend>"},
        "002_9d12021e3330cdc8": {"(Xinhua) –"},
        "003_7e7789833fe97c79": {"– Agencies"},
    }
    for article_id, removed in expected_removed.items():
        assert set(articles[article_id].removed) == removed, article_id
        for chrome in removed:
            assert chrome not in articles[article_id].text
    # Global Times: its byline line, its photo caption and the comment widget (the seed's own
    # sentences stay in ../shared and are not repeated here)
    byline, caption, widget = articles["004_4091e7559a748dbf"].removed
    assert byline.startswith("By ") and "Source:" in byline and "Published:" in byline
    assert caption.endswith("Photo: Xinhua") and len(caption.split()) < 30
    assert widget == "blog comments powered by Disqus"
    gt = articles["004_4091e7559a748dbf"]
    assert gt.authors == ["Chen Qingqing", "Yang Sheng"]
    assert gt.source == "Global Times"
    assert gt.published == "2020-04-17"
    assert articles["000_50bb928b4c99f9e1"].published == "2020-04-17"
    assert articles["002_9d12021e3330cdc8"].source == "Xinhua"
    assert articles["002_9d12021e3330cdc8"].published is None  # "Thursday night" is not a date
    headline = raw["001_adeb160aabaa433b"].split("\n")[1]  # the line after the breadcrumb
    assert articles["001_adeb160aabaa433b"].title == headline.strip()
    assert articles["000_50bb928b4c99f9e1"].title is None  # the seed gives no headline
    assert articles["000_50bb928b4c99f9e1"].headline.startswith("CHINESE President Xi Jinping said")
    assert articles["002_9d12021e3330cdc8"].text.count("pandemic..") == 0


def test_every_news_line_is_kept(cleaned):
    articles, raw = cleaned
    for article_id, article in articles.items():
        body = words(article.text)
        for line in raw[article_id].split("\n"):
            line = words(normalise_line(line))  # spaces and a doubled full stop ("pandemic..")
            if not line or line == article.title:
                continue
            for chrome in article.removed:
                line = words(line.replace(chrome, ""))
            assert line in body, (article_id, line[:80])


def test_seed_stories(report):
    stories = {s.id: set(s.articles) for s in report.stories}
    assert set(LEADERS_CALL) in stories.values()
    assert {MINISTERS_CALL} in stories.values()


def test_summary_cites_sources_with_exact_spans(report):
    articles = report.by_id()
    story = next(s for s in report.stories if set(LEADERS_CALL) <= set(s.articles))
    assert story.summary
    for sentence in story.summary:
        assert sentence.sources and set(sentence.sources) <= set(story.articles)
        assert {span.article for span in sentence.spans} == set(sentence.sources)
        assert sentence.text in [articles[s.article].text[s.start:s.end] for s in sentence.spans]
    assert any(len(s.sources) >= 3 for s in story.summary)


def test_summary_sentences_that_say_only_he_name_the_speaker(report):
    story = next(s for s in report.stories if set(LEADERS_CALL) <= set(s.articles))
    by_pronoun = [s for s in story.summary if re.match(r"(?:He|She) ", s.text)]
    assert by_pronoun, "the leaders' call summary has no sentence opening with a pronoun any more"
    assert all(s.speaker in ("Xi Jinping", "Vladimir Putin") for s in by_pronoun)
    assert all(s.speaker is None for s in story.summary if re.search(r"\b(?:Xi|Putin)\b", s.text))


def test_smearing_statement_is_attributed_to_putin(report):
    story = next(s for s in report.stories if set(LEADERS_CALL) <= set(s.articles))
    smear = [q for q in story.quotes if re.search(r"smear|discredit", q.text)]
    assert smear, "no quote about smearing China"
    assert {q.speaker for q in smear} == {"Vladimir Putin"}
    assert len({q.article for q in smear}) >= 3


def test_each_statement_of_one_article_stays_its_own_entry(report):
    story = next(s for s in report.stories if s.articles == [MINISTERS_CALL])
    by_speaker = {entry["speaker"]: entry["statements"] for entry in story.extra["speakers"]}
    lavrov = [q for q in story.quotes if q.speaker == "Sergei Lavrov"]
    assert len(lavrov) >= 4, "the ministers' call quotes Lavrov several times"
    assert len(by_speaker["Sergei Lavrov"]) == len(lavrov)
    assert any(re.search(r"gratitude", s["text"]) for s in by_speaker["Sergei Lavrov"])


def test_one_statement_in_other_words_is_one_entry(report):
    # Outlets translate the same remark differently ("never forget" / "bear in mind"):
    # the fact alignment sees the paraphrase, and "who said what" lists it once.
    story = next(s for s in report.stories if set(LEADERS_CALL) <= set(s.articles))
    xi = next(e for e in story.extra["speakers"] if e["speaker"] == "Xi Jinping")
    never_forget = [s for s in xi["statements"] if re.search(r"never forget", s["text"])]
    assert len(never_forget) == 1
    articles = report.by_id()
    reported = [articles[span["article"]].text[span["start"]:span["end"]] for span in never_forget[0]["spans"]]
    assert any(re.search(r"bear in mind", text) for text in reported)
    putin = next(e for e in story.extra["speakers"] if e["speaker"] == "Vladimir Putin")
    assert len(putin["statements"]) <= 5
    assert len(putin["statements"][0]["sources"]) == 4


def test_report_files_follow_the_schema(report, tmp_path):
    written = write_reports(report, tmp_path)
    payload = json.loads(written["report.json"].read_text(encoding="utf-8"))
    assert validation_errors(payload) == []
    for article in payload["articles"]:
        for start, end in article["sentences"]:
            assert 0 <= start < end <= len(article["text"])
    texts = {a["id"]: a["text"] for a in payload["articles"]}
    for story in payload["stories"]:
        for fact in story["facts"]:
            for mention in fact["mentions"]:
                assert 0 <= mention["start"] < mention["end"] <= len(texts[mention["article"]])
        for quote in story["quotes"]:
            assert texts[quote["article"]][quote["start"]:quote["end"]] == quote["text"]
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_schema_rejects_a_broken_report(report):
    payload = report.to_dict()
    payload["articles"][0]["published"] = "17 April 2020"
    del payload["stories"][0]["summary"]
    problems = validation_errors(payload)
    assert any("published" in p for p in problems) and any("summary" in p for p in problems)
