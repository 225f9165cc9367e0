"""JSON and JSON Lines articles: fields text or body, optional title, url, source,
published, authors, id. One bad record is reported and the others are kept."""

from __future__ import annotations

import json

from ..model import Article, InputError
from .common import IngestError, decode_text

EXTENSIONS = (".json", ".jsonl")
SPLITS_INTO_PARTS = (".jsonl",)  # a JSON Lines file can be read in parts, by line ranges
TEXT_FIELDS = ("text", "body")


def _record_to_article(record, path: str, default_id: str) -> Article:
    if not isinstance(record, dict):
        raise IngestError(f"expected an object, found {type(record).__name__}")
    body = next((record[f] for f in TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if body is None:
        raise IngestError("no 'text' or 'body' field with a string")
    if not body.strip():
        raise IngestError("empty 'text'")
    authors = record.get("authors") or []
    if isinstance(authors, str):
        authors = [a.strip() for a in authors.replace(" and ", ",").split(",") if a.strip()]
    raw_id = record.get("id")
    return Article(
        id=str(raw_id) if raw_id not in (None, "") else default_id,
        path=path,
        text=body.replace("\r\n", "\n"),
        title=_string(record.get("title")),
        url=_string(record.get("url")),
        source=_string(record.get("source") or record.get("outlet")),
        published=_string(record.get("published") or record.get("date")),
        authors=[str(a) for a in authors if str(a).strip()],
    )


def _string(value) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


def read(data: bytes, path: str, article_id: str, part: tuple[int, int] = (0, 1)):
    """The file's articles and its bad records; ``part`` ``(k, n)``: only the records of the
    k-th of n equal line ranges of a JSON Lines file (line numbers and ids as in the whole
    file; a JSON document goes with part 0, and ``read_file`` reports an error of the whole
    file with part 0 only)."""
    k, n = part
    text = decode_text(data)
    if not text.strip():
        raise IngestError("file holds only white space")
    articles: list[Article] = []
    errors: list[InputError] = []
    stripped = text.lstrip()
    if path.lower().endswith(".json") or stripped.startswith("["):
        if k:
            return [], []
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            if path.lower().endswith(".json"):
                raise IngestError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        else:
            records = payload if isinstance(payload, list) else [payload]
            for n, record in enumerate(records, 1):
                default_id = article_id if len(records) == 1 else f"{article_id}#{n}"
                try:
                    articles.append(_record_to_article(record, path, default_id))
                except IngestError as exc:
                    errors.append(InputError(f"{path}#{n}", str(exc)))
            return articles, errors
    lines = text.splitlines()
    first, last = k * len(lines) // n, (k + 1) * len(lines) // n
    for lineno, line in enumerate(lines[first:last], first + 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            articles.append(_record_to_article(record, path, f"{article_id}#{lineno}"))
        except json.JSONDecodeError as exc:
            errors.append(InputError(f"{path}:{lineno}", f"malformed JSON line: {exc.msg} at column {exc.colno}"))
        except IngestError as exc:
            errors.append(InputError(f"{path}:{lineno}", str(exc)))
    if not articles and not errors and n == 1:
        raise IngestError("no records")
    return articles, errors
