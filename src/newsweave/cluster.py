"""Cluster: group articles into stories (events), at a cost that grows linearly.

An article is a TF-IDF vector over content words, names and numbers plus its date and the
people named near its top (``story_features``; after Miranda et al. 2018, who found TF-IDF
with time features beat embeddings for news). Two articles are similar by the cosine of
their vectors, scaled down when both name people and none is shared, minus a penalty per
day apart; beyond ``time_window_days`` they are never compared.

Stories are average-linkage clusters: a story's members are on average at least
``join_similarity`` similar to each other. Nothing is compared all-pairs:

- batch (``group_stories``): in time order, each article looks up earlier articles that
  share its strongest terms through an inverted index and scores the best few; each article
  keeps its best few links, scored from either side, each weakened by the two articles'
  crowding (their similarity to their other candidates: on a crowded topic only close
  matches count); average linkage then runs best-first over that sparse graph. Beyond
  ``graph_max_articles`` (100k+ inputs), batch mode is the incremental assignment over
  time-ordered articles, so memory follows the time window rather than the corpus. Copies
  found by dedup follow their canonical article and are not clustered again.
- incremental (``StoryIndex``, persisted by ``store``): each new article looks up candidate
  stories through an inverted index over the stories' strongest terms and joins the best one
  when its mean similarity to the members, less its crowding, reaches
  ``incremental_join_similarity`` (and, where no person is shared, a share of the story's
  own cohesion).

All knobs live in ``StoryThresholds``, tuned on the dev sets (NeuS-AllSides val and the
Multi-News validation mix) with ``newsweave eval cluster``. Neither carries publication dates,
so the time knobs are checked, not tuned, on the raw AllSides crawl (``raw_crawled_2021.jsonl``,
39% of articles dated by their link): B-cubed F1 with dates against ``--ignore-dates``, mean
of three mixes, incremental 78.5 vs 74.6, batch 81.2 vs 81.0 (TF-IDF baseline 77.2).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import add, itemgetter, le

from .model import Article
from .story_features import TermStatistics, Vector, article_terms, key_people, sparse_dot, strongest, vectorise


@dataclass(frozen=True)
class StoryThresholds:
    """Every knob of story assignment in one documented place."""

    join_similarity: float = 0.05  # batch: stories merge at this mean link strength (unlinked pairs count 0;
    # links are similarities less the crowding below, hence the low bar)
    incremental_join_similarity: float = 0.09  # incremental: an article joins at this mean similarity to the
    # members, less its own crowding (the incremental_crowding_* knobs)
    day_penalty: float = 0.02  # similarity lost per day between the article and the story
    time_window_days: int = 7  # stories further apart than this are never candidates
    centroid_terms: int = 300  # strongest terms kept of a story's summed member vectors
    index_terms: int = 60  # a story (batch: an article) is findable through this many of its strongest terms
    query_terms: int = 30  # an article looks stories up through this many of its strongest terms
    max_candidates: int = 8  # stories (batch: articles) scored exactly per article
    link_similarity: float = 0.10  # batch: weaker article-to-article links are not kept. Crowding
    # measures how close an article's neighbours are; among a few articles of different stories it
    # is small and takes little off, so this floor is what keeps them apart: in piles of 10 / 50
    # articles, each from another story (``eval cluster``'s pile figures), 0.05 joined 23% / 35% of
    # NeuS articles and 8% / 20% of Multi-News ones, 0.10 (with join 0.05) 5% / 18% and 0.7% / 3.5%,
    # at B-cubed F1 NeuS 90.1 -> 90.3 and Multi-News 88.0 -> 87.5 on the whole dev sets
    graph_neighbours: int = 2  # batch: links kept per article (few links keep stories cohesive)
    graph_max_articles: int = 20_000  # batch: larger inputs use incremental assignment (bounded memory)
    people_mismatch: float = 0.7  # similarity kept when both name people and none is shared
    posting_limit: int = 300  # most recent stories (articles) kept per index term: bounds the cost
    # Crowding (local scaling, as CSLS does for word translation): an article among many articles
    # on its topic (the fifth day of a shutdown, one more poll) is similar to all of them, and its
    # similarities say less than those of an article alone on its topic. A link loses a share of
    # the two articles' crowding, their mean similarity to their best few candidates, so dense
    # topics need closer matches and sparse ones fewer shared words. Dev sets, batch B-cubed F1
    # over three shuffles: NeuS 88.0 -> 89.2, Multi-News 86.9 -> 87.5.
    crowding_neighbours: int = 5  # batch: crowding is the mean similarity to this many best candidates
    crowding_share: float = 0.5  # batch: share of the two articles' mean crowding taken off their link
    incremental_crowding_neighbours: int = 3  # incremental: the same over the best candidate stories
    incremental_crowding_share: float = 0.6  # (0.14 bar without it: NeuS 82.2 -> 83.5, Multi-News 85.1 -> 85.9)
    # When both name people and none is shared, an article joins a story only if it is at least
    # this share as similar to the members as they are on average to each other: the ministers'
    # call (Wang Yi, Lavrov) is 0.52 of the leaders' call's (Xi, Putin) cohesion. Dev-neutral.
    people_cohesion_share: float = 0.55


DEFAULT_THRESHOLDS = StoryThresholds()
EVICTION_EVERY = 1_000  # incremental: dated articles between two sweeps for closed stories


def day_number(published: str | None) -> int | None:
    """The date as a day number, or None for a missing or unreadable date."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass
