"""Prepare: the stages that need nothing beyond one input file, run file by file in worker processes.

Reading, cleaning an article (``clean.clean_article``), setting non-articles apart, sentence
segmentation, the dedup sketch (``dedup.sketch_text``) and the story term counts
(``story_features.article_terms``) of an article depend on that article alone.
``prepare_paths`` runs them in ``jobs`` worker processes (``workers.in_order``), at most
``jobs`` files ahead of the caller, and hands the files back in input order with their
input errors, so the caller does the ordered work (duplicate lookup, story assignment,
adding to the store) while the workers read on. A big JSON Lines file is prepared in parts
(``PART_BYTES``, by line ranges) and handed back as its parts, in order.

One cleaning step does look across files: a paragraph that recurs in many articles of one
outlet (a newsletter box, a slogan) is boilerplate (``clean.remove_repeated_lines``), and
one site's pages usually come one file each. ``prepare_batches`` gathers whole files into
batches and runs that step over each batch in the caller's process, then prepares again
the few articles it changed; the caller picks the batch size (``None``: one batch of all).
Article ids made unique across the whole input are the caller's business too
(``make_ids_unique``).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from . import clean, ingest, nonarticle, segment
from .dedup import TextSketch, sketch_text
from .model import Article, InputError, Span
from .story_features import article_terms
from .workers import WorkerCrash, in_order


# Below this much input, files are prepared in this process whatever ``jobs`` says: starting
# the workers takes a few seconds (a process importing newsweave), about what reading,
# cleaning and segmenting a megabyte of articles takes.
WORKERS_MIN_BYTES = 1_000_000
# With workers, a JSON Lines file is prepared in parts of about this size (by line ranges), so
# that one big file (a crawler's dump) keeps every worker busy rather than one.
PART_BYTES = 4_000_000


@dataclass(frozen=True)
class Steps:
    """What is prepared of each article beyond reading, cleaning and the non-article test."""

    segment: bool = False  # sentence spans (``Article.sentences``)
    sketch: bool = False  # dedup sketch, for articles with text that are not non-articles
    terms: bool = False  # story term counts, for the same articles
    backend: str | None = None  # MinHash library of the sketches (default: ``minhash.default_backend``)


@dataclass
class Prepared:
    """Articles and what was prepared of each (lists aligned with ``articles``; None where not
    asked for or not an article), the input errors met, and CPU seconds by stage."""

    articles: list[Article] = field(default_factory=list)
    sketches: list[TextSketch | None] = field(default_factory=list)
    terms: list[Counter | None] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)  # read, clean, segment, sketch, terms
    files: int = 0

    def extend(self, other: Prepared) -> None:
        self.articles.extend(other.articles)
        self.sketches.extend(other.sketches)
        self.terms.extend(other.terms)
        self.errors.extend(other.errors)
        self.seconds.update(other.seconds)
        self.files += other.files


def prepare_paths(paths: list[str], jobs: int = 1, steps: Steps = Steps(), on_file: Callable | None = None,
                  on_discover: Callable | None = None) -> Iterator[Prepared]:
    """One ``Prepared`` per input file, in input order (first, if any, one holding the errors
    met while expanding the inputs). ``on_discover(n_files)`` and ``on_file(input_file)``
    report progress. A file that cannot be read, or whose worker dies, is an error of that
    file, with its path; the others go on."""
    files, errors = ingest.discover(list(paths))
    if on_discover is not None:
        on_discover(len(files))
    if errors:
        yield Prepared(errors=errors)
    if _input_bytes(files) < WORKERS_MIN_BYTES:
        jobs = 1
    tasks = [(item, article_id, (k, n)) for item, article_id in zip(files, ingest.unique_ids(files))
             for n in [ingest.parts_of(item, PART_BYTES) if jobs > 1 else 1] for k in range(n)]
    for (item, _, (k, n)), prepared in in_order(partial(_prepare_task, steps=steps), tasks, min(jobs, len(tasks))):
        if isinstance(prepared, WorkerCrash):
            where = ingest.encodable(str(item.path) if n == 1 else f"{item.path} (part {k + 1} of {n})")
            prepared = Prepared(errors=[InputError(where, f"cannot read file: {prepared}")], files=int(k == n - 1))
        if on_file is not None and k == n - 1:
            on_file(item)
        yield prepared


def _input_bytes(files: list[ingest.InputFile]) -> int:
    total = 0
    for item in files:
        try:
            total += item.path.stat().st_size
        except OSError:
            pass  # reported when the file is read
    return total


def prepare_batches(paths: list[str], jobs: int = 1, steps: Steps = Steps(), batch_articles: int | None = None,
                    on_file: Callable | None = None, on_discover: Callable | None = None) -> Iterator[Prepared]:
    """``prepare_paths`` gathered into batches of whole files holding at least
    ``batch_articles`` articles (``None``: one batch), each cleaned of the paragraphs its
    outlets repeat. Memory follows the batch size and the ``jobs`` files read ahead."""
    batch = Prepared()
    for prepared in prepare_paths(paths, jobs, steps, on_file, on_discover):
        batch.extend(prepared)
        if batch_articles is not None and len(batch.articles) >= batch_articles:
            yield remove_repeated_lines(batch, steps)
            batch = Prepared()
    if batch.articles or batch.errors or batch.files:
        yield remove_repeated_lines(batch, steps)


def remove_repeated_lines(batch: Prepared, steps: Steps) -> Prepared:
    """``clean.remove_repeated_lines`` over the batch; the articles it changes are prepared again."""
    started = time.process_time()
    before = [article.text for article in batch.articles]
    clean.remove_repeated_lines(batch.articles)
    for i, (article, text) in enumerate(zip(batch.articles, before)):
        if article.text is not text:
            article.is_article, article.non_article_reason = True, None
            batch.sketches[i], batch.terms[i] = prepare_article(article, steps, batch.seconds)
    batch.seconds["clean"] += time.process_time() - started
    return batch


def prepare_file(item: ingest.InputFile, article_id: str, steps: Steps = Steps(),
                 part: tuple[int, int] = (0, 1)) -> Prepared:
    """Read one file (or its ``part``, as ``ingest.read_file``) and prepare its articles;
    anything unexpected is an error of this file. The file counts as done with its last part."""
    done = int(part[0] == part[1] - 1)
    started = time.process_time()
    try:
        articles, errors = ingest.read_file(item, article_id, part)
        read = time.process_time() - started
        prepared = prepare_articles(articles, steps)
    except Exception as exc:  # a bug on one strange file must not end the run
        error = f"cannot read file: unexpected {exc.__class__.__name__}: {exc}"
        return Prepared(errors=[InputError(ingest.encodable(str(item.path)), ingest.encodable(error))], files=done)
    prepared.errors.extend(errors)
    prepared.seconds["read"] += read
    prepared.files = done
    return prepared


def prepare_articles(articles: list[Article], steps: Steps = Steps()) -> Prepared:
    """Clean each article as read and prepare it (``prepare_article``), in this process."""
    prepared = Prepared(articles=articles)
    started = time.process_time()
    for article in articles:
        clean.clean_article(article, find_title=article.title is None)
    prepared.seconds["clean"] += time.process_time() - started
    # One string object per term of the file, shared by the articles' counts: pickled once
    # on the way back from a worker and held once by the caller (a third of the memory).
    spelled: dict[str, str] = {}
    for article in articles:
        sketch, terms = prepare_article(article, steps, prepared.seconds)
        if terms is not None:
            terms = Counter(dict(zip(map(spelled.setdefault, terms, terms), terms.values())))
        prepared.sketches.append(sketch)
        prepared.terms.append(terms)
    return prepared


def _prepare_task(task: tuple[ingest.InputFile, str, tuple[int, int]], steps: Steps) -> Prepared:
    item, article_id, part = task
    return prepare_file(item, article_id, steps, part)


def prepare_article(article: Article, steps: Steps, seconds: Counter) -> tuple[TextSketch | None, Counter | None]:
    """The stages after cleaning, on the article's current text: the non-article test and
    ``steps``; returns its sketch and term counts (None where not asked for or not an article)."""
    started = time.process_time()
    reason = nonarticle.non_article_reason(article.text)
    if reason:
        article.is_article, article.non_article_reason = False, reason
    checked = time.process_time()
    seconds["clean"] += checked - started
    if steps.segment:
        segment.segment_article(article)
        seconds["segment"] += time.process_time() - checked
    if not (article.is_article and article.text.strip()):
        return None, None
    sketch = terms = None
    if steps.sketch:
        started = time.process_time()
        sketch = sketch_text(article.text, steps.backend)
        seconds["sketch"] += time.process_time() - started
    if steps.terms:
        started = time.process_time()
        terms = article_terms(article)
        seconds["terms"] += time.process_time() - started
    return sketch, terms


def make_ids_unique(articles: list[Article]) -> None:
    """``ingest.make_ids_unique``, keeping the sentence spans of a renamed article pointing at it."""
    for article in ingest.make_ids_unique(articles):
        article.sentences = [Span(article.id, s.start, s.end) for s in article.sentences]
