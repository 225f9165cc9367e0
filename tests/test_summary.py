"""Facts, coverage, conflicts and cited summaries: on the seed articles, on synthetic
stories built to have one known conflict, and on small slices of Multi-News and NeuS."""

from __future__ import annotations

import argparse

import pytest

from newsweave import align, attribute, clean, coverage, segment, summarize
from newsweave import conflicts
from newsweave.conflicts import story_conflicts
from newsweave.errors import UserError
from newsweave.eval import summarize as eval_summarize
from newsweave.ingest import read_paths
from newsweave.model import Article
from newsweave.text_features import words

from conftest import DATA, SEEDS, require


def _articles(texts: dict[str, str]) -> list[Article]:
    articles = [Article(id=name, path=name, text=text, source=name.upper()) for name, text in texts.items()]
    for article in articles:
        segment.segment_article(article)
    return articles


@pytest.fixture(scope="module")
def leaders_call():
    """The four outlets' reports of the Xi-Putin call (seed 003 is another event)."""
    require(SEEDS)
    paths = sorted(str(p) for p in SEEDS.glob("*.txt") if not p.name.startswith("003"))
    articles, errors = read_paths(paths)
    assert not errors and len(articles) == 4
    clean.clean_articles(articles)
    for article in articles:
        segment.segment_article(article)
    facts = align.align_facts(articles)
    return articles, facts


def _fact_with(facts, articles, phrase: str) -> int:
    by_id = {a.id: a for a in articles}
    for number, fact in enumerate(facts):
        if any(phrase in by_id[m.article].text[m.start:m.end] for m in fact.mentions):
            return number
    raise AssertionError(f"no fact mentions {phrase!r}")


def test_paraphrased_seed_sentences_form_one_fact(leaders_call):
    articles, facts = leaders_call
    remember = _fact_with(facts, articles, "never forget Russia's strong support")
    assert _fact_with(facts, articles, "remember Russia’s help in its hardest time") == remember
    assert _fact_with(facts, articles, "bear in mind Russia’s all-out assistance") == remember
    assert len(set(facts[remember].sources)) == 4


def test_fact_mentions_are_exact_spans_one_per_article(leaders_call):
    articles, facts = leaders_call
    by_id = {a.id: a for a in articles}
    for fact in facts:
        assert len(fact.sources) == len(set(fact.sources))
        for mention in fact.mentions:
            sentence = by_id[mention.article].sentences[mention.sentence]
            assert sentence.start <= mention.start < mention.end <= sentence.end
        assert any(by_id[m.article].text[m.start:m.end] == fact.text for m in fact.mentions)


def test_seed_coverage_consensus_only_in_and_omissions(leaders_call):
    articles, facts = leaders_call
    view = coverage.coverage_view(articles, facts)
    global_times = next(a.id for a in articles if a.source == "Global Times")
    analyst = _fact_with(facts, articles, "Yang Jin, an associate research fellow")
    assert facts[analyst].sources == [global_times]
    assert analyst in view["only_in"][global_times]
    assert _fact_with(facts, articles, "never forget Russia's strong support") in view["reported_by_all"]
    # Global Times does not report the first-quarter trade figure the three others give
    trade = _fact_with(facts, articles, "3.4 percent")
    assert len(set(facts[trade].sources)) == 3 and trade in view["omissions"][global_times]
    assert len(view["coverage"]["rows"]) == len(facts)
    assert view["conflicts"] == []  # the four reports agree on every number, date and name


def test_seed_summary_cites_every_supporting_article(leaders_call):
    articles, facts = leaders_call
    by_id = {a.id: a for a in articles}
    summary = summarize.summarize(articles, facts, 120)
    assert summary and sum(len(words(s.text)) for s in summary) <= 120
    for sentence in summary:
        assert any(by_id[s.article].text[s.start:s.end] == sentence.text for s in sentence.spans)
        assert {s.article for s in sentence.spans} == set(sentence.sources)
    assert any(len(s.sources) == 4 for s in summary)


