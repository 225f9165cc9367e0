"""A cheaper stand-in for a spaCy pipeline's attribute ruler and rule lemmatiser.

The small English pipelines map each fine-grained tag to a coarse POS and morphology with
an ``attribute_ruler`` (a token Matcher over ~180 patterns), then lemmatise every token in
Python. On news copy the two cost as much as the parser. Both depend only on a token's
tag, lowercase form and dependency label, so this component reads the ruler's own
patterns once into tables and caches every answer per (tag, word, label): the same
POS, morphology and lemmas, at the cost of a dictionary lookup per token.
"""

from __future__ import annotations

COMPONENT = "newsweave_tags"
_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}


def _condition(value):
    """A pattern value as a test of one string; None where it is not a plain one."""
    if isinstance(value, (str, bool)):
        return lambda seen: seen == value
    if isinstance(value, dict) and set(value) == {"IN"}:
        accepted = frozenset(value["IN"])
        return lambda seen: seen in accepted
    if isinstance(value, dict) and set(value) == {"NOT_IN"}:
        refused = frozenset(value["NOT_IN"])
        return lambda seen: seen not in refused
    return None


def _named(value) -> frozenset | None:
    """The strings a condition names outright; None where it accepts others too."""
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class TagAttributes:
    """POS, morphology and lemma from the tag, as ``attribute_ruler`` + ``lemmatizer`` set them.

    Patterns of more than one token ("gon na", "ai n't", "there is") only change a lemma
    of slang or the POS of "is" after "there", and are left out.
    """

    def __init__(self, ruler, lemmatizer):
        # (order, tags named or None for any, conditions, attrs, words named)
        rules: list[tuple[int, frozenset | None, dict, dict, frozenset | None]] = []
        for order, entry in enumerate(ruler.patterns):
            for alternative in entry["patterns"]:
                if len(alternative) != 1 or not set(alternative[0]) <= _KEYS:
                    continue
                conditions = {key: _condition(value) for key, value in alternative[0].items()}
                if all(conditions.values()):
                    pattern = alternative[0]
                    rules.append((order, _named(pattern["TAG"]) if "TAG" in pattern else None, conditions,
                                  entry["attrs"], _named(pattern["LOWER"]) if "LOWER" in pattern else frozenset()))
        self._any_tag = [r for r in rules if r[1] is None]
        self._by_tag: dict[str, list] = {}
        for rule in rules:
            for tag in rule[1] or ():
                self._by_tag.setdefault(tag, []).append(rule)
        self.lemmatizer = lemmatizer
        self._candidates: dict[str, tuple[list, frozenset | None]] = {}
        self._attrs: dict[tuple, dict] = {}
        self._lemmas: dict[tuple[int, int, int], str] = {}

    def _rules_for(self, tag: str) -> tuple[list, frozenset | None]:
        """The rules that can apply to a tag, in the ruler's order, and the words they name
        (None where one accepts any word but some): other words all get the same answer."""
        found = self._candidates.get(tag)
        if found is None:
            rules = sorted(self._by_tag.get(tag, []) + self._any_tag, key=lambda r: r[0])
            named: set[str] | None = set()
            for rule in rules:
                named = None if rule[4] is None or named is None else named | rule[4]
            found = self._candidates[tag] = (rules, None if named is None else frozenset(named))
        return found

    def attributes(self, tag: str, lower: str, dep: str, is_space: bool) -> dict:
        rules, words = self._rules_for(tag)
        key = (tag, lower if words is None or lower in words else "", dep, is_space)
        found = self._attrs.get(key)
        if found is None:
            found = {}
            values = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": is_space}
            for _, _, conditions, attrs, _ in rules:  # later patterns win, as in the ruler
                if all(test(values[name]) for name, test in conditions.items()):
                    found.update(attrs)
            self._attrs[key] = found
        return found

    def __call__(self, doc):
        for token in doc:
            attrs = self.attributes(token.tag_, token.lower_, token.dep_, token.is_space)
            if "TAG" in attrs:
                token.tag_ = attrs["TAG"]
            if "DEP" in attrs:
                token.dep_ = attrs["DEP"]
            if "POS" in attrs:
                token.pos_ = attrs["POS"]
            if "MORPH" in attrs:
                token.set_morph(attrs["MORPH"])
            if "LEMMA" in attrs:
                token.lemma_ = attrs["LEMMA"]
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = self._lemmas[key] = self.lemmatizer.rule_lemmatize(token)[0]
            token.lemma_ = lemma
        return doc


def use_tag_attributes(nlp) -> None:
    """Run one ``TagAttributes`` after the parser in place of ``nlp``'s attribute ruler and
    lemmatiser, which stay loaded (disabled) for their tables."""
    from spacy.language import Language

    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: TagAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")))
    nlp.add_pipe(COMPONENT, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
