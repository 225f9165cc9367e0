"""Evaluation metrics.

Clustering: B-cubed precision/recall/F1 (Bagga & Baldwin 1998; Amigo et al. 2009) and
pairwise precision/recall/F1 over same-cluster pairs, both computed from the contingency
counts so they cost O(n), not O(n^2).
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Sequence


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against gold labels."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    if not gold:
        return {"bcubed_precision": 0.0, "bcubed_recall": 0.0, "bcubed_f1": 0.0}
    both = Counter(zip(gold, predicted))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    # Each item in cell (g, p) has |cell| correct items in its predicted and its gold cluster.
    precision = sum(n * n / predicted_sizes[p] for (g, p), n in both.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, p), n in both.items()) / len(gold)
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": _f1(precision, recall)}


def pairwise(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())
    true_positive = pairs(Counter(zip(gold, predicted)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = true_positive / predicted_pairs if predicted_pairs else (1.0 if not gold_pairs else 0.0)
    recall = true_positive / gold_pairs if gold_pairs else 1.0
    return {"pairwise_precision": precision, "pairwise_recall": recall, "pairwise_f1": _f1(precision, recall)}


def clustering_scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, float]:
    return bcubed(gold, predicted) | pairwise(gold, predicted)
