"""Who is speaking: speaker mentions to people, name variants to one name, statements merged.

Inside an article, pronouns ("he added") go to the last person named as a speaker and
descriptions ("the Chinese president", "his Russian counterpart") to the person the
story's articles give that role ("Chinese President Xi Jinping"). Across a story,
"President Xi", "Xi" and "CHINESE President Xi Jinping" become "Xi Jinping". The same
statement reported by several outlets becomes one entry with all its sources.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Article, Fact, Quote
from .lexicon import CUE_LEMMAS, EVALUATIVE_LEMMAS, PERSON_ROLE_HEADS, STANCE_LEMMAS, TITLE_WORDS

_PRONOUNS = {"he", "she", "they", "i", "we", "who", "him", "her", "it"}
_TITLE = re.compile(rf"\b{TITLE_WORDS}(?=\s)", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# "Yang Jin, an associate research fellow at ...", "Tomas Brandt, chief engineer of ...":
# a name, a comma, then a role that opens with an article or a lower-case word
_APPOSITIVE = re.compile(r"^(?P<name>[^,]+?),\s+(?P<role>(?:an?|the|who|whose|one of)\s.+?|[a-z][\w'’-]*\s.+?),?$")
# "The water board's chief engineer, Tomas Brandt,": the role first, then the name
_ROLE_THEN_NAME = re.compile(r"^(?P<role>[^,]*\b[a-z][^,]*),\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),?$")
_PLACE_TAIL = re.compile(r"(?<=\w)\s+(?:of|in|at|from|on|during|for|with)\s.*$")
_DETERMINER = re.compile(r"^(?:the|his|her|their|its|a|an|another)\s+", re.IGNORECASE)
# "Chinese President Xi Jinping": qualifier words, a title, then the name
def _headline_verbs() -> str:
    """'Speaks|Says|Meets|...': a headline's verb after a name ("President Xi Jinping Speaks
    with ..."), which is no part of the name."""
    lemmas = {*CUE_LEMMAS, *EVALUATIVE_LEMMAS, *STANCE_LEMMAS, "speak", "meet", "hold", "talk", "visit", "phone",
              "receive", "host", "send", "win", "sign", "lead", "join", "hit", "open", "take"}
    forms = {lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
             for lemma in lemmas}
    return "|".join(sorted((f.capitalize() for f in forms), key=len, reverse=True))


_HEADLINE_VERB = _headline_verbs()
# lower-case words inside a name: "Bill de Blasio", "Ludwig van Beethoven"
_PARTICLES = frozenset("de van von der den da di du del della la le bin ibn al el ter ten dos das".split())
_PARTICLE_WORDS = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
_ROLE_AND_NAME = re.compile(rf"\b(?=[A-Z])((?:[A-Z][\w'’-]+\s+){{0,3}}?){TITLE_WORDS}\s+((?!{TITLE_WORDS}\s)(?:[A-Z][\w'’-]+)(?: (?:{_PARTICLE_WORDS} )?(?!(?:{_HEADLINE_VERB})\b)[A-Z][\w'’-]+){{0,2}})")
_STOPWORDS = set(
    "a an the of to in on at for and or but is are was were be been by with that this it its as from "
    "has have had will would can could should their his her they he she we i not also which who".split()
)


def is_pronoun(mention: str) -> bool:
    return mention.strip().lower() in _PRONOUNS


def _recase(mention: str) -> str:
    """'CHINESE President Xi' -> 'Chinese President Xi': the all-caps opener of wire copy,
    told from an acronym ('CCTV', 'US officials', 'NYPD Commissioner') by its length and
    the capitalised word after it."""
    words = mention.split()
    if len(words) > 1 and len(words[0]) > 4 and words[0].isupper() and words[1][:1].isupper() and not words[1].isupper():
        words[0] = words[0].capitalize()
    return " ".join(words)


