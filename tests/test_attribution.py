"""Quote and reported-speech attribution: both paths, the seeds, and PolNeAR floors."""

from __future__ import annotations

import argparse
import os

import pytest

from conftest import DATA, SEEDS, require
from newsweave import clean, ingest, segment
from newsweave.attribution import attribute_story, extract_quotes, find_attributions, speakers, spacy_path
from newsweave.attribution.speakers import gender_hints, mention_role, person_name
from newsweave.errors import UserError
from newsweave.eval import polnear, quotes
from newsweave.model import Article

HAS_SPACY = spacy_path.load_model() is not None
BACKENDS = ["rules", pytest.param("spacy", marks=pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed"))]


def _article(article_id: str, text: str) -> Article:
    return segment.segment_article(Article(id=article_id, path=article_id, text=text))


def _said(text: str, backend: str, fields=("speaker", "text")) -> set[tuple]:
    """What extract_quotes finds in ``text``: the named fields of each quote."""
    return {tuple(getattr(q, f) for f in fields) for q in extract_quotes(_article("a", text), backend=backend)}


def _spans(text, attribution):
    source = text[attribution.source[0]:attribution.source[1]] if attribution.source else None
    return source, text[attribution.cue[0]:attribution.cue[1]], [text[s:e] for s, e in attribution.content]


@pytest.mark.parametrize("backend", BACKENDS)
def test_forms_of_attribution(backend):
    text = (
        "The mayor of Springfield, Ann Porter, opened the bridge on Monday.\n\n"
        "\"We built this in eleven months,\" she said.\n\n"
        "Tolls will stay low for residents of the county, the mayor said.\n\n"
        "Noting that traffic had doubled since 2010, Porter said the old bridge could not cope.\n\n"
        "Repairs to the east ramp will take another year, according to the city engineer."
    )
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("she", "said", ['"We built this in eleven months,"']) in found
    assert ("the mayor", "said", ["Tolls will stay low for residents of the county"]) in found
    assert any(source == "Porter" and "traffic had doubled since 2010" in " ".join(content) for source, _, content in found)
    assert ("the city engineer", "according to", ["Repairs to the east ramp will take another year"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_pronouns_and_descriptions_resolve_to_named_speaker(backend):
    said = _said((
        "Finance Minister Rhea Okafor presented the budget on Tuesday.\n\n"
        "Okafor said the deficit would halve by 2027.\n\n"
        "She added that pensions would rise with inflation.\n\n"
        "Schools will get more teachers next year, the finance minister said."
    ), backend)
    assert ("Rhea Okafor", "the deficit would halve by 2027") in said
    assert ("Rhea Okafor", "that pensions would rise with inflation") in said
    assert ("Rhea Okafor", "Schools will get more teachers next year") in said


@pytest.mark.parametrize("backend", BACKENDS)
def test_he_skips_a_woman_the_article_calls_she(backend):
    said = _said((
        '"Everyone got out in time," Mayor Ilse Varga said. She added that the shelter would stay open.\n\n'
        "Tomas Brandt, chief engineer of the water board, said the wall was due for repair.\n\n"
        "He said the board would report within a week."
    ), backend, ("speaker", "text", "role"))
    assert ("Ilse Varga", "that the shelter would stay open", None) in said
    assert ("Tomas Brandt", "the wall was due for repair", "chief engineer of the water board") in said
    assert ("Tomas Brandt", "the board would report within a week", None) in said


@pytest.mark.parametrize("backend", BACKENDS)
def test_he_means_the_person_named_before_when_nobody_has_spoken_yet(backend):
    said = _said((
        "Mayor Ilse Varga opened the shelter on Ridge Road on Monday. She said it would stay open all week.\n\n"
        "The water board's chief engineer, Tomas Brandt, inspected the wall on Tuesday. "
        "In the lower town, the water is falling, he said."
    ), backend)
    assert ("Ilse Varga", "it would stay open all week") in said
    assert ("Tomas Brandt", "In the lower town, the water is falling") in said


@pytest.mark.parametrize("backend", BACKENDS)
def test_she_means_a_woman_named_since_the_last_speaker_not_that_speaker(backend):
    # Brandt spoke last, but nothing says he is a woman; the article gives Varga "her"
    said = _said((
        "Tomas Brandt, chief engineer of the water board, said the wall was due for repair.\n\n"
        "Mayor Ilse Varga visited the wall on Tuesday with her deputy. "
        '"The shelter on Ridge Road stays open all week," she said.'
    ), backend)
    assert ("Ilse Varga", '"The shelter on Ridge Road stays open all week,"') in said
    assert ("Tomas Brandt", "the wall was due for repair") in said


@pytest.mark.parametrize("backend", BACKENDS)
def test_he_keeps_the_last_speaker_when_the_woman_named_since_is_she(backend):
    said = _said((
        "Tomas Brandt, chief engineer of the water board, said the wall was due for repair.\n\n"
        "Mrs. Varga, the mayor, visited the wall on Tuesday. "
        '"The crews worked all night," he said.'
    ), backend)
    assert ("Tomas Brandt", '"The crews worked all night,"') in said


def test_gender_hints_from_titles_roles_and_the_subjects_own_pronoun():
    text = ("Mrs. Ilse Varga opened the shelter. Spokesman Ivo Marsh declined to comment. "
            "Tomas Brandt, a spokeswoman's deputy, left. Lena Quist visited the wall with her deputy. "
            "Rhea Okafor met Ada Brun and his aide.")
    hints = gender_hints(text, {"Ilse Varga", "Ivo Marsh", "Tomas Brandt", "Lena Quist", "Rhea Okafor", "Ada Brun"})
    # "a spokeswoman's deputy" says nothing of Brandt; "his" after another name is not Okafor's
    assert hints == {"Ilse Varga": "f", "Ivo Marsh": "m", "Lena Quist": "f"}


def test_named_people_leave_out_places_possessives_and_what_follows_a_gap():
    from newsweave.attribution.speakers import named_people

    text = ("At a town hall in Port Ellen, a young woman asked Mrs. Varga's deputy about the pier. "
            "Cheers, Ms. Quist  The Harbour Board chairwoman stayed. Tomas Brandt, the chief engineer, left.")
    assert named_people(text) == {"Varga", "Quist", "Tomas Brandt"}


def test_a_surname_two_people_share_goes_to_the_one_the_texts_name_more():
    from newsweave.attribution.speakers import canonical_names

    text = ("Ilse Varga met Peter Varga at the pier. Ilse Varga spoke first. Varga said the pier would reopen. "
            "Rival Ilse Varga, the mayor, left. The rival camp stayed. Ivo Marsh met Ivo Marsh's aide and François Marsh.")
    names = {"Varga", "Ilse Varga", "Peter Varga", "Rival Ilse Varga", "Marsh", "Ivo Marsh", "Ivo Märsh"}
    mapping = canonical_names(names, [text])
    assert mapping["Varga"] == "Ilse Varga"  # named three times to Peter's once
    assert mapping["Rival Ilse Varga"] == "Ilse Varga"  # "rival" is a word the text uses, not a given name
    assert mapping["Peter Varga"] == "Peter Varga"
    assert mapping["Marsh"] in {"Ivo Marsh", "Ivo Märsh"}  # one name spelt two ways is no ambiguity
    # with both named as often, "Varga" stays on its own rather than going to either
    assert canonical_names({"Varga", "Ilse Varga", "Peter Varga"}, ["Ilse Varga and Peter Varga"])["Varga"] == "Varga"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_cue_and_subject_inside_a_quotation_give_no_statement_of_their_own(backend):
    # the spaCy path read "people who attack ..." as a statement by "who" (resolved to Varga)
    # and listed the quotation three times
    text = ('Mayor Ilse Varga opened the shelter on Monday.\n\n"I will not stand with people who attack the '
            'volunteers and attack the crews," Varga said.\n\n"My father told me that a town is its people," she said.\n')
    said = [(q.speaker, q.speaker_mention, q.cue) for q in extract_quotes(_article("n", text), backend=backend)]
    assert said == [("Ilse Varga", "Varga", "said"), ("Ilse Varga", "she", "said")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_surname_goes_to_the_full_name_a_title_gave_unless_the_honorific_says_otherwise(backend):
    text = ("Senator Ada Brun, Senator Ivo Marsh and Ilse Varga, the first lady, opened the pier on Monday. "
            "Varga cut the ribbon.\n\n"
            "Marsh said the ferry would run all winter.\n\n"
            "Mr. Varga, her husband, said the harbour board had paid for the lights.\n")
    said = _said(text, backend)
    assert ("Ivo Marsh", "the ferry would run all winter") in said  # only the title named him in full
    # "Mr. Varga" is not the first lady the article names in full
    assert ("Varga", "the harbour board had paid for the lights") in said


def test_names_at_one_place_come_in_the_same_order_every_run():
    import subprocess
    import sys

    # "Hillary Clinton" and "Bill Clinton" both count as named where "Clinton" stands: the
    # order once followed the set's hash order, so a "she" there went to either from run to run
    code = ("from newsweave.attribution import _RecentPeople\n"
            "text = 'Bill Clinton spoke. Then Clinton thanked the crowd. She said it.'\n"
            "print(_RecentPeople._named_within(text, text.index('She'), {'Clinton', 'Bill Clinton', 'Hillary Clinton'}))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(runs) == 1 and runs.pop().startswith("[('Clinton'")  # the name as the text gives it there


@pytest.mark.parametrize("backend", BACKENDS)
def test_he_is_not_a_plural_body_that_spoke_last(backend):
    said = _said(('Senator Ivo Marsh said the pier would reopen in May.\n\nDelegates questioned whether the council '
                  'could pay for it. Two delegates left early.\n\n"We will build it anyway," he said.\n'), backend)
    assert ("Delegates", "whether the council could pay for it") in said
    assert ("Ivo Marsh", '"We will build it anyway,"') in said


def test_a_role_before_the_name_is_the_speakers_role():
    assert person_name("The water board's chief engineer, Tomas Brandt,") == "Tomas Brandt"
    assert mention_role("The water board's chief engineer, Tomas Brandt,") == "The water board's chief engineer"
    assert person_name("the chief engineer, who inspected the wall,") is None
    # the role runs up to the name: a ministry's "of" phrase and a run of titles stay in it
    assert mention_role("Deputy Minister of Infrastructure Ada Brun") == "Deputy Minister of Infrastructure"
    assert person_name("Chief Inspector Ivo Marsh of the harbour police") == "Ivo Marsh"
    assert mention_role("Chief Inspector Ivo Marsh of the harbour police") == "Chief Inspector"
    assert person_name("Representative Lena Quist") == "Lena Quist"


def test_a_run_of_titles_is_no_part_of_the_name_a_story_gives_a_role():
    from newsweave.attribution.speakers import named_people, person_roles

    article = _article("r", "Harbour Board Deputy Secretary Lena Quist said the pier would reopen.")
    assert named_people(article.text) == {"Lena Quist"}
    assert person_roles([article]) == {"Lena Quist": "Harbour Board Deputy Secretary"}


def test_same_statement_from_two_outlets_is_one_entry():
    first = _article("x1", "Okafor said that the deficit would halve by the end of 2027.")
    second = _article("x2", "The deficit will be halved by the end of 2027, Finance Minister Rhea Okafor said.")
    merged = speakers(attribute_story([first, second], backend="rules"))
    assert [s["speaker"] for s in merged] == ["Rhea Okafor"]
    assert len(merged[0]["statements"]) == 1
    assert merged[0]["statements"][0]["sources"] == ["x1", "x2"]
    assert {span["article"] for span in merged[0]["statements"][0]["spans"]} == {"x1", "x2"}


def test_bad_input_does_not_crash():
    assert find_attributions("", backend="rules") == []
    assert find_attributions("   \n\n ", backend="rules") == []
    assert extract_quotes(_article("e", ""), backend="rules") == []
    long_text = ("He said that it rains. " * 4000) + "“Unclosed quotation, she said"
    assert len(find_attributions(long_text, backend="rules")) >= 4000
    with pytest.raises(ValueError):
        find_attributions("He said so.", backend="magic")


def test_missing_spacy_model_is_a_user_error(monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_SPACY_MODEL", "no_such_pipeline_xx")
    with pytest.raises(UserError):
        find_attributions("He said it rains.", backend="spacy")
    # "auto" falls back to the rule path instead
    assert find_attributions("The bridge is closed, he said.", backend="auto")


def test_environment_picks_the_rule_path(monkeypatch):
    from newsweave.attribution import backend_name

    monkeypatch.setenv("NEWSWEAVE_ATTRIBUTION", "rules")
    assert backend_name("auto") == "rules"
    monkeypatch.setenv("NEWSWEAVE_ATTRIBUTION", "bogus")
    with pytest.raises(ValueError):
        backend_name("auto")


# --- the seed articles -----------------------------------------------------------

def _seed_story(backend):
    require(SEEDS)
    articles, _ = ingest.read_paths([str(SEEDS)])
    clean.clean_articles(articles)
    for article in articles:
        segment.segment_article(article)
    leaders = [a for a in articles if not a.id.startswith("003")]  # 003 is the ministers' call
    quotes_ = attribute_story(leaders, backend=backend)
    return leaders, quotes_, speakers(quotes_)


@pytest.mark.shared_data
@pytest.mark.parametrize("backend", BACKENDS)
def test_seeds_smearing_statement_is_putins_in_every_outlet(backend):
    leaders, quotes_, by_speaker = _seed_story(backend)
    smear = [q for q in quotes_ if "unacceptable" in q.text and ("smear" in q.text or "discredit" in q.text)]
    assert {q.article[:3] for q in smear} == {"000", "001", "002", "004"}
    assert {q.speaker for q in smear} == {"Vladimir Putin"}
    putin = next(s for s in by_speaker if s["speaker"] == "Vladimir Putin")
    merged = [st for st in putin["statements"] if "unacceptable" in st["text"]]
    assert len(merged) == 1 and len(merged[0]["sources"]) == 4
    for span in merged[0]["spans"]:
        text = next(a.text for a in leaders if a.id == span["article"])
        assert "unacceptable" in text[span["start"]:span["end"]]


@pytest.mark.shared_data
@pytest.mark.parametrize("backend", BACKENDS)
def test_seeds_speakers_resolved_and_named_once(backend):
    _, quotes_, by_speaker = _seed_story(backend)
    names = {s["speaker"] for s in by_speaker}
    assert {"Xi Jinping", "Vladimir Putin", "Yang Jin"} <= names
    assert not any(n.isupper() or n.split()[0].isupper() and len(n.split()[0]) > 3 for n in names)
    assert "Yang" not in names and not any("Fox" in n for n in names)
    # "..., Putin said, according to CCTV" is Putin's; "China will always remember that ..." is
    # a pledge in the readout, not something "China" said
    assert "CCTV" not in names and "China" not in names
    he_added = [q for q in quotes_ if q.article.startswith("000") and q.speaker_mention == "He" and q.cue == "added"]
    assert he_added and he_added[0].speaker == "Xi Jinping"
    described = [q for q in quotes_ if (q.speaker_mention or "").lower() == "the chinese president"]
    assert described and {q.speaker for q in described} == {"Xi Jinping"}
    yang = next(s for s in by_speaker if s["speaker"] == "Yang Jin")
    assert "associate research fellow" in yang["role"]
    assert len(yang["statements"]) >= 2  # "Yang noted" and "Yang further said" join "Yang Jin ... told"
    assert not any(q.text.strip() == "The Chinese side" for q in quotes_)


# --- PolNeAR -----------------------------------------------------------------------

def test_parse_ann_reads_relations_and_discontinuous_spans():
    ann = (
        "T1\tSource 0 5\tAlice\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tsomething more\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        "T5\tCue 40 52\taccording to\nT6\tContent 31 39\tstuff\nE2\tAttribution:T5 Cue:T5 Content:T6\n"
    )
    relations = polnear.parse_ann(ann)
    assert relations[0].source == ((0, 5),) and relations[0].content == ((11, 20), (25, 30))
    assert relations[1].source == () and relations[1].cue == ((40, 52),)


def test_eval_rejects_a_folder_that_is_not_polnear(tmp_path):
    with pytest.raises(UserError):
        quotes.run(argparse.Namespace(path=str(tmp_path), limit=None, backend="rules"))


def _write_split(root, text, annotations):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "story.txt").write_text(text, encoding="utf-8")
    for annotator, ann in annotations.items():
        (root / "attributions" / f"story_{annotator}.ann").write_text(ann, encoding="utf-8")


def _ann(*relations):
    lines = []
    for n, (source, cue, content) in enumerate(relations):
        lines += [f"T{3 * n + 1}\tSource {source[0]} {source[1]}\tx", f"T{3 * n + 2}\tCue {cue[0]} {cue[1]}\tx",
                  f"T{3 * n + 3}\tContent {content[0]} {content[1]}\tx",
                  f"E{n + 1}\tAttribution:T{3 * n + 2} Source:T{3 * n + 1} Cue:T{3 * n + 2} Content:T{3 * n + 3}"]
    return "\n".join(lines) + "\n"


def test_agreement_scores_annotators_against_each_other_and_their_majority(tmp_path):
    text = "Ada Brun said the dam will hold. Teo Lind said the road is shut. Mia Vos believes rain is coming.\n"
    ada = ((0, 8), (9, 13), (14, 31))
    teo = ((33, 41), (42, 46), (47, 63))
    mia = ((65, 72), (73, 81), (82, 97))
    teo_wrong_source = ((37, 41), (42, 46), (47, 63))  # "Lind" where the others mark "Teo Lind"
    # a, b and c mark Ada and Teo; only c marks Mia; b takes Teo's source as "Lind"
    _write_split(tmp_path, text, {"a": _ann(ada, teo), "b": _ann(ada, teo_wrong_source), "c": _ann(ada, teo, mia)})
    texts = polnear.read_annotators(tmp_path)
    assert [sorted(t.by_annotator) for t in texts] == [["a", "b", "c"]]
    # the majority of b and c keeps Ada only (Teo's two sources split the vote, Mia has one vote)
    others = [texts[0].by_annotator["b"], texts[0].by_annotator["c"]]
    assert [r.source for r in quotes.majority_relations(others)] == [(ada[0],)]
    systems = quotes.agreement(texts, backend="rules")
    pairwise = systems["annotator vs annotator"]
    # 6 ordered pairs: a-b 1 of 2 (both ways), a-c 2 of 2 / 2 of 3, b-c 1 of 2 / 1 of 3
    assert pairwise["source_exact_precision"] == pytest.approx((1 + 1 + 2 + 2 + 1 + 1) / (2 + 2 + 2 + 3 + 2 + 3))
    assert systems["newsweave"]["source_exact_f1"] > 0.5  # the rule path reads "X said ..." as the annotators do
    assert set(systems) == {"newsweave", "quotes-only baseline", "annotator vs annotator", "majority of the other annotators"}


def test_agreement_needs_a_text_several_annotators_marked(tmp_path):
    _write_split(tmp_path, "Ada Brun said the dam will hold.\n", {"a": _ann(((0, 8), (9, 13), (14, 31)))})
    with pytest.raises(UserError, match="several annotators"):
        quotes.run(argparse.Namespace(path=str(tmp_path), limit=None, backend="rules", agreement=True))


@pytest.mark.shared_data
def test_polnear_dev_annotators_agree_more_with_their_majority_than_with_each_other():
    texts = polnear.read_annotators(require(DATA / "polnear" / "dev"))
    assert len(texts) == 2 and all(len(t.by_annotator) == 6 for t in texts)
    systems = quotes.agreement(texts, backend="rules")
    pairwise, majority = systems["annotator vs annotator"], systems["majority of the other annotators"]
    assert 0.8 <= pairwise["source_exact_f1"] < majority["source_exact_f1"]  # measured 0.890 and 0.927
    assert pairwise["source_exact_precision"] == pytest.approx(pairwise["source_exact_recall"])  # symmetric


@pytest.mark.shared_data
@pytest.mark.parametrize("backend", BACKENDS)
def test_polnear_dev_slice_beats_quotes_only_baseline(backend):
    documents = polnear.read_split(require(DATA / "polnear" / "dev"), limit=10)
    systems = quotes.evaluate(documents, backend)
    ours, baseline = systems["newsweave"], systems["quotes-only baseline"]
    for metric in ("source_exact_f1", "cue_exact_f1", "content_overlap_f1"):
        assert ours[metric] > baseline[metric] + 0.1, metric
    # floors a little under what each path measured on these 10 documents
    floors = {"rules": (0.49, 0.54), "spacy": (0.67, 0.70)}[backend]
    assert ours["source_exact_f1"] >= floors[0]
    assert ours["content_overlap_f1"] >= floors[1]
    assert ours["content_overlap_precision"] >= 0.80


@pytest.mark.parametrize("backend", BACKENDS)
def test_double_apostrophe_quotation_marks(backend):
    # archive copy writes quotation marks as two apostrophes
    text = "''The ferry will run all winter,'' Lena Quist said. ''We owe the islanders that.''\n"
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Lena Quist", "said", ["''The ferry will run all winter,''", "''We owe the islanders that.''"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_quotation_continues_over_sentences_and_source_keeps_its_place(backend):
    text = ("“The dam held,” said Senator Ivo Marsh of Dunmore. “The water rose all night. "
            "Nobody had to leave.”\n\nThe river fell on Friday.\n")
    article = _article("d", text)
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Senator Ivo Marsh of Dunmore", "said",
            ["“The dam held,”", "“The water rose all night. Nobody had to leave.”"]) in found
    assert {q.speaker for q in extract_quotes(article, backend=backend)} == {"Ivo Marsh"}


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_beliefs_and_wishes_on_the_parse():
    text = ("The new harbor toll is expected to raise four million crowns a year.\n\n"
            "Councillor Edda Lind wants a cheaper ticket for islanders.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    # nobody holds the expectation: the subject and the infinitive are the content
    assert (None, "is expected", ["The new harbor toll", "to raise four million crowns a year"]) in found
    assert ("Councillor Edda Lind", "wants", ["a cheaper ticket for islanders"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_parenthetical_and_relative_clause_cues_on_the_parse():
    text = ("Overall, she said, the island ferries are running more often than last year.\n\n"
            "The board backed a levy that the auditors said was far too high.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy", outermost=False)]
    assert ("she", "said", ["Overall", "the island ferries are running more often than last year"]) in found
    # inside what the board backed: PolNeAR's convention (the default) leaves it out
    assert ("the auditors", "said", ["that", "was far too high"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_cue_span_takes_auxiliaries_and_adverbs(backend):
    text = "Councillor Edda Lind has also warned that the old bridge is unsafe for lorries.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Councillor Edda Lind", "has also warned", ["that the old bridge is unsafe for lorries"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_readout_continues_only_after_said_that(backend):
    text = ("Minister Rhea Okafor said that the ports would reopen on Monday. Ferries will run at night too.\n\n"
            "Mayor Ilse Varga said the market stays shut this week. Traders have moved to the old station.\n")
    found = {source: content for source, _, content in (_spans(text, a) for a in find_attributions(text, backend=backend))}
    assert found["Minister Rhea Okafor"] == ["that the ports would reopen on Monday", "Ferries will run at night too"]
    assert found["Mayor Ilse Varga"] == ["the market stays shut this week"]


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_an_attribution_inside_another_is_part_of_it():
    # PolNeAR never nests one attribution in another: "believes" is part of what she said
    text = "Governor Tala Moss said she believes the toll is too high.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert found == [("Governor Tala Moss", "said", ["she believes the toll is too high"])]
    everything = [_spans(text, a) for a in find_attributions(text, backend="spacy", outermost=False)]
    assert ("she", "believes", ["the toll is too high"]) in everything


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_second_speech_verb_ends_the_first_content():
    text = "Mayor Ilse Varga admitted that the ramp was late, but said the bridge would open in May.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Mayor Ilse Varga", "admitted", ["that the ramp was late"]) in found
    assert ("Mayor Ilse Varga", "said", ["the bridge would open in May"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_as_clauses_colon_blocks_participles_and_rulings_on_the_parse():
    text = ("As the harbour master noted, the tide will peak at noon on Sunday.\n\n"
            "In a speech on Friday, she declared:\n\n“The islands will not be forgotten.”\n\n"
            "The groups backing Mayor Varga paid for the radio ads.\n\n"
            "Edda Lind won the seat by denouncing the harbour toll.\n\n"
            "The judge ruled that the toll was lawful.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("the harbour master", "noted", ["the tide will peak at noon on Sunday"]) in found
    assert ("she", "declared:", ["“The islands will not be forgotten.”"]) in found
    assert ("The groups", "backing", ["Mayor Varga"]) in found
    assert ("Edda Lind", "denouncing", ["the harbour toll"]) in found
    assert ("The judge", "ruled", ["that the toll was lawful"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_quotation_goes_on_in_a_following_paragraph_without_a_cue(backend):
    text = ("“The dam held,” Ivo Marsh said on the radio.\n\n“The water rose all night.”\n\n"
            "\"MARSH: Nobody had to leave.\"\n\nThe river fell on Friday.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    # a transcript's turn ('"MARSH: ...') is no longer the quotation
    assert ("Ivo Marsh", "said", ["“The dam held,”", "“The water rose all night.”"]) in found
    same_line = "“The ferry runs,” Lena Quist told the island paper on Monday. “It will keep running.”\n"
    found = [_spans(same_line, a) for a in find_attributions(same_line, backend=backend)]
    assert ("Lena Quist", "told", ["“The ferry runs,”", "“It will keep running.”"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_headline_colon_speakers(backend):
    text = "The Latest: Ferry strike ends after four days\n\nNY Post: The ferry strike is over for good.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert found == [("NY Post", ":", ["The ferry strike is over for good"])]


def test_quotations_close_on_their_own_line():
    from newsweave.attribution.records import quoted_spans

    text = '"The ferry runs all winter.\n\n"It always has," she said.'
    first_end = text.index("\n")
    assert quoted_spans(text, 0, len(text)) == [(0, first_end), (first_end + 2, text.index(",") + 2)]


def test_quotations_close_on_a_mark_of_the_other_kind_where_the_copy_mixes_them():
    from newsweave.attribution.records import quoted_spans

    def quotes(text):
        return [text[s:e] for s, e in quoted_spans(text, 0, len(text))]

    assert quotes('“The pier is shut," Ada Brun said. "It opens in May,” she said.') == ['“The pier is shut,"', '"It opens in May,”']
    # a pair of straight marks inside a curly quotation, and curly ones inside a straight one
    assert quotes('“The sign said "closed" all week,” she said.') == ['“The sign said "closed" all week,”']
    assert quotes('"The sign said “closed” all week," she said.') == ['"The sign said “closed” all week,"']
    # a curly quotation closed by a straight mark, then a proper one
    assert quotes('“A pier," she said. “A road,” he said.') == ['“A pier,"', '“A road,”']


@pytest.mark.parametrize("backend", BACKENDS)
def test_quotation_with_mixed_marks_keeps_its_speaker(backend):
    # seen in PolNeAR train: the speaker was taken back, as if "Smegielski said" lay inside the quotation
    text = 'The vote was close.\n\n“It is a shame that the pier is shut," Ada Brun said.\n\nThe council meets in May.\n'
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Ada Brun", "said", ['“It is a shame that the pier is shut,"']) in found


def test_eval_joins_content_parts_only_within_a_line():
    text = "It rains. It pours.\n\nIt stops."
    parts = [(0, 9), (10, 19), (21, 30)]
    assert quotes._joined(parts, text) == ((0, 19), (21, 30))


def test_content_span_keeps_the_closing_mark_and_initials():
    from newsweave.attribution.records import close_span

    text = 'She doubts "the ferry will come back." Ships leave the U.S. daily.'
    assert text[slice(*close_span(text, (11, 36)))] == '"the ferry will come back."'
    start = text.index("Ships")
    assert text[slice(*close_span(text, (start, text.index("U.S.") + 3)))] == "Ships leave the U.S."


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_passive_cue_takes_the_agent_as_source():
    text = "The harbor toll was criticized by Councillor Edda Lind on Tuesday.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Councillor Edda Lind", "was criticized", ["The harbor toll"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_stances_are_scored_but_kept_out_of_the_readers_statements():
    text = ("Councillor Edda Lind has been critical of the harbor toll.\n\n"
            "Mayor Tomas Brandt spoke about the new ferry timetable.\n\n"
            "“The toll is too high for islanders,” Lind said.\n")
    found = [(*_spans(text, a), a.statement) for a in find_attributions(text, backend="spacy")]
    # PolNeAR counts a stance or a topic as an attribution; a reader would not call it a statement
    assert ("Councillor Edda Lind", "has been critical of", ["the harbor toll"], False) in found
    assert ("Mayor Tomas Brandt", "spoke about", ["the new ferry timetable"], False) in found
    quotes = extract_quotes(_article("harbor", text), backend="spacy")
    assert [(q.speaker, q.text) for q in quotes] == [("Edda Lind", "“The toll is too high for islanders,”")]


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_tag_table_gives_what_the_attribute_ruler_and_lemmatiser_give():
    nlp = spacy_path.load_model()
    text = ("Councillor Edda Lind wasn't happy: “Nobody asked us,” she said, adding that the ferries "
            "had been running late since March and that something must be done about it.")
    ours = nlp(text)
    with nlp.select_pipes(disable=["newsweave_tags"]):
        stock = nlp(text)
    for name in ("attribute_ruler", "lemmatizer"):
        stock = nlp.get_pipe(name)(stock)
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == [(t.pos_, t.lemma_, str(t.morph)) for t in stock]
    assert "newsweave_tags" in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_source_leaves_out_what_the_speaker_was_doing():
    text = "Mayor Tomas Brandt, speaking at the harbor on Friday, said the toll would be cut by half.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Mayor Tomas Brandt", "said", ["the toll would be cut by half"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_who_was_asked_is_not_the_speaker():
    text = "Councillor Edda Lind was asked about the toll by reporters on the quay.\n\nLind was told the ferry would be late.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert not any(source in {"Councillor Edda Lind", "Lind"} for source, _, _ in found)


@pytest.mark.parametrize("backend", BACKENDS)
def test_datelines_party_tags_ages_and_bodies_before_the_cue(backend):
    text = ("HARBOURTON (Reuters) - Mayor Ilse Varga said the ferry will run all winter.\n\n"
            "Sen. Edda Lind (D-Nor.) said the toll would fall next year.\n\n"
            "“The levy is fair,” the group said.\n\n"
            "“We will not stop. We have waited long enough,” Lena Quist said.\n\n"
            "Voters in all five states want a new bridge.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Mayor Ilse Varga", "said", ["the ferry will run all winter"]) in found
    assert ("Sen. Edda Lind (D-Nor.)", "said", ["the toll would fall next year"]) in found
    assert ("the group", "said", ["“The levy is fair,”"]) in found
    assert ("Lena Quist", "said", ["“We will not stop. We have waited long enough,”"]) in found
    assert not any(cue == "states" for _, cue, _ in found)  # "in all five states": a noun


@pytest.mark.parametrize("backend", BACKENDS)
def test_transcript_turns_and_signed_quotations(backend):
    text = ("Partial transcript follows:\n\n"
            "\"HOST: Will the ferry run in winter?\n\n"
            "\"ODA: It will run every day, and the fares stay where they are.\n\n"
            "\"HOST: And the bridge?\n\n"
            "\"ODA: The mayor criticized the bridge plan. It can wait.\n\n"
            "“The ferry is the only way our children get to school.” ― Mira Holm\n"
            "“Keep the winter timetable.”― Per A. Lund.\n"
            "UPDATE: The council meets on Monday.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("ODA", ":", ["It will run every day, and the fares stay where they are"]) in found
    assert ("HOST", ":", ["Will the ferry run in winter?"]) in found
    assert ("Mira Holm", "―", ["“The ferry is the only way our children get to school.”"]) in found
    assert ("Per A. Lund", "―", ["“Keep the winter timetable.”"]) in found  # the line's full stop is not the name's
    # the turn's open quotation mark does not make the mayor the speaker of Oda's whole turn
    assert ("ODA", ":", ["The mayor criticized the bridge plan. It can wait"]) in found
    assert not any("ODA" in " ".join(content) for _, _, content in found)
    assert not any(source == "UPDATE" for source, _, _ in found)


def test_a_lone_capitals_label_is_no_transcript():
    from newsweave.attribution import layouts

    text = "UPDATE: The council meets on Monday.\n\nWATCH: The vote.\n\nNOTE: Fares stay low.\n"
    assert layouts.find_attributions(text) == []


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_words_the_train_table_makes_cues():
    from newsweave.attribution import candidates

    # the table is counted on PolNeAR train: these words in these shapes are mostly marked there
    assert candidates.is_cue("noun+clause", "claim") and not candidates.is_cue("noun+clause", "fact")
    text = ("Politifact checked the mayor’s claim that the harbor lost money every year.\n\n"
            "Many islanders are afraid that the ferry will stop in winter.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("the mayor’s", "claim", ["that the harbor lost money every year"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_split_quotation_runs_to_its_closing_mark():
    text = "Intro.\n\n“We owe them honesty,” Mayor Ann Porter said, “and the truth is plain. The mill will close. We will help.”\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Mayor Ann Porter", "said",
            ["“We owe them honesty,”", "“and the truth is plain. The mill will close. We will help.”"]) in found


@pytest.mark.parametrize("backend", BACKENDS)
def test_headline_speaker_before_a_colon_says_the_rest(backend):
    text = ("Holm: Council Would Close The Ferry, ‘I Fear The Island Is Next’ for Winter.\n\n"
            "Lund: Council Must Decide If It Wants a Winter Ferry.\n\nOn Monday the councillors spoke at the harbor.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend=backend)]
    assert ("Holm", ":", ["Council Would Close The Ferry, ‘I Fear The Island Is Next’ for Winter"]) in found
    assert ("Lund", ":", ["Council Must Decide If It Wants a Winter Ferry"]) in found
    assert not any(cue in {"Must Decide", "Fear"} for _, cue, _ in found)  # inside what they said


def test_a_headline_verb_is_no_part_of_a_name():
    text = ("Mayor Ann Porter Speaks with Governor Ivo Marsh on the Phone\n\n"
            "Mayor Porter said that the ferry would run all winter and that the fares would stay low.\n")
    article = _article("h", text)
    assert {q.speaker for q in extract_quotes(article, backend="rules")} == {"Ann Porter"}
    from newsweave.attribution.speakers import named_people
    # "Says" and "Denies" (the verbs' -s forms: "say" is no "saies")
    assert named_people("Mayor Ann Porter Says Ferry Will Run\n\nGovernor Ivo Marsh Denies Fare Rise\n") == {"Ann Porter", "Ivo Marsh"}


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_subject_inside_a_quotation_is_not_its_speaker():
    text = ("The letter went on.\n\n"
            "“The council will almost certainly approve a badly planned pier, a costly one that nobody on the island wants.”\n")
    found = find_attributions(text, backend="spacy")
    # "The council" is what the letter's writer says something of, not who is speaking
    assert found and all(a.source is None or text[a.source[0]:a.source[1]] != "The council" for a in found)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_quotation_broken_off_before_its_speaker_is_the_first_part():
    text = ("Intro.\n\n“On this basis,” Lund told the council, “the ferry should run all year.”\n\n"
            "“We tried,” Ola Berg said, adding that the crews would need another boat.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Lund", "told", ["“On this basis,”", "“the ferry should run all year.”"]) in found
    # the participle's content is its own clause, not the main verb's quotation
    assert not any(cue == "adding" and len(content) > 1 for _, cue, content in found)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_the_rest_of_a_quotation_after_whom_and_when():
    text = "Intro.\n\n“The ferry is not just late,” Lund told reporters on Monday, “but too small for the island.”\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Lund", "told", ["“The ferry is not just late,”", "“but too small for the island.”"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_which_clause_is_no_part_of_the_source():
    text = ("Intro.\n\nNorway, which has the largest fleet in the region, said the ferry would run all winter.\n\n"
            "Ola Berg, head of the Island Ferry Union, which represents the crews, said the boats were too old.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    sources = {source for source, cue, _ in found if cue == "said"}
    assert sources == {"Norway", "Ola Berg, head of the Island Ferry Union,"}


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_according_to_content_stays_on_its_line():
    text = ("The ferry will run all winter, according to the harbor office.\n\n"
            "The weather on the island was cold and grey for most of the week.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("the harbor office", "according to", ["The ferry will run all winter"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_mixed_content_ending_in_a_quotation_goes_on_to_the_next_one():
    text = ("Intro.\n\nThe ferry fares are “far too high for families,” Ola Berg said. "
            "“Nobody on the island can afford the crossing twice a week.”\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Ola Berg", "said", ["The ferry fares are “far too high for families,”",
                                 "“Nobody on the island can afford the crossing twice a week.”"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_topic_preposition_after_an_adverb_is_not_content():
    text = "Intro.\n\nThe mayor spoke briefly about the closure of the old ferry terminal.\n"
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert any(source == "The mayor" and content == ["the closure of the old ferry terminal"] for source, _, content in found)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_bare_clause_after_a_speech_verb_and_a_comparison_with_it_seems():
    text = ("Intro.\n\nLund said after the meeting he would not sign the ferry contract.\n\n"
            "As unlikely as it may seem, Ola Berg said the old boat would sail again.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Lund", "said", ["he would not sign the ferry contract"]) in found
    assert ("Ola Berg", "said", ["the old boat would sail again"]) in found
    assert not any("seem" in cue for _, cue, _ in found)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_after_a_quotation_and_its_cue_only_another_quotation_goes_on():
    text = ("Intro.\n\n“The ferry is late again,” Ola Berg said, and the crowd on the pier began to laugh loudly.\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Ola Berg", "said", ["“The ferry is late again,”"]) in found


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_any_verb_before_a_colon_and_a_quotation_introduces_it():
    text = ("Intro.\n\nAfter the vote, Mayor Lund gloated: “I told you the ferry would win.”\n\n"
            "The harbor office begins to worry when looking at what the board wrote:\n\n“We will close the pier.”\n")
    found = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Mayor Lund", "gloated:", ["“I told you the ferry would win.”"]) in found
    assert not any(source == "The harbor office" for source, _, _ in found)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_noun_with_what_it_is_about():
    text = "Intro.\n\nThe mayor's criticism of the new ferry timetable surprised the council.\n"
    found = find_attributions(text, backend="spacy")
    spans = [_spans(text, a) for a in found]
    assert ("The mayor's", "criticism of", ["the new ferry timetable"]) in spans
    assert not next(a for a in found if text[a.cue[0]:a.cue[1]] == "criticism of").statement


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_a_verb_with_a_preposition_object():
    text = "Intro.\n\nMost of the island council voted against the new ferry timetable on Monday.\n"
    spans = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert any(cue.startswith("voted") and content[0].startswith("the new ferry timetable") for _, cue, content in spans)


@pytest.mark.skipif(not HAS_SPACY, reason="no spaCy English pipeline installed")
def test_what_a_colon_opens_in_the_content_is_the_speakers_too():
    text = "Intro.\n\nLund said the island needs one thing from the council: a ferry that runs all winter.\n"
    spans = [_spans(text, a) for a in find_attributions(text, backend="spacy")]
    assert ("Lund", "said", ["the island needs one thing from the council: a ferry that runs all winter"]) in spans


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_readout_goes_on_after_said_that_but_not_after_argued_that(backend):
    text = ("Minister Rhea Okafor stressed that the ports would reopen on Monday. Ferries will run at night too.\n\n"
            "Professor Ilse Varga argued that the ferry fares were too high. The council met on Tuesday.\n")
    found = {source: content for source, _, content in (_spans(text, a) for a in find_attributions(text, backend=backend))}
    assert found["Minister Rhea Okafor"] == ["that the ports would reopen on Monday", "Ferries will run at night too"]
    assert found["Professor Ilse Varga"] == ["that the ferry fares were too high"]


def test_text_windows_cover_the_text_and_cut_at_breaks():
    from newsweave.attribution import text_windows

    text = "".join(f"Paragraph {n} says the council met.\n\n" for n in range(400))
    windows = text_windows(text, 1000)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(windows, windows[1:]))  # contiguous, nothing skipped
    assert all(0 < end - start <= 1000 for start, end in windows)
    assert all(text[end - 2:end] == "\n\n" for _, end in windows[:-1])  # cut after a blank line
    unbroken = "x" * 2500  # no break at all: cut where the size ends
    assert text_windows(unbroken, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert text_windows("short", 1000) == [(0, 5)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_long_article_is_read_in_windows_with_the_same_quotes(backend, monkeypatch):
    """A text far longer than a window gives, window by window, the quotes read in one go,
    at the article's own offsets, with a pronoun resolved across a cut (the person was
    named in an earlier window)."""
    import newsweave.attribution as attribution

    paragraphs = ["Mayor Ann Porter opened the Elm Street bridge on Monday."]
    for n in range(60):
        paragraphs.append(f"“Lane {n} will open in spring,” she said.")
        paragraphs.append(f"The ramp to lane {n} is two hundred metres long and was paved in May.")
    text = "\n\n".join(paragraphs)
    whole = extract_quotes(_article("long", text), backend=backend)
    monkeypatch.setattr(attribution, "WINDOW_CHARS", 700)
    assert len(attribution.text_windows(text)) > 5
    windowed = extract_quotes(_article("long", text), backend=backend)
    assert len(whole) == 60
    assert [(q.speaker, q.text, q.start, q.end) for q in windowed] == [(q.speaker, q.text, q.start, q.end) for q in whole]
    assert all(text[q.start:q.end] == q.text for q in windowed)
    assert {q.speaker for q in windowed} == {"Ann Porter"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_unnamed_sources_with_a_plain_reporting_verb_are_speakers(backend):
    """"police said", "the city engineer said": a reader wants these in who said what; a
    phrase the parse takes for a source of another verb ("response continues") is not one."""
    text = ("A fire destroyed a warehouse in Portsmouth on Monday.\n\n"
            "The blaze started in the loading bay, police said.\n\n"
            "The building had no sprinklers, the city engineer said.\n\n"
            "The company said it would rebuild the warehouse within a year.\n\n"
            "As the clean-up response continues, the harbour will stay closed to small boats.")
    speakers_found = {q.speaker for q in extract_quotes(_article("fire", text), backend=backend)}
    assert "The company" in speakers_found
    assert not any("response" in s for s in speakers_found)
    if backend == "spacy":  # the rule path's patterns know no "police" or "engineer" subject
        assert {"police", "the city engineer"} <= speakers_found


def test_a_name_after_a_title_with_an_of_phrase():
    assert person_name("Minister of Foreign Affairs Wang Yi") == "Wang Yi"
    assert person_name("Minister of Infrastructure Odile Renner") == "Odile Renner"
    assert person_name("Secretary of State Antony Blinken") == "Antony Blinken"
    for no_person in ("the Tessel Water Board", "the city engineer", "a local fisherman", "US media outlet Fox News"):
        assert person_name(no_person) is None, no_person



def test_a_name_after_lower_case_role_words_for_a_person_and_names_with_particles():
    assert person_name("Republican presidential nominee Ada Brun") == "Ada Brun"
    assert mention_role("Republican presidential nominee Ada Brun") == "Republican presidential nominee"
    assert person_name("chief engineer Tomas Brandt") == "Tomas Brandt"
    assert person_name("Mayor Lena van der Berg") == "Lena van der Berg"
    assert person_name("Mayor Bill de Vries") == "Bill de Vries"
    assert mention_role("NYPD Commissioner Ivo Marsh") == "NYPD Commissioner"  # an acronym keeps its capitals
    from newsweave.attribution.speakers import named_people
    assert named_people("Mayor Bill de Vries opened the pier.") == {"Bill de Vries"}
    # a word that opened the sentence is no part of the name
    assert person_name("While Sanders") == "Sanders" and person_name("But Ada Brun") == "Ada Brun"
    assert person_name("Said Ivo Marsh") == "Ivo Marsh"


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_unnamed_mention_ending_in_a_person_of_the_story_is_that_person(backend):
    first = _article("a", "Tomas Brandt, chief engineer of the water board, said the dam was sound.")
    second = _article("b", "The dam had been inspected in May, chief engineer Tomas Brandt told reporters.")
    quotes = attribute_story([first, second], backend=backend)
    assert {q.speaker for q in quotes} == {"Tomas Brandt"}