def test_number_date_and_name_conflicts_are_flagged_with_both_versions():
    articles = _articles({
        "a": "The earthquake killed 12 people in the city on Tuesday, officials said. "
             "The rescue effort was led by mayor John Smith, who ordered schools closed.",
        "b": "The earthquake killed 15 people in the city on Tuesday, according to officials. "
             "The rescue effort was led by mayor John Smith, who ordered all schools closed.",
        "c": "Officials said the earthquake killed 12 people in the city on Wednesday. "
             "The rescue effort was led by mayor Peter Jones, who ordered schools closed.",
    })
    facts = align.align_facts(articles)
    conflicts = story_conflicts(articles, facts)
    by_kind = {c["kind"]: c for c in conflicts}
    assert set(by_kind) == {"number", "date", "name"}
    numbers = {v["value"]: v["articles"] for v in by_kind["number"]["versions"]}
    assert numbers == {"12": ["a", "c"], "15": ["b"]}
    assert {v["value"] for v in by_kind["date"]["versions"]} == {"Tuesday", "Wednesday"}
    assert {v["value"] for v in by_kind["name"]["versions"]} == {"John Smith", "Peter Jones"}
    text = {a.id: a.text for a in articles}
    for conflict in conflicts:
        for version in conflict["versions"]:
            for span in version["spans"]:
                assert text[span["article"]][span["start"]:span["end"]] == version["value"]


def test_agreeing_numbers_are_no_conflict():
    articles = _articles({
        "a": "Trade grew by 3.4 percent in the first quarter, the ministry said on Monday.",
        "b": "The ministry said on Monday that trade grew 3.4 percent in the first quarter.",
    })
    facts = align.align_facts(articles)
    assert len(facts) == 1 and story_conflicts(articles, facts) == []


@pytest.mark.parametrize("budget", [0, 5, 30, 80, 400])
def test_summary_respects_word_budget_and_quotes_article_text(budget, leaders_call):
    articles, facts = leaders_call
    summary = summarize.summarize(articles, facts, budget)
    assert sum(len(words(s.text)) for s in summary) <= budget
    text = {a.id: a.text for a in articles}
    for sentence in summary:
        assert sentence.sources[0] == sentence.spans[0].article
        assert text[sentence.spans[0].article][sentence.spans[0].start:sentence.spans[0].end] == sentence.text


def test_empty_and_textless_stories_do_not_crash():
    assert align.align_facts([]) == []
    assert summarize.summarize([], [], 100) == []
    articles = _articles({"a": "", "b": "12 34 !!", "c": "Short."})
    facts = align.align_facts(articles)
    assert summarize.summarize(articles, facts, 100) == []
    view = coverage.coverage_view(articles, facts)
    assert view["conflicts"] == [] and view["reported_by_all"] == []


