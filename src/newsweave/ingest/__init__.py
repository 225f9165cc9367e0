"""Ingest: turn files, folders and globs into Articles, or into clear per-file errors.

Each input format is a plugin module with ``EXTENSIONS`` and
``read(data: bytes, path: str, article_id: str) -> (articles, errors)``; a plugin
raises ``IngestError`` with a plain reason for a file it cannot read at all.
"""

from __future__ import annotations

import glob
import os
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, InputError
from . import html, jsonl, text
from .common import IngestError

PLUGINS = (text, html, jsonl)
EXTENSION_TO_PLUGIN = {ext: plugin for plugin in PLUGINS for ext in plugin.EXTENSIONS}
MAX_FILE_BYTES = 50 * 1024 * 1024
COMPRESSED = ".gz"  # "x.jsonl.gz": read as "x.jsonl" once decompressed (crawls and feeds come so)


def format_suffix(path: Path) -> str:
    """The suffix that names the file's format, lower-cased: ".html" for "page.HTML.gz"."""
    suffix = path.suffix.lower()
    return Path(path.stem).suffix.lower() if suffix == COMPRESSED else suffix


def plugin_for(path: Path):
    """The plugin that reads ``path`` (compressed or not), or None for an unsupported type."""
    return EXTENSION_TO_PLUGIN.get(format_suffix(path))

__all__ = ["IngestError", "read_paths", "read_file", "parts_of", "discover", "unique_ids", "make_ids_unique", "EXTENSION_TO_PLUGIN",
           "MAX_FILE_BYTES"]