# capitalised words before a name that are no part of it
_AFFILIATIONS = frozenset({"Democrat", "Democratic", "Republican", "GOP", "Libertarian", "Independent", "Former"})
# words that open a sentence before a name ("While Sanders", "But Cruz", "Said Ellis:")
_SENTENCE_OPENERS = frozenset(
    "But And Or While As When If Although Though Because Since After Before Meanwhile Still Yet Now Then Also "
    "However Indeed Instead Like Unlike With Without Besides For From In On At By Of To Interestingly Ultimately Finally "
    "Even Only Why How What Where The A An This That These Those Said Says Asked Dear Thanks".split())


def person_name(mention: str) -> str | None:
    """The name inside a mention, without titles, qualifiers or appositive; None if none."""
    mention = _recase(mention)
    appositive = _APPOSITIVE.match(mention) or _ROLE_THEN_NAME.match(mention)
    if appositive:
        mention = appositive.group("name")
    if is_pronoun(mention) or _DETERMINER.match(mention):
        return None
    titles = list(_TITLE.finditer(mention))
    if titles:
        mention = mention[titles[-1].end():].strip()
    # "Senator Chris Murphy of Connecticut", "Trump at the rally": the name ends before the place
    mention = _PLACE_TAIL.sub("", mention)
    words = mention.replace("’s", "").split()
    while len(words) > 2 and words[0] in _AFFILIATIONS or len(words) > 1 and words[0] in _SENTENCE_OPENERS:
        words = words[1:]  # "Democrat Hillary Clinton", "But Cruz"
    if not words:
        return None
    if not _is_name(words):
        return _name_after_role(words)
    return " ".join(words)


def _is_name(words: list[str]) -> bool:
    return bool(words) and _NAME_WORD.match(words[0]) is not None and _NAME_WORD.match(words[-1]) is not None and all(
        _NAME_WORD.match(w) or w in _PARTICLES for w in words)


def _name_after_role(words: list[str]) -> str | None:
    """The full name after a title's "of" phrase: "Minister of Foreign Affairs Wang Yi" (its
    last two words; the words between title and name are the ministry's), or after lower-case
    role words that end in a word for a person ("presidential nominee Donald Trump", "chief
    engineer Tomas Brandt"; not "media outlet Fox News")."""
    if words[0] == "of" and len(words) >= 4 and all(_NAME_WORD.match(w) for w in words[1:]):
        return " ".join(words[-2:])
    start = len(words)
    while start > 0 and (_NAME_WORD.match(words[start - 1]) or words[start - 1] in _PARTICLES and start < len(words)):
        start -= 1
    while start < len(words) and not _NAME_WORD.match(words[start]):  # a name opens with a capital
        start += 1
    if len(words) - start >= 2 and 0 < start and words[start - 1] in PERSON_ROLE_HEADS:
        return " ".join(words[start:])
    return None


