"""dealgraph: business news in, a knowledge graph of deals out.

The stages, each a module: sources (arguments → sources), fetch (URL → page), text (page →
Article), nlp and relations (Article → facts), resolve (facts → the stored deals they report),
graph (facts → RDF), store and remote_store (RDF ↔ Oxigraph or a SPARQL server), manifest
(what each source gave), workers (where extraction runs), ingest (many sources → report),
query (SPARQL → answers), cli (the ``dealgraph`` command).
"""

from __future__ import annotations

import logging
from importlib import metadata

try:
    __version__ = metadata.version("dealgraph")
except metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

from pipeline.errors import (  # noqa: E402
    ConfigError,
    ExtractionError,
    FetchError,
    ModelError,
    PipelineError,
    QueryError,
    SourceError,
    StoreError,
)
from pipeline.ingest import BatchOptions, ingest  # noqa: E402
from pipeline.model import Article, Fact  # noqa: E402
from pipeline.network import to_networkx  # noqa: E402
from pipeline.nlp import load_nlp  # noqa: E402
from pipeline.query import run_query  # noqa: E402
from pipeline.store import Store, open_store  # noqa: E402
from pipeline.text import extract_article  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "BatchOptions",
    "ConfigError",
    "ExtractionError",
    "Fact",
    "FetchError",
    "ModelError",
    "PipelineError",
    "QueryError",
    "SourceError",
    "Store",
    "StoreError",
    "__version__",
    "extract_article",
    "ingest",
    "load_nlp",
    "open_store",
    "run_query",
    "to_networkx",
]
