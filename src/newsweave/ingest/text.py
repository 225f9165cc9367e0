"""Plain-text articles: the body as scraped; the cleaner finds title and metadata lines."""

from __future__ import annotations

from ..model import Article
from .common import IngestError, decode_text

EXTENSIONS = (".txt",)


def read(data: bytes, path: str, article_id: str):
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("file holds only white space")
    # The raw text goes into `text`; clean.clean_article splits off title and chrome.
    return [Article(id=article_id, path=path, text=text)], []