def mention_role(mention: str) -> str | None:
    """The description a mention gives its speaker: an appositive, or the title before the name."""
    mention = _recase(mention)
    appositive = _APPOSITIVE.match(mention) or _ROLE_THEN_NAME.match(mention)
    if appositive:
        return appositive.group("role")
    # up to the name: "Minister of Infrastructure Ada Brun" keeps its ministry, and
    # "Republican presidential nominee Donald Trump" has a role without a title
    name = person_name(mention)
    at = mention.rfind(name) if name else -1
    titles = list(_TITLE.finditer(mention))
    if titles:
        role = mention[:at if at > titles[-1].start() else titles[-1].end()].strip(" ,")
        return role if role.lower() not in {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr", "dr."} else None
    return mention[:at].strip(" ,") or None if at > 0 else None


def role_names(articles: list[Article]) -> dict[str, str]:
    """'Russian President Vladimir Putin' -> {'russian president': ..., 'russian counterpart'?: no}.

    Keys are lower-case role phrases with and without their qualifiers; the first person
    a story gives a role keeps it.
    """
    roles: dict[str, str] = {}
    for article in articles:
        text = article.text
        for match in _ROLE_AND_NAME.finditer(text):
            qualifiers = [w.lower() for w in match.group(1).split()]
            title = re.sub(r"\s+", " ", match.group(0)[len(match.group(1)):].split(match.group(2))[0]).strip().lower()
            name = match.group(2)
            for size in range(len(qualifiers), -1, -1):
                key = " ".join(qualifiers[len(qualifiers) - size:] + [title])
                roles.setdefault(key, name)
            for qualifier in qualifiers:  # "his Russian counterpart" -> the Russian with a title
                roles.setdefault(f"{qualifier} counterpart", name)
                roles.setdefault(f"{qualifier} leader", name)
    return roles


def person_roles(articles: list[Article]) -> dict[str, str]:
    """'Russian President Vladimir Putin' -> {'Vladimir Putin': 'Russian President'}: the
    fullest role (most words) a story's articles give each named person."""
    found: dict[str, str] = {}
    for article in articles:
        for match in _ROLE_AND_NAME.finditer(article.text):
            role = _recase(match.group(0)[: match.start(2) - match.start(0)].strip())
            if role.lower().rstrip(".") in {"mr", "mrs", "ms", "dr"}:
                continue
            name = match.group(2)
            if len(role.split()) > len(found.get(name, "").split()):
                found[name] = role
    return found


# "chief engineer, Tomas Brandt," and "Tomas Brandt, the chief engineer": a two- or
# three-word name set off by commas next to a lower-case role
_NAME_BY_ROLE = re.compile(
    r"(?:\b[a-z][\w'’-]+,\s+(?P<after>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),)"
    r"|(?:(?P<before>\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:an?|the)\s+[a-z])")


# "in New Hampshire, a young woman asked ...": a place after a preposition, not a person
_PLACE_BEFORE = re.compile(r"\b(?:in|at|across|near|throughout|around)\s+$")
_POSSESSIVE_END = re.compile(r"['’]s\b.*$")


def named_people(text: str) -> set[str]:
    """People an article names with a role beside them, titled or set off by commas."""
    people = {_POSSESSIVE_END.sub("", m.group(2)) for m in _ROLE_AND_NAME.finditer(text)}  # "Mrs. Clinton's Iraq vote"
    people |= {m.group("after") or m.group("before") for m in _NAME_BY_ROLE.finditer(text)
               if m.group("after") or not _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start())}
    return {p for p in people if person_name(p) == p}


# words that say a person is a woman or a man, as a title before the name ("Mrs. Varga",
# "Spokesman Ivo Marsh") or the head of an appositive after it ("Lena Quist, a spokeswoman for")
_FEMALE_WORDS = frozenset(
    "mrs ms miss madam madame lady dame queen princess duchess spokeswoman chairwoman congresswoman councilwoman "
    "assemblywoman businesswoman sister mother grandmother wife daughter widow actress aunt niece woman girl".split())
_MALE_WORDS = frozenset(
    "mr sir lord king prince duke spokesman congressman councilman assemblyman businessman brother father "
    "grandfather husband son widower uncle nephew man boy".split())