class StoryState:
    """What the index knows of one story: the sum of its members' vectors and its dates."""

    key: int
    total: Counter = field(default_factory=Counter)  # sum of member vectors
    size: int = 0
    first_day: int | None = None
    last_day: int | None = None
    people: Counter = field(default_factory=Counter)
    indexed: set[str] = field(default_factory=set)  # terms the story is filed under (this session)
    _profile: Vector | None = None

    def profile(self, max_terms: int) -> Vector:
        """The strongest terms of the summed member vectors (what is stored and compared)."""
        if self._profile is None:
            ranked = sorted(self.total.items(), key=itemgetter(1), reverse=True)
            if len(ranked) > 2 * max_terms:  # keep the stored sum bounded as the story grows
                self.total = Counter(dict(ranked[:max_terms]))
            self._profile = dict(ranked[:max_terms])  # strongest first
        return self._profile

    def add(self, vector: Vector, day: int | None, people: frozenset[str] = frozenset()) -> None:
        self.people.update(people)
        _add_into(self.total, vector)
        self.size += 1
        self._profile = None
        if day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)

    def remove(self, vector: Vector, people: frozenset[str] = frozenset()) -> None:
        self.people.subtract(people)
        self.people = +self.people
        self.total.subtract(vector)
        for term in [t for t, w in self.total.items() if w <= 1e-9]:
            del self.total[term]
        self.size -= 1
        self._profile = None

    def cohesion(self, max_terms: int) -> float | None:
        """The mean cosine between two members, from the summed vectors (None below two
        members): |sum|^2 adds every member pair twice, plus each member's own 1."""
        if self.size < 2:
            return None
        profile = self.profile(max_terms)
        return (sparse_dot(profile, profile) - self.size) / (self.size * (self.size - 1))

    def days_away(self, day: int | None) -> int:
        if day is None or self.first_day is None:
            return 0  # no date on one side: time says nothing
        if day < self.first_day:
            return self.first_day - day
        return max(0, day - self.last_day)


def _add_into(total: Counter, vector: Vector) -> None:
    """``total.update(vector)``, with the loop over the terms in C (this runs per article)."""
    terms = vector.keys()
    dict.update(total, zip(terms, map(add, vector.values(), map(total.get, terms, repeat(0)))))


def most_voted(votes: Counter, n: int) -> list:
    """The keys of ``votes.most_common(n)`` (ties in first-counted order), sorting in C:
    only the keys voted for at least as often as the n-th best are ranked."""
    if len(votes) > n:
        nth_best = sorted(votes.values(), reverse=True)[n - 1]
        ranked = compress(votes.items(), map(le, repeat(nth_best), votes.values()))
    else:
        ranked = votes.items()
    return [key for key, _ in sorted(ranked, key=itemgetter(1), reverse=True)[:n]]


@dataclass(frozen=True)
class ArticleFeatures:
    """What story assignment knows of one article."""

    vector: Vector
    day: int | None
    people: frozenset[str] = frozenset()


