"""ROUGE-1/2/L F1 with Google's rouge-score (Porter stemming on), averaged over items."""

from __future__ import annotations

from ..errors import UserError

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


def rouge_scorer():
    try:
        from rouge_score import rouge_scorer as module
    except ImportError as exc:  # an optional dependency: say how to get it
        raise UserError("ROUGE needs the rouge-score package: pip install 'newsweave[eval]'") from exc
    return module.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


class RougeAverage:
    """Accumulates F1 of each ROUGE type over (reference, prediction) pairs."""

    def __init__(self) -> None:
        self._scorer = rouge_scorer()
        self._totals = {t: 0.0 for t in ROUGE_TYPES}
        self.count = 0

    def add(self, reference: str, prediction: str) -> dict[str, float]:
        scores = self._scorer.score(reference, prediction)
        f1 = {t: scores[t].fmeasure for t in ROUGE_TYPES}
        for t in ROUGE_TYPES:
            self._totals[t] += f1[t]
        self.count += 1
        return f1

    def means(self) -> dict[str, float]:
        return {t: (self._totals[t] / self.count if self.count else 0.0) for t in ROUGE_TYPES}
