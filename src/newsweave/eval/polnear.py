"""Read PolNeAR (Newell et al., LREC 2018): attribution relations in brat standoff.

A split folder holds ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``.
Each ``E`` line of an ``.ann`` file ties one Cue to its Source (absent for
"Attribution-no-source") and Content; ``T`` lines give their character spans,
several fragments separated by ``;`` where a span is discontinuous. Where a text
was annotated by several annotators ``read_split`` keeps one file (the first by name), so
every text counts once; ``read_annotators`` reads those texts with every annotator's file,
to measure how far the annotators agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    cue: Spans
    source: Spans  # empty where the annotators marked no source
    content: Spans


@dataclass
class Document:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


@dataclass
class MultiAnnotated:
    """A text several annotators marked: annotator id -> that annotator's relations."""
    name: str
    text: str
    by_annotator: dict[str, list[GoldAttribution]]


def _parse_spans(offsets: str) -> Spans:
    spans = []
    for fragment in offsets.split(";"):
        start, end = fragment.split()
        spans.append((int(start), int(end)))
    return tuple(sorted(spans))


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, Spans]] = {}
    relations: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _parse_spans(offsets))
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles: dict[str, str] = {}
            for argument in parts[1].split()[1:]:
                role, _, ref = argument.partition(":")
                roles.setdefault(role, ref)  # the first Source/Content where an annotator gave two
            relations.append(roles)
    out = []
    for roles in relations:
        def spans_of(role: str) -> Spans:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()
        cue = spans_of("Cue")
        content = spans_of("Content")
        if cue and content:
            out.append(GoldAttribution(cue=cue, source=spans_of("Source"), content=content))
    return out


def _annotation_files(root: Path) -> dict[str, dict[str, Path]]:
    """Text name -> annotator id -> ``.ann`` file, for a split folder (checked to be one)."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise UserError(f"{root} is not a PolNeAR split folder: it needs text/ and attributions/ inside")
    files: dict[str, dict[str, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        files.setdefault(name, {})[annotator] = ann
    return files


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def read_split(path: str | Path, limit: int | None = None, start: int = 0) -> list[Document]:
    """Documents of a PolNeAR split folder (``text/`` and ``attributions/``), sorted by name;
    ``start`` skips that many first (a train slice held out from tuning)."""
    root = Path(path)
    annotations = _annotation_files(root)
    documents = []
    for text_path in [p for p in sorted((root / "text").glob("*.txt")) if p.stem in annotations][start:]:
        first = next(iter(annotations[text_path.stem].values()))
        documents.append(Document(text_path.stem, _read(text_path), parse_ann(_read(first))))
        if limit is not None and len(documents) >= limit:
            break
    if not documents:
        raise UserError(f"{root} holds no PolNeAR text with a matching .ann file")
    return documents


def read_annotators(path: str | Path) -> list[MultiAnnotated]:
    """The texts of a split folder that more than one annotator marked, with each one's
    relations (PolNeAR's annotator-training texts: 16 in train, 2 in dev)."""
    root = Path(path)
    texts = []
    for name, files in sorted(_annotation_files(root).items()):
        text_path = root / "text" / f"{name}.txt"
        if len(files) > 1 and text_path.is_file():
            texts.append(MultiAnnotated(name, _read(text_path), {a: parse_ann(_read(f)) for a, f in files.items()}))
    return texts