def story_similarity(article: ArticleFeatures, story: StoryState, thresholds: StoryThresholds) -> float:
    """How well an article fits a story: mean cosine to its members, scaled down when the
    people differ, minus the time penalty; -1 outside the time window."""
    gap = story.days_away(article.day)
    if gap > thresholds.time_window_days:
        return -1.0
    # The mean cosine to the story's members (average linkage), from the summed vectors.
    similarity = sparse_dot(article.vector, story.profile(thresholds.centroid_terms)) / max(story.size, 1)
    if article.people and story.people and not any(p in story.people for p in article.people):
        similarity *= thresholds.people_mismatch
    return similarity - thresholds.day_penalty * gap


def pair_similarity(a: ArticleFeatures, b: ArticleFeatures, thresholds: StoryThresholds = DEFAULT_THRESHOLDS) -> float:
    """The same measure between two articles (b as a story of one)."""
    story = StoryState(key=0)
    story.add(b.vector, b.day, b.people)
    return story_similarity(a, story, thresholds)


class StoryIndex:
    """Stories so far, findable by their strongest terms; assigns articles one at a time.

    This is incremental mode: each article goes to its best candidate story when its
    average-linkage similarity (``story_similarity``, as in batch) reaches
    ``incremental_join_similarity``, else starts a story. Stories and postings live in memory
    here; ``store.StoredStoryIndex`` overrides the four storage methods (``story``, ``posting``,
    ``save``, ``forget_postings``) to keep them in SQLite.
    """

    def __init__(self, thresholds: StoryThresholds = DEFAULT_THRESHOLDS):
        self.thresholds = thresholds
        self.stories: dict[int, StoryState] = {}
        self.postings: dict[str, list[int]] = {}
        self.next_key = 0
        self.latest_day: int | None = None
        self._since_eviction = 0

    # storage: in memory
    def story(self, key: int) -> StoryState | None:
        return self.stories.get(key)

    def posting(self, term: str) -> list[int]:
        return self.postings.get(term, [])

    def save(self, story: StoryState, new_terms: list[str]) -> None:
        """Keep the story and file it under the index terms it was not filed under yet."""
        self.stories[story.key] = story
        limit = self.thresholds.posting_limit
        for term in new_terms:
            posting = self.postings.setdefault(term, [])
            posting.append(story.key)
            if len(posting) > 2 * limit:
                del posting[: len(posting) - limit]

    # assignment: shared by every storage
    def candidates(self, vector: Vector) -> list[int]:
        """Stories sharing most of the article's strongest terms among their own."""
        # All postings counted in one pass in C: this is the hot loop.
        votes = Counter(chain.from_iterable(self.posting(term) for term in strongest(vector, self.thresholds.query_terms)))
        return most_voted(votes, self.thresholds.max_candidates)

    def scored_stories(self, article: ArticleFeatures) -> list[tuple[float, StoryState]]:
        """The candidate stories with their ``story_similarity`` to the article, best first."""
        scored = []
        for key in self.candidates(article.vector):
            story = self.story(key)
            if story is None or story.size == 0:
                continue  # a story no longer held
            scored.append((story_similarity(article, story, self.thresholds), story))
        scored.sort(key=itemgetter(0), reverse=True)
        return scored

    def best_story(self, article: ArticleFeatures) -> tuple[StoryState | None, float]:
        scored = self.scored_stories(article)
        return (scored[0][1], scored[0][0]) if scored else (None, -1.0)

    def assign(self, article: ArticleFeatures) -> int:
        """Put the article in its best story, or in a new one; return the story key."""
        scored = self.scored_stories(article)
        story = scored[0][1] if scored and self.joins(article, scored) else self.new_story()
        self.add_to(story, article)
        if article.day is not None:
            self.latest_day = article.day if self.latest_day is None else max(self.latest_day, article.day)
            # Only dated articles move time on: undated ones come last (``time_order``) and may
            # belong to any story still held, so their arrival must not push stories out. (It did:
            # on the AllSides crawl, 39% dated, incremental B-cubed F1 went 69.5 -> 78.0.)
            self._since_eviction += 1
            if self._since_eviction >= EVICTION_EVERY:
                self.evict_closed_stories()
        return story.key

    def joins(self, article: ArticleFeatures, scored: list[tuple[float, StoryState]]) -> bool:
        """Whether the article joins the best of its scored candidate stories."""
        t = self.thresholds
        similarity, story = scored[0]
        crowding = sum(max(s, 0.0) for s, _ in scored[: t.incremental_crowding_neighbours])
        if t.incremental_crowding_neighbours:
            crowding /= t.incremental_crowding_neighbours
        if similarity - t.incremental_crowding_share * crowding < t.incremental_join_similarity:
            return False
        if article.people and story.people and not any(p in story.people for p in article.people):
            cohesion = story.cohesion(t.centroid_terms)
            if cohesion is not None and similarity < t.people_cohesion_share * cohesion:
                return False
        return True

    def evict_closed_stories(self) -> None:
        """Drop stories that ended before the time window of the latest article, with their
        postings: no article in time order can join them again, so memory and the postings
        read per article follow the window, not the corpus."""
        self._since_eviction = 0
        if self.latest_day is None:
            return
        horizon = self.latest_day - self.thresholds.time_window_days - 1
        closed = [s for s in self.stories.values() if s.last_day is not None and s.last_day < horizon]
        for story in closed:
            del self.stories[story.key]
        self.forget_postings(closed, horizon)

    def forget_postings(self, closed: list[StoryState], horizon: int) -> None:
        """Take the closed stories out of the postings of the terms they are filed under
        (storage: in memory; the store also closes its stories this process never read)."""
        for term, keys in closed_postings((s.key, s.indexed) for s in closed).items():
            posting = self.postings.get(term)
            if posting is None:
                continue
            live = [k for k in posting if k not in keys]
            if live:
                self.postings[term] = live
            else:
                del self.postings[term]

    def new_story(self) -> StoryState:
        story = StoryState(key=self.next_key)
        self.next_key += 1
        return story

    def add_to(self, story: StoryState, article: ArticleFeatures) -> None:
        story.add(article.vector, article.day, article.people)
        t = self.thresholds
        new_terms = [term for term in strongest(story.profile(t.centroid_terms), t.index_terms)
                     if term not in story.indexed]
        story.indexed.update(new_terms)
        self.save(story, new_terms)


