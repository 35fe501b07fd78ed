"""The exceptions claimweave raises for problems that are not bugs."""


class ClaimweaveError(Exception):
    """Base class: a problem the user can fix, reported as one line, never as a traceback."""

    def __init__(self, path: str | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(ClaimweaveError):
    """One input file (or one record of it) cannot be read as an article; other documents go on."""


class OutputError(ClaimweaveError):
    """The output folder or a file in it cannot be written; the run stops."""


class UsageError(ClaimweaveError):
    """A command-line option or argument is wrong; nothing was run."""


class RuleFileError(ClaimweaveError):
    """A packaged rule or vocabulary file is malformed (a bug in claimweave's data)."""


class DecisionsError(ClaimweaveError):
    """A review decisions file is corrupted or hand-edited badly; the line is named."""