_OWN_PRONOUN = {"her": "f", "she": "f", "herself": "f", "his": "m", "he": "m", "him": "m", "himself": "m"}
_APPOSITIVE_HEAD = re.compile(r",\s+(?:an?|the)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+(?:for|of|at|in|with|to|from|on)\b|[,.;]|$)")
_SENTENCE_REST = re.compile(r"[^.!?\n]*")
_OTHER_NAME = re.compile(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether only capitalised words (a title: "Mayor", "Chief Inspector") stand between
    the sentence's start and ``at``."""
    start = max(text.rfind(mark, 0, at) for mark in (". ", "! ", "? ", "\n")) + 1
    return all(word[:1].isupper() for word in text[start:at].split())


def _word_gender(word: str) -> str | None:
    word = word.lower().rstrip(".")
    return "f" if word in _FEMALE_WORDS else "m" if word in _MALE_WORDS else None


def gender_hints(text: str, names: set[str]) -> dict[str, str]:
    """"f" or "m" for the names ``text`` shows to be a woman or a man: a title before the
    name, the head of an appositive after it, or "her"/"his" later in a sentence the name
    opens (before any other name). A name with hints both ways gets none."""
    hints: dict[str, set[str]] = {}
    for name in names:  # the name as given: "Mrs. Clinton" says nothing of "Bill Clinton"
        for found in re.finditer(rf"\b{re.escape(name)}\b", text):
            before = text[max(0, found.start() - 20):found.start()].split()
            gender = _word_gender(before[-1]) if before else None
            after = _APPOSITIVE_HEAD.match(text, found.end())
            if gender is None and after is not None:
                gender = _word_gender(after.group(1).split()[-1])
            if gender is None and _opens_sentence(text, found.start()):
                rest = _SENTENCE_REST.match(text, found.end()).group()
                pronoun = re.search(r"\b(?:her|she|herself|his|he|him|himself)\b", rest)
                if pronoun is not None and _OTHER_NAME.search(rest, 0, pronoun.start()) is None:
                    gender = _OWN_PRONOUN[pronoun.group()]
            if gender is not None:
                hints.setdefault(name, set()).add(gender)
    return {name: next(iter(genders)) for name, genders in hints.items() if len(genders) == 1}


_HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "he": "m", "she": "f"}


def mention_gender(mention: str) -> str | None:
    """The gender a mention gives its person: "Mr. Obama", "Mrs. Clinton", "he", and the
    last honorific in a longer one ("advisers to Mr. Obama")."""
    genders = [_HONORIFIC_GENDER.get(word.lower().rstrip(".")) for word in mention.split()]
    return next((gender for gender in reversed(genders) if gender), None)


def resolve_description(mention: str, roles: dict[str, str]) -> str | None:
    words = _DETERMINER.sub("", mention).lower().split()
    for size in range(len(words), 0, -1):
        key = " ".join(words[-size:])
        if key in roles and size >= 2 or key in roles and len(words) == 1 and key not in {"president"}:
            return roles[key]
    return None


def _with_word_before(full: str, name: str) -> str:
    """The part of ``full`` that tells it from other holders of ``name``: the name with the
    word before it ("Hillary Clinton" of "Democrat Hillary Clinton" for "Clinton")."""
    words, first = full.split(), name.split()[0]
    at = words.index(first) if first in words else 0
    return " ".join(words[max(0, at - 1):at + len(name.split())]) if at else full


def _in_lower_case(word: str, texts: list[str]) -> bool:
    """Whether the texts use ``word`` in lower case, as a common word and not a name."""
    lower = re.compile(rf"\b{re.escape(word.lower())}\b")
    return any(lower.search(text) for text in texts)


def is_common_plural(name: str, text: str) -> bool:
    """A one-word "name" that is a plural the text also uses in lower case ("Delegates")."""
    return " " not in name and name.endswith("s") and _in_lower_case(name, [text])


def _without_stray_first_word(name: str, texts: list[str]) -> str:
    """"Rival Hillary Clinton" -> "Hillary Clinton": a capitalised word that opened the
    sentence, where the texts name the rest alone more often and use the word in lower case
    too ("George W. Bush" and "Debbie Wasserman Schultz" stay)."""
    words = name.split()
    while len(words) > 2:
        whole = sum(text.count(" ".join(words)) for text in texts)
        alone = sum(text.count(" ".join(words[1:])) for text in texts) - whole
        if alone <= whole or not _in_lower_case(words[0], texts):  # "Debbie Wasserman Schultz" stays
            break
        words = words[1:]
    return " ".join(words)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _given_name(full: str, name: str, texts: list[str]) -> bool:
    """Whether the word before ``name`` in ``full`` never appears in lower case in the texts,
    as a given name would not ("Bernie" of "Bernie Sanders", not "While" of "While Sanders")."""
    return not _in_lower_case(_with_word_before(full, name).split()[0], texts)


