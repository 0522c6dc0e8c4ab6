"""The one exception tree of dealgraph.

Every error the library raises on purpose is a ``PipelineError``; the CLI turns them into
one-line messages and exit codes, and batch ingestion records them per source::

    PipelineError
    ├── ConfigError        a setting, option or environment variable is unusable
    ├── SourceError        an input cannot be read (missing, empty, binary, unsupported type)
    │   └── FetchError     an HTTP(S) source failed (carries url, status, reason)
    ├── ExtractionError    a page held no article text to extract facts from
    ├── ModelError         no spaCy pipeline could be loaded
    ├── StoreError         the triple store cannot be opened, read or written
    └── QueryError         a SPARQL query is invalid or failed
"""

from __future__ import annotations


class PipelineError(Exception):
    """Root of every error dealgraph raises deliberately."""


class ConfigError(PipelineError):
    """A setting, command-line option or environment variable is unusable."""


class SourceError(PipelineError):
    """An input source cannot be read.

    Args:
        source: the path or URL as the user gave it.
        reason: what is wrong with it, written for the user.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(SourceError):
    """Fetching an HTTP(S) source failed.

    Args:
        url: the URL requested.
        reason: what went wrong.
        status: the HTTP status code, when a response arrived.
    """

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        shown = f"HTTP {status}: {reason}" if status is not None else reason
        super().__init__(url, shown)
        self.url = url
        self.status = status


class ExtractionError(PipelineError):
    """A page held no article text to extract facts from."""


class ModelError(PipelineError):
    """No spaCy pipeline could be loaded."""


class StoreError(PipelineError):
    """The triple store cannot be opened, read or written."""


class QueryError(PipelineError):
    """A SPARQL query is invalid or failed to run."""