def closed_postings(stories: Iterable[tuple[int, Iterable[str]]]) -> dict[str, set[int]]:
    """Term -> the keys of these (key, filed terms) stories filed under it."""
    keys_of: dict[str, set[int]] = {}
    for key, terms in stories:
        for term in terms:
            keys_of.setdefault(term, set()).add(key)
    return keys_of


def time_order(articles: list[Article]) -> list[int]:
    # Undated articles go last: by then the dated stories they may belong to exist.
    return sorted(range(len(articles)), key=lambda i: (articles[i].published is None, articles[i].published or "", i))


def features_of(article: Article, vector: Vector) -> ArticleFeatures:
    return ArticleFeatures(vector, day_number(article.published), key_people(article))


def article_features(articles: list[Article]) -> list[ArticleFeatures]:
    """Features with document frequencies counted over these articles (batch mode)."""
    stats = TermStatistics()
    terms = [article_terms(a) for a in articles]
    for counts in terms:
        stats.add(counts)
    return [features_of(a, vectorise(counts, stats)) for a, counts in zip(articles, terms)]


def neighbour_graph(features: list[ArticleFeatures], order: list[int], thresholds: StoryThresholds) -> dict[tuple[int, int], float]:
    """Each article's strongest links, found through an inverted index.

    In time order, each article scores the earlier articles sharing most of its strong
    terms; a pair scored from either side is a candidate link of both articles. Each
    article then keeps its ``graph_neighbours`` best candidate links (before, only links to
    earlier articles counted: an article's best match could be lost for having come later),
    so the graph grows linearly with the corpus. A link's strength is the similarity less a
    share of the two articles' crowding.
    """
    t = thresholds
    postings: dict[str, list[int]] = {}
    scored: list[list[tuple[float, int]]] = [[] for _ in features]
    for i in order:
        vector = features[i].vector
        votes: Counter = Counter()
        for term in strongest(vector, t.query_terms):
            for j in postings.get(term, ()):
                votes[j] += vector[term] * features[j].vector[term]
        for j in most_voted(votes, t.max_candidates):
            similarity = pair_similarity(features[i], features[j], t)
            if similarity >= t.link_similarity:
                scored[i].append((similarity, j))
                scored[j].append((similarity, i))
        for term in strongest(vector, t.index_terms):
            posting = postings.setdefault(term, [])
            posting.append(i)
            if len(posting) > 2 * t.posting_limit:
                del posting[: len(posting) - t.posting_limit]
    if t.crowding_neighbours and t.crowding_share:
        crowding = [sum(heapq.nlargest(t.crowding_neighbours, [s for s, _ in links])) / t.crowding_neighbours
                    for links in scored]
        scored = [[(s - t.crowding_share * (crowding[i] + crowding[j]) / 2, j) for s, j in links]
                  for i, links in enumerate(scored)]
    edges: dict[tuple[int, int], float] = {}
    for i, links in enumerate(scored):
        for similarity, j in heapq.nlargest(t.graph_neighbours, links):
            edges[(min(i, j), max(i, j))] = similarity
    return edges