def canonical_names(names: set[str], texts: list[str] = ()) -> dict[str, str]:
    """Each name to the longest name of the story that holds all its words ("Xi" -> "Xi
    Jinping"). Where several do ("Clinton": "Bill Clinton", "Hillary Clinton"), the one
    ``texts`` name most often, and the name stays as it is where none is named more."""
    trimmed = {name: _without_stray_first_word(name, texts) for name in names}
    full = sorted(set(trimmed.values()), key=lambda n: (-len(n.split()), n))
    mapping = {}
    for name in names:
        tokens = set(trimmed[name].split())
        holders = [c for c in full if tokens <= set(c.split())]
        widest = [c for c in holders if not any(set(c.split()) < set(other.split()) for other in holders)]
        if len({_folded(c) for c in widest}) > 1:  # not only "Francois" and "François Hollande"
            mentions = sorted(((sum(text.count(_with_word_before(c, name)) for text in texts), _given_name(c, name, texts), c)
                               for c in widest), reverse=True)
            widest = [mentions[0][2]] if mentions[0][:2] > mentions[1][:2] else [trimmed[name]]
        mapping[name] = widest[0] if widest else trimmed[name]
    return mapping


def _words(text: str) -> set[str]:
    # a five-letter prefix stands in for a stem: "attempts"/"attempt", "discredit"/"discredited"
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 1}


def same_statement(a: str, b: str, threshold: float = 0.55) -> bool:
    """Two reports of one statement share most of the shorter one's content words."""
    words_a, words_b = _words(a), _words(b)
    shared = len(words_a & words_b)
    return shared >= 3 and shared / max(1, min(len(words_a), len(words_b))) >= threshold


def _facts_of_quotes(quotes: list[Quote], facts: list[Fact]) -> dict[int, frozenset[int]]:
    """id(quote) -> the facts (reported by two or more articles) of which the quote's
    content holds at least half a mention."""
    mentions: dict[str, list[tuple[int, int, int]]] = {}
    for number, fact in enumerate(facts):
        if len(set(fact.sources)) > 1:
            for m in fact.mentions:
                mentions.setdefault(m.article, []).append((m.start, m.end, number))
    return {id(q): frozenset(n for start, end, n in mentions.get(q.article, ())
                             if 2 * (min(end, q.end) - max(start, q.start)) >= end - start)
            for q in quotes}


def speakers(quotes: list[Quote], facts: list[Fact] = ()) -> list[dict]:
    """Each speaker once, with their statements; the same statement from several articles
    is one entry with all its sources and spans. Two reports are the same statement when
    they share most words (``same_statement``) or state one of the story's ``facts``
    (``align`` sees paraphrases: "will never forget" ~ "will bear in mind")."""
    facts_of = _facts_of_quotes(quotes, list(facts))
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
    out = []
    for name, said in sorted(by_speaker.items(), key=lambda kv: (-len({q.article for q in kv[1]}), -len(kv[1]), kv[0])):
        statements: list[dict] = []
        members: list[list[Quote]] = []
        for quote in said:
            for entry, group in zip(statements, members):
                # one article's statements are separate things the person said: merging
                # them would chain a short remark ("discussed the fight against ...")
                # with everything else the article reports of them
                if quote.article in entry["sources"]:
                    continue
                if any(same_statement(quote.text, other.text) or facts_of[id(quote)] & facts_of[id(other)]
                       for other in group):
                    group.append(quote)
                    entry["sources"].append(quote.article)
                    entry["spans"].append({"article": quote.article, "start": quote.start, "end": quote.end})
                    break
            else:
                members.append([quote])
                statements.append({
                    "text": quote.text, "kind": quote.kind, "cue": quote.cue, "sources": [quote.article],
                    "spans": [{"article": quote.article, "start": quote.start, "end": quote.end}],
                })
        order = sorted(range(len(statements)), key=lambda i: -len(statements[i]["sources"]))
        out.append({
            "speaker": name,
            "role": next((q.role for q in said if q.role), None),
            "sources": sorted({q.article for q in said}),
            "statements": [statements[i] for i in order],
        })
    return out
