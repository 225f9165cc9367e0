"""One small MinHash LSH interface over two libraries: rensa (fast, Rust) and datasketch (reference).

``NearDuplicateIndex.add(shingles)`` returns the earlier entries whose estimated Jaccard
similarity reaches the threshold, then files the new entry. It is ``add_sketch(sketch(shingles))``:
sketching (hashing every shingle) needs nothing but the text, so it can run in other
processes, while filing is sequential. Signatures are kept as rows of
one uint32 matrix (not one Python object each), so memory stays at ``num_perm * 4`` bytes
per article. rensa is the default (about 30x faster to sketch here; see bench/); datasketch
is used where rensa is not installed, or on request.
"""

from __future__ import annotations

import numpy as np

NUM_PERM = 128
NUM_BANDS = 32  # 32 bands of 4 rows: candidate pairs from a Jaccard of about 0.4 upward
SEED = 1
BACKENDS = ("rensa", "datasketch")


def default_backend() -> str:
    try:
        import rensa  # noqa: F401
    except ImportError:
        return "datasketch"
    return "rensa"


def signature(shingles: set[str], backend: str | None = None, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of one shingle set, as a uint32 row (the same hashes as the index)."""
    backend = backend or default_backend()
    if backend == "rensa":
        import rensa
        sketch = rensa.RMinHash(num_perm=num_perm, seed=SEED)
        sketch.update(list(shingles))
        return np.asarray(sketch.digest(), dtype=np.uint32)
    import datasketch
    sketch = datasketch.MinHash(num_perm=num_perm, seed=SEED)
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return sketch.hashvalues.astype(np.uint32)


def sketch(shingles: set[str], backend: str | None = None, num_perm: int = NUM_PERM):
    """The backend's MinHash object for one shingle set (picklable), or None when it is empty.

    What ``NearDuplicateIndex.add_sketch`` files; ``signature`` is the same hashes as a row."""
    if not shingles:
        return None
    backend = backend or default_backend()
    if backend == "rensa":
        import rensa
        sketch = rensa.RMinHash(num_perm=num_perm, seed=SEED)
        sketch.update(list(shingles))
        return sketch
    if backend == "datasketch":
        import datasketch
        sketch = datasketch.MinHash(num_perm=num_perm, seed=SEED)
        sketch.update_batch([s.encode("utf-8") for s in shingles])
        return sketch
    raise ValueError(f"unknown MinHash backend {backend!r}; use one of {', '.join(BACKENDS)}")


def band_keys(signatures: np.ndarray, bands: int = NUM_BANDS) -> np.ndarray:
    """One key per band of rows of each signature (a row of ``signatures``): texts sharing any
    key are near-duplicate candidates, as two signatures equal in a whole band are.

    For storage that keeps its own LSH table (SQLite): keys are signed 63-bit integers, the
    same in every process (stored), computed for many signatures at once. A band's rows are
    hashed with its number by multiply-xorshift mixing (splitmix64's finaliser); two
    different bands may share a key by chance (about 2**-63 a pair), which only adds a
    candidate that the Jaccard estimate then rejects.
    """
    signatures = np.ascontiguousarray(np.atleast_2d(signatures), dtype=np.uint32)
    if not signatures.size:
        return np.zeros((len(signatures), bands), dtype=np.int64)
    words = signatures.view(np.uint64).reshape(len(signatures), bands, -1)  # a band's rows, two per word
    key = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64) * _MIX[0], words.shape[:2]).copy()
    for i in range(words.shape[2]):
        key ^= words[:, :, i]
        key = _mixed(key)
    return (key >> np.uint64(1)).astype(np.int64)


_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def _mixed(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(30))
    x = x * _MIX[1]
    x = x ^ (x >> np.uint64(27))
    x = x * _MIX[2]
    return x ^ (x >> np.uint64(31))


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float((a == b).mean())


class NearDuplicateIndex:
    """Finds earlier texts whose shingle sets are near this one's; sublinear per query."""

    def __init__(self, threshold: float, backend: str | None = None, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.backend = backend or default_backend()
        self.num_perm = num_perm
        self._digests = np.zeros((1024, num_perm), dtype=np.uint32)
        self._count = 0
        if self.backend == "rensa":
            import rensa
            self._rensa = rensa
            self._lsh = rensa.RMinHashLSH(threshold=threshold, num_perm=num_perm, num_bands=NUM_BANDS)
        elif self.backend == "datasketch":
            import datasketch
            self._datasketch = datasketch
            self._lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
        else:
            raise ValueError(f"unknown MinHash backend {self.backend!r}; use one of {', '.join(BACKENDS)}")

    def __len__(self) -> int:
        return self._count

    def add(self, shingles: set[str]) -> list[tuple[int, float]]:
        """Query, then insert; return ``(earlier key, estimated Jaccard)`` at or above the threshold.

        Keys are insertion positions (0, 1, 2, ...). An empty shingle set is filed but
        never matched: texts without words are not duplicates of each other by MinHash.
        """
        return self.add_sketch(sketch(shingles, self.backend, self.num_perm))

    def add_sketch(self, signature) -> list[tuple[int, float]]:
        """``add`` for a sketch made beforehand by ``sketch`` (same backend and num_perm)."""
        key = self._count
        if signature is None:
            self._store(key, None)
            return []
        candidates = self._lsh.query(signature)
        self._lsh.insert(key, signature)
        if self.backend == "rensa":
            digest = np.asarray(signature.digest(), dtype=np.uint32)
        else:
            digest = signature.hashvalues.astype(np.uint32)
        self._store(key, digest)
        if not candidates:
            return []
        others = np.fromiter(candidates, dtype=np.int64)
        similarity = (self._digests[others] == digest).mean(axis=1)
        return [(int(k), float(s)) for k, s in zip(others, similarity) if s >= self.threshold]

    def _store(self, key: int, digest: np.ndarray | None) -> None:
        if key >= len(self._digests):
            grown = np.zeros((2 * len(self._digests), self.num_perm), dtype=np.uint32)
            grown[: len(self._digests)] = self._digests
            self._digests = grown
        # An empty text keeps an all-zero row: no real signature equals it in every slot.
        self._digests[key] = digest if digest is not None else 0
        self._count = key + 1
