"""Sentence spans: exact offsets, abbreviations and titles before names."""

from newsweave.segment import sentence_spans


def sentences(text):
    spans = sentence_spans(text)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip() and end > start
    return [text[start:end] for start, end in spans]


def test_titles_before_names_do_not_end_sentences():
    text = ("Air force Lt. Col. Ana Brenner said the jets returned at 3 p.m. on Friday. "
            "Gov. Ray Hale and Sen. Ida Voss disagreed.\n\nDr. Lind spoke last.")
    assert sentences(text) == [
        "Air force Lt. Col. Ana Brenner said the jets returned at 3 p.m. on Friday.",
        "Gov. Ray Hale and Sen. Ida Voss disagreed.",
        "Dr. Lind spoke last.",
    ]


def test_quotes_and_paragraphs():
    text = '"We will rebuild," the mayor said. "It will take a year."\n\nThe U.S. team left on Jan. 5.'
    assert sentences(text) == ['"We will rebuild," the mayor said.', '"It will take a year."',
                               "The U.S. team left on Jan. 5."]


def test_no_sentence_crosses_a_paragraph_break():
    assert sentences("A heading without a stop\n\nThe body starts here.") == [
        "A heading without a stop", "The body starts here."]


def test_sentences_glued_by_a_scraper_are_split():
    text = "Two barns in Olm were badly damaged.We have no reports of injuries.The board met!Then it voted."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Two barns in Olm were badly damaged.", "We have no reports of injuries.", "The board met!", "Then it voted."]
    for kept in ("Visit olmpost.com for more.", "The U.S.Army moved in.", "She thanked Mrs.Brandt and Dr.Olsen."):
        assert [kept[a:b] for a, b in sentence_spans(kept)] == [kept]