def average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Agglomerative clustering with average linkage over a sparse similarity graph.

    Clusters merge best-first while the mean similarity over all their cross pairs
    (a missing edge counts as 0) is at least ``threshold``: the classic average-linkage
    criterion, at a cost that follows the edges rather than all n^2 pairs.
    """
    parent = list(range(n))
    size = [1] * n
    links: list[dict[int, float]] = [dict() for _ in range(n)]  # cluster -> neighbour -> summed similarity
    for (a, b), similarity in edges.items():
        links[a][b] = links[a].get(b, 0.0) + similarity
        links[b][a] = links[b].get(a, 0.0) + similarity
    heap = [(-s / 1.0, a, b, 1, 1) for (a, b), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b, size_a, size_b = heapq.heappop(heap)
        if parent[a] != a or parent[b] != b or size[a] != size_a or size[b] != size_b:
            continue  # stale entry: one side has merged since
        if len(links[a]) < len(links[b]):
            a, b = b, a  # merge the smaller neighbour table into the larger
        parent[b] = a
        size[a] += size[b]
        del links[a][b]
        for c, total in links[b].items():
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + total
            del links[c][b]
            links[c][a] = links[a][c]
        links[b] = {}
        for c, total in links[a].items():
            mean = total / (size[a] * size[c])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c), size[min(a, c)], size[max(a, c)]))
    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    return [root(i) for i in range(n)]


def assign_stories(articles: list[Article], thresholds: StoryThresholds = DEFAULT_THRESHOLDS) -> list[int]:
    """A story label for every article (batch mode).

    Up to ``graph_max_articles``: average linkage over the sparse neighbour graph. Beyond,
    the incremental assignment over time-ordered articles, whose memory follows the time
    window rather than the corpus (document frequencies are still counted over all).
    """
    if len(articles) <= thresholds.graph_max_articles:
        edges = neighbour_graph(article_features(articles), time_order(articles), thresholds)
        return average_linkage(len(articles), edges, thresholds.join_similarity)
    stats = TermStatistics()
    for article in articles:
        stats.add(article_terms(article))
    index = StoryIndex(thresholds)
    labels = [0] * len(articles)
    for i in time_order(articles):
        labels[i] = index.assign(features_of(articles[i], vectorise(article_terms(articles[i]), stats)))
    return labels


def group_stories(articles: list[Article], thresholds: StoryThresholds = DEFAULT_THRESHOLDS) -> list[list[Article]]:
    """Group articles into stories; each group keeps input order, groups are biggest first.

    Copies (``duplicate_of`` set by dedup) are not clustered again: each joins its canonical's
    story, so a wire story carried by a thousand outlets costs one article here.
    """
    if not articles:
        return []
    by_id = {a.id: a for a in articles}

    def original_of(article: Article) -> Article:
        seen = set()  # follows copy-of-a-copy chains; a cycle ends the walk
        while article.duplicate_of in by_id and article.id not in seen:
            seen.add(article.id)
            article = by_id[article.duplicate_of]
        return article

    original = {a.id: original_of(a).id for a in articles}
    originals = [a for a in articles if original[a.id] == a.id]
    story_of = dict(zip((a.id for a in originals), assign_stories(originals, thresholds)))
    groups: dict[int, list[Article]] = {}
    for article in articles:
        key = story_of.get(original[article.id])
        if key is None:  # a cycle of copies: the article stands alone
            key = -1 - len(groups)
        groups.setdefault(key, []).append(article)
    position = {id(a): i for i, a in enumerate(articles)}
    return sorted(groups.values(), key=lambda g: (-len(g), position[id(g[0])]))
