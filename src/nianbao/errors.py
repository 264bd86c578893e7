"""The one error type users see: it names the file and the problem."""
from __future__ import annotations


class NianbaoError(Exception):
    """Base class for errors nianbao reports to users."""


class InputError(NianbaoError):
    """A file that cannot be read as a report: `str(err)` is `<path>: <problem>`."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # pickles across processes (a helper process reads PDFs)
        return type(self), (self.path, self.problem)