@dataclass
class InputFile:
    path: Path
    root: Path  # ids are relative to this folder

    @property
    def article_id(self) -> str:
        relative = self.path.relative_to(self.root) if self.path != self.root else Path(self.path.name)
        if relative.suffix.lower() == COMPRESSED:
            relative = relative.with_suffix("")
        return relative.with_suffix("").as_posix()


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _glob_root(pattern: str) -> Path:
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _is_glob(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def discover(paths: list[str]) -> tuple[list[InputFile], list[InputError]]:
    """Expand files, folders (recursively) and globs into input files, sorted per root."""
    files: list[InputFile] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(path: Path, root: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(InputFile(path, root))

    for raw in paths:
        if _is_glob(raw) and not os.path.exists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                errors.append(InputError(raw, "no file matches this pattern"))
            root = _glob_root(raw)
            for match in matches:
                path = Path(match)
                if path.is_file():
                    add(path, root)
            continue
        path = Path(raw)
        if not path.exists():
            errors.append(InputError(raw, "no such file or folder"))
        elif path.is_dir():
            listed = [p for p in sorted(path.rglob("*")) if not any(part.startswith(".") for part in p.relative_to(path).parts)]
            found = [p for p in listed if p.is_file()]
            for p in listed:
                if p.is_symlink() and not p.exists():
                    errors.append(InputError(str(p), "broken link: it points to nothing that can be read"))
            supported = [p for p in found if plugin_for(p) is not None]
            for p in found:
                if plugin_for(p) is None:
                    errors.append(InputError(str(p), _unsupported(p)))
            if not supported:
                errors.append(InputError(raw, "folder holds no article files (.txt, .html, .htm, .json, .jsonl, each also .gz)"))
            for p in supported:
                add(p, path)
        else:
            add(path, path.parent)
    return files, [_encodable_error(e) for e in errors]


def parts_of(item: InputFile, part_bytes: int) -> int:
    """Into how many parts of about ``part_bytes`` the file can be read (``read_file``'s
    ``part``): JSON Lines files, by line ranges; one for every other file."""
    if item.path.suffix.lower() not in jsonl.SPLITS_INTO_PARTS:
        return 1  # compressed files are read whole
    try:
        size = item.path.stat().st_size
    except OSError:
        return 1  # reported when the file is read
    return max(1, min(size // max(1, part_bytes), MAX_FILE_BYTES // max(1, part_bytes)))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD. Python keeps the bytes of a file
    name that are not UTF-8 as lone surrogates, and JSON may carry one ("\\ud83d" without its
    pair); no output can encode them, and one of them ended the whole run when the report
    was written."""
    return _LONE_SURROGATE.sub("\ufffd", value) if value else value


def _encodable_error(error: InputError) -> InputError:
    return InputError(encodable(error.path), encodable(error.error))


def _encodable_article(article: Article) -> Article:
    for name in ("id", "path", "text", "title", "source", "url", "published"):
        value = getattr(article, name)
        if value and _LONE_SURROGATE.search(value):
            setattr(article, name, encodable(value))
    article.authors = [encodable(a) for a in article.authors]
    return article


def read_file(item: InputFile, article_id: str, part: tuple[int, int] = (0, 1)) -> tuple[list[Article], list[InputError]]:
    """The file's articles and errors; ``part`` ``(k, n)`` of a file ``parts_of`` splits:
    only the k-th of its n parts (an error of the whole file comes with part 0). Every
    string is encodable (``encodable``)."""
    articles, errors = _read_file(item, article_id, part)
    return [_encodable_article(a) for a in articles], [_encodable_error(e) for e in errors]


def _read_file(item: InputFile, article_id: str, part: tuple[int, int]) -> tuple[list[Article], list[InputError]]:
    path = str(item.path)
    plugin = plugin_for(item.path)
    if plugin is None:
        return [], [InputError(path, _unsupported(item.path))]
    try:
        size = item.path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        if size == 0:
            raise IngestError("empty file")
        data = item.path.read_bytes()
        if item.path.suffix.lower() == COMPRESSED:
            data = _decompressed(data)
        if part != (0, 1):
            return plugin.read(data, path, article_id, part)
        return plugin.read(data, path, article_id)
    except (IngestError, OSError) as exc:
        if part[0]:
            return [], []
        if isinstance(exc, OSError):
            return [], [InputError(path, f"cannot read file: {exc.strerror or exc}")]
        return [], [InputError(path, str(exc))]
    except Exception as exc:  # a parser bug on one strange file must not end the run
        return [], [InputError(path, f"cannot read file: unexpected {exc.__class__.__name__}: {exc}")]


def _unsupported(path: Path) -> str:
    return f"unsupported file type '{''.join(path.suffixes[-2:]) if path.suffix.lower() == COMPRESSED else path.suffix or '(none)'}'"


def _decompressed(data: bytes) -> bytes:
    """A gzip file's content (every member), at most ``MAX_FILE_BYTES`` of it: a small file
    may unpack to gigabytes."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
            content = unpacked.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(f"not a readable gzip file ({exc})") from None
    if len(content) > MAX_FILE_BYTES:
        raise IngestError(f"file too large once decompressed (more than {MAX_FILE_BYTES:,} bytes)")
    if not content:
        raise IngestError("empty file once decompressed")
    return content


def read_paths(paths: list[str], on_file=None, on_discover=None) -> tuple[list[Article], list[InputError]]:
    """Read every input; a file that cannot be read becomes an error and the run goes on."""
    files, errors = discover(paths)
    if on_discover is not None:
        on_discover(len(files))
    ids = unique_ids(files)
    articles: list[Article] = []
    for item, article_id in zip(files, ids):
        got, errs = read_file(item, article_id)
        articles.extend(got)
        errors.extend(errs)
        if on_file is not None:
            on_file(item)
    make_ids_unique(articles)
    return articles, errors


def unique_ids(files: list[InputFile]) -> list[str]:
    """Ids are relative paths without extension; on a clash keep the extension too."""
    ids = [f.article_id for f in files]
    counts: dict[str, int] = {}
    for i in ids:
        counts[i] = counts.get(i, 0) + 1
    out = []
    for f, i in zip(files, ids):
        if counts[i] > 1:
            i = (f.path.relative_to(f.root) if f.path != f.root else Path(f.path.name)).as_posix()
        out.append(i)
    return out


def make_ids_unique(articles: list[Article]) -> list[Article]:
    """Rename an id met before to ``id~2``, ``id~3`` ...; return the articles renamed."""
    seen: dict[str, int] = {}
    renamed = []
    for article in articles:
        if article.id in seen:
            seen[article.id] += 1
            article.id = f"{article.id}~{seen[article.id]}"
            renamed.append(article)
        else:
            seen[article.id] = 1
    return renamed
