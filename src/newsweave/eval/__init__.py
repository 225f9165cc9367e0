"""Evaluation on third-party data: dataset readers, metrics and baselines.

Each task is a module here with ``add_arguments(parser)`` and ``run(args) -> dict``;
the dict follows the eval contract: ``{"task", "dataset", "items", "systems":
{system: {metric: value}}}`` with metrics as fractions in [0, 1].
"""

# task name -> module (imported only when that task runs)
TASKS = {
    "cluster": "newsweave.eval.cluster",
    "pairs": "newsweave.eval.pairs",
    "summarize": "newsweave.eval.summarize",
    "conflicts": "newsweave.eval.conflicts",
    "quotes": "newsweave.eval.quotes",
    "extract": "newsweave.eval.extract",
}
