"""Paraphrase-tolerant word forms: content words reduced to a light stem and mapped onto a
shared concept where news writing commonly says the same thing in different words.

Outlets (and translations of one statement) differ in wording: "the town will never forget
the army's strong support during the gravest moment" and "the town will remember the army's
help in its hardest time" share few surface words. Reducing words to stems and mapping a
small, general-purpose lexicon of news paraphrases (help ~ support ~ assistance, never
forget ~ remember, hardest ~ gravest ~ most difficult, time ~ moment) onto one concept
lets bag-of-words similarity see that they report the same thing. The lexicon holds
ordinary vocabulary of reported events and speech, nothing specific to one story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text_features import STOP_WORDS, words

# Multi-word expressions first: each is replaced by the concept it stands for.
_PHRASES = {
    "never forget": "remember", "not forget": "remember", "bear in mind": "remember",
    "keep in mind": "remember", "will not forget": "remember",
    "at an early date": "soon", "as soon as possible": "soon",
    "year on year": "annual", "over the same period last year": "annual",
    "head of state": "leader", "heads of state": "leader",
    "stand ready": "willing", "stands ready": "willing", "is ready": "willing", "are ready": "willing",
    "take part": "participate", "took part": "participate",
    "set fire": "burn", "passed away": "die", "opened fire": "shoot",
    "call for": "urge", "called for": "urge", "calls for": "urge",
    "turn down": "reject", "turned down": "reject",
    "phone call": "phone", "telephone conversation": "phone", "telephone conversations": "phone",
    "phone conversation": "phone", "phone conversations": "phone",
}

_SYNONYM_GROUPS = [
    ("help", "help support assist assistance aid backing"),
    ("remember", "remember recall"),
    ("difficult", "difficult hard hardest grave gravest tough toughest severe challenging"),
    ("time", "time moment period"),
    ("disease", "disease virus epidemic pandemic outbreak illness contagion coronavirus covid-19 covid"),
    ("fight", "fight fighting battle combat struggle"),
    ("smear", "smear discredit slander defame"),
    ("origin", "origin source"),
    ("increase", "increase rise rose risen grow grew grown climb climbed jump jumped surge surged expand expanded expansion growth"),
    ("decrease", "decrease fall fell fallen drop dropped decline declined shrink shrank plunge plunged"),
    ("die", "die died dead death deaths kill killed killing"),
    ("injure", "injure injured wound wounded hurt"),
    ("promise", "promise promised pledge pledged vow vowed"),
    ("country", "country nation state"),
    ("contain", "contain control stem curb check rein"),
    ("soon", "soon early quickly rapidly swiftly"),
    ("restore", "restore recover revive"),
    ("confident", "confident confidence believe belief trust"),
    ("cooperate", "cooperate cooperation collaborate collaboration"),
    ("strengthen", "strengthen enhance boost intensify bolster reinforce"),
    ("relation", "relation relations relationship ties"),
    ("phone", "phone telephone call"),
    ("unite", "unite united unity solidarity"),
    ("detrimental", "detrimental harmful counterproductive damaging conducive"),
    ("arrest", "arrest arrested detain detained custody"),
    ("attack", "attack attacked assault assaulted strike"),
    ("buy", "buy bought purchase purchased acquire acquired acquisition"),
    ("start", "start started begin began begun launch launched"),
    ("end", "end ended finish finished conclude concluded"),
    ("big", "big large huge major massive"),
    ("small", "small little minor"),
    ("quit", "quit resign resigned step"),
    ("win", "win won victory"),
    ("lose", "lose lost defeat defeated"),
    ("meet", "meet met meeting talks"),
    ("show", "show showed demonstrate demonstrated prove proved reflect reflected indicate indicated testament"),
    ("important", "important significant valuable remarkable notable"),
    ("people", "people public citizens residents"),
    ("say", "say said says tell told state stated stress stressed note noted add added"),
    ("try", "try tried attempt attempted"),
    ("work", "work working"),
    ("send", "send sent dispatch dispatched despatch despatched"),
    ("safeguard", "safeguard protect protected uphold maintain"),
    ("willing", "willing ready"),
    ("agree", "agree agreed consensus"),
    ("medical", "medical health"),
]
_SYNONYMS = {word: concept for concept, members in _SYNONYM_GROUPS for word in members.split()}
_PHRASE_PATTERN = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _PHRASES), key=len, reverse=True)) + r")\b", re.I)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ness", "ments", "ment", "edly", "ed", "es", "ly", "s")


@lru_cache(maxsize=200_000)  # news vocabulary repeats; stemming each token anew dominated the cost
def stem(word: str) -> str:
    """A light stem: enough to join inflections (supports/supported/supporting) without a
    stemmer package; short words are left alone."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1] if word[:-1].endswith("e") else base
            return base
    return word


@lru_cache(maxsize=200_000)
def concept(word: str) -> str:
    """The shared concept for a lower-cased word, or its stem."""
    return _SYNONYMS.get(word) or _SYNONYMS.get(stem(word)) or stem(word)


def concept_words(text: str) -> list[str]:
    """Content words of ``text`` as concepts (the analyzer for paraphrase-tolerant TF-IDF)."""
    text = _PHRASE_PATTERN.sub(lambda m: " " + _PHRASES[m.group(0).lower()] + " ", text)
    out = []
    for word in words(text):
        if word.endswith("'s"):
            word = word[:-2]
        if word in _SYNONYMS:
            out.append(_SYNONYMS[word])
        elif word not in STOP_WORDS and len(word) > 1:
            out.append(concept(word))
    return [w for w in out if w != "say"]  # speech verbs carry no content of their own
