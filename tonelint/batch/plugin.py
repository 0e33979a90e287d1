"""Loads spaCy and the rule pack once per Dask worker: the plugin builds the
worker's MessageChecker when the worker starts (and warms its engine), and
every task on that worker uses it.  The checker is the worker's own object,
held by the plugin, not a module global."""

from __future__ import annotations

from distributed import WorkerPlugin

from .checker import CheckSettings, MessageChecker


class CheckerPlugin(WorkerPlugin):
    def __init__(self, name: str, settings: CheckSettings, warm_paths: tuple = ()) -> None:
        self.name = name
        self.settings = settings
        self.warm_paths = warm_paths
        self.checker: MessageChecker | None = None

    def setup(self, worker) -> None:
        self.checker = MessageChecker(self.settings)
        for path in self.warm_paths:
            warm(self.checker, path)


def warm(checker: MessageChecker, path: str) -> None:
    """Load the pipeline and compile the engine for this configuration now,
    not inside the first task (which would then look slow)."""
    checker.check("Thanks for reading.", "markdown", path)