def test_clause_spans_split_reported_statements_exactly():
    text = "Norland has sent medical supplies to Vesta, Ines Kapp said, adding that Norland will continue to help Vesta."
    spans = align.clause_spans(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Norland has sent medical supplies to Vesta, Ines Kapp said", "Norland will continue to help Vesta."]


def _eval(path, limit: int, words_budget: int | None = None, articles_only: bool = False) -> dict:
    return eval_summarize.run(argparse.Namespace(path=str(path), words=words_budget, limit=limit,
                                                 articles_only=articles_only))


def test_eval_multinews_slice_beats_lead():
    path = require(DATA / "multinews" / "validation.csv")
    result = _eval(path, 12)
    systems = result["systems"]
    assert result["items"] == 12 and set(systems) == {"newsweave", "lead", "lexrank", "textrank", "centroid"}
    assert systems["newsweave"]["rouge1"] > 0.40
    assert systems["newsweave"]["rouge2"] > systems["lead"]["rouge2"]


def test_eval_neus_slice_scores_sensibly():
    path = require(DATA / "neus-allsides" / "val.source")
    result = _eval(path, 20, 75)
    newsweave = result["systems"]["newsweave"]
    assert 0.30 < newsweave["rouge1"] < 0.60
    assert newsweave["rouge2"] > result["systems"]["lead"]["rouge2"]


def test_eval_rejects_missing_or_unknown_paths(tmp_path):
    with pytest.raises(UserError):
        _eval(tmp_path / "missing.csv", 1)
    with pytest.raises(UserError):
        _eval(tmp_path / "stories.txt", 1)


def test_eval_summaries_leave_out_non_article_pages():
    """Multi-News stories 10-16 hold web-archive notices and tweet widgets: newsweave never
    summarizes them; the baselines get them unless --articles-only."""
    path = require(DATA / "multinews" / "validation.csv")
    _, clusters = eval_summarize.read_clusters(str(path))
    for number in (10, 12, 15):
        articles = eval_summarize.cluster_articles(clusters[number], number)
        kept = eval_summarize.news_articles(articles)
        set_aside = [a for a in articles if a not in kept]
        assert set_aside and all(a.non_article_reason for a in set_aside)
        summary = eval_summarize.newsweave_summary(kept, 260)
        page_sentences = {a.sentence_text(i) for a in set_aside for i in range(len(a.sentences))}
        assert summary and not page_sentences & set(summary)
    result = _eval(path, 16)
    assert any(note.startswith("3 documents recognised as non-articles") and "baselines get them" in note
               for note in result["notes"])
    assert "baselines do too" in " ".join(_eval(path, 13, articles_only=True)["notes"])


def _conflicts_of(texts: dict[str, str]) -> list[dict]:
    """The conflicts of a story made of ``texts``; asserts the texts align into facts."""
    articles = _articles(texts)
    facts = align.align_facts(articles)
    assert facts
    return story_conflicts(articles, facts)


def _versions(conflict: dict) -> list[str]:
    return sorted(v["value"] for v in conflict["versions"])


def test_a_name_after_a_linking_word_is_compared_by_the_role_before_it():
    names = [c for c in _conflicts_of({
        "a": "Police said the driver of the van was identified as Karl Brenner, a courier from Ostwald.",
        "b": "Police said the driver of the van was identified as Emil Varga, a courier from Ostwald.",
        "c": "The driver of the van was identified as Karl Brenner, a courier from Ostwald, police said.",
    }) if c["kind"] == "name"]
    assert [c["slot"] for c in names] == ["identified as"]
    assert {v["value"]: v["articles"] for v in names[0]["versions"]} == {"Karl Brenner": ["a", "c"], "Emil Varga": ["b"]}


def test_spellings_of_one_name_and_possessives_are_no_conflict():
    assert _conflicts_of({
        "a": "Rebels in the north vowed to topple the regime of leader Muammar Qaddafi before winter.",
        "b": "Rebels in the north vowed to topple the regime of leader Moammar Gadhafi before winter.",
        "c": "Rebels in the north vowed to topple the regime of leader Muammar Qaddafi’s family before winter.",
    }) == []


def test_numbers_written_two_ways_rounded_or_as_a_range_are_no_conflict():
    assert _conflicts_of({
        "a": "The climbers were found at a height of 19,350 feet, where one hundred and three "
             "volunteers searched from 5:30 p.m. for between 8 and 12 hours.",
        "b": "The climbers were found at a height of 19,356 feet, where 103 volunteers searched "
             "from 6 p.m. for between 12 and 8 hours.",
    }) == []
    values = {(v.slot, v.value) for v in conflicts.number_values("one hundred and three volunteers at 5:30 p.m.")}
    assert values == {("volunteer", "103")}


def test_years_are_compared_by_what_they_date():
    dates = [c for c in _conflicts_of({
        "a": "The Velden choir, founded in 1987, released its first album in 1993 and toured Norland.",
        "b": "The Velden choir, founded in 1978, recorded a demo in 1992 and toured Norland.",
    }) if c["kind"] == "date"]
    assert [(c["slot"], _versions(c)) for c in dates] == [("year after founded", ["1978", "1987"])]


def test_spans_of_time_are_compared_by_what_they_measure():
    found = _conflicts_of({
        "a": "The inquiry hearing in Velden lasted nine hours, and the panel takes another two hours to vote.",
        "b": "The inquiry hearing in Velden lasted 10 hours, and the panel needs 24 hours to vote.",
    })
    assert [(c["slot"], _versions(c)) for c in found] == [("hours after lasted", ["10", "nine"])]


def test_summary_sentences_name_a_speaker_given_only_as_he_or_she():
    articles = _articles({
        "a": "Mayor Anna Sorn said the new bridge over the Vell river in Dornhelm would open on Friday. "
             "She added that the bridge would cut the drive to the coast by forty minutes. "
             "The builders, Sorn said, finished the work a month early.",
    })
    summary = summarize.summarize(articles, align.align_facts(articles), 200)
    summarize.name_speakers(summary, attribute.attribute_story(articles))
    speakers = {s.text.split()[0]: s.speaker for s in summary}
    assert speakers == {"Mayor": None, "She": "Anna Sorn", "The": None}


def test_a_name_fills_a_role_or_speech_slot_not_an_adjective():
    slots = {v.value: v.slot for v in conflicts.name_values(
        "A senior Brenner administration official said the talks were led by mayor Ines Vale "
        "in ancient Ostwald, said Karl Brenner.")}
    assert slots == {"Ines Vale": "mayor", "Karl Brenner": "said"}


def test_an_article_counting_two_things_in_one_slot_is_held_to_the_closer_count():
    found = [c for c in _conflicts_of({
        "a": "Three people were stabbed and 12 people were arrested at the rally in Ostwald on Saturday, police said.",
        "b": "Police said two people were stabbed at the rally in Ostwald on Saturday.",
    }) if c["kind"] == "number"]
    assert [_versions(c) for c in found] == [["Three", "two"]]


def test_sums_of_money_are_compared_by_what_they_pay_for():
    found = _conflicts_of({
        "a": "The judge set bail for the driver at a $100,000 bond on Friday, and the driver's family paid $400 a week for a lawyer.",
        "b": "The judge set bail for the driver at a $250,000 bond on Friday, and the driver's family paid $20,800 a year for a lawyer.",
    })
    assert [(c["slot"], _versions(c)) for c in found] == [("bond in dollars", ["$100,000", "$250,000"])]


def test_eval_conflicts_finds_planted_disagreements_and_flags_few_untouched_facts():
    from newsweave.eval import conflicts as eval_conflicts
    path = require(DATA / "multinews" / "validation.csv")
    result = eval_conflicts.run(argparse.Namespace(path=str(path), limit=30))
    newsweave, baseline = result["systems"]["newsweave"], result["systems"]["baseline"]
    assert result["task"] == "conflicts" and result["items"] > 50
    # a planted figure or date is found often; an untouched fact is rarely flagged, where
    # flagging every difference in wording flags most of them
    assert newsweave["recall_number"] > 0.3 and newsweave["recall_date"] > 0.3
    assert newsweave["flagged_untouched"] < 0.05 < 0.5 < baseline["flagged_untouched"]
    assert all(0 <= v <= 1 for system in result["systems"].values() for v in system.values())


def test_a_planted_figure_changes_only_one_article_and_is_found():
    from newsweave.eval import conflicts as eval_conflicts
    articles = _articles({
        "a": "The fire destroyed 40 homes in the valley on Sunday, the fire service said.",
        "b": "The fire service said the fire destroyed 40 homes in the valley on Sunday.",
    })
    by_id = {a.id: a for a in articles}
    fact = next(f for f in align.align_facts(articles) if len(f.sources) == 2)
    changed, changed_fact, where = eval_conflicts.plant(fact, by_id, "number")
    assert changed["a"].text == by_id["a"].text and "83 homes" in changed["b"].text
    assert eval_conflicts.newsweave_finds(changed_fact, changed, where)
    assert not story_conflicts(articles, [fact])


def test_budget_left_after_the_strict_pass_goes_to_a_sentence_that_is_no_near_copy():
    import numpy as np

    from newsweave.model import Span
    from newsweave.summarize import ConceptFrequencies, SummaryWeights, _Candidate, _select, _vectors

    texts = ["The Kellmoor barrier gave way on Monday and flooded the lower town of Marrowby.",
             "Rescue crews from three counties reached the flooded streets of Marrowby by Tuesday noon.",
             "The Kellmoor barrier gave way on Monday and flooded the lower town of Marrowby again."]
    candidates = [_Candidate(n, 0, Span(f"a{n}", 0, len(t)), t, len(t.split())) for n, t in enumerate(texts)]
    vectors = _vectors(texts, ConceptFrequencies())
    facts_of = {(0, 0): [0], (1, 0): [0], (2, 0): [0]}  # all three joined in one (loose) fact
    scores = np.array([3.0, 2.0, 1.0])
    strict_only = SummaryWeights(fill_redundancy=-1.0)  # nothing passes the fill test
    assert _select(candidates, scores, vectors, facts_of, 60, strict_only) == [0]
    # the fill takes the rescue sentence (new words), never the near copy of the first
    assert _select(candidates, scores, vectors, facts_of, 60, SummaryWeights()) == [0, 1]


def test_idf_is_counted_over_the_whole_input_and_a_story_gets_only_its_own_words():
    from newsweave.paraphrase import concept_words
    from newsweave.summarize import ConceptFrequencies

    texts = ["The Kellmoor council voted on Monday to rebuild the barrier.",
             "The Kellmoor council met again on Tuesday.",
             "Ferries to Ostrava Point resumed on Monday after the storm.",
             "The storm closed the harbour of Ostrava Point for a week."]
    articles = [Article(id=f"a{n}", path=f"a{n}", text=t) for n, t in enumerate(texts)]
    everything = ConceptFrequencies.of(articles)
    assert everything.articles == 4
    story = everything.restricted_to(articles[:2])
    assert story.articles == 4  # the story's words are still weighed against all four articles
    council, monday, storm, ferries = (concept_words(w)[0] for w in ("council", "Monday", "storm", "ferries"))
    assert story.counts[council] == 2 and story.counts[monday] == 2 and storm not in story.counts
    # a word of more articles weighs less; one no article uses weighs most
    idf = everything.idf([monday, ferries, "unseen"])
    assert idf[0] < idf[1] < idf[2]
