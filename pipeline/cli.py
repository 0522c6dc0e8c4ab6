"""The ``dealgraph`` command: thin wrappers that parse options, call one library function
and format its result. Library errors become one-line messages and exit code 1."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import signal
import sys
from pathlib import Path
from typing import Any, Callable

import click

from pipeline import __version__
from pipeline.config import Settings, load_settings
from pipeline.errors import PipelineError
from pipeline.ingest import ingest, read_article
from pipeline.query import FORMATS, run_query
from pipeline.store import open_store

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _settings(**overrides: Any) -> Settings:
    try:
        return load_settings(overrides)
    except PipelineError as exc:
        raise click.ClickException(str(exc)) from exc


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared ``--store`` option."""
    return click.option(
        "--store",
        metavar="DIR|URL",
        help="Store directory, or http(s):// URL of a SPARQL 1.1 server. "
             "Default: $DEALGRAPH_STORE, else ~/.local/share/dealgraph/store.",
    )(func)


def library_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's errors into a one-line message and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PipelineError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="dealgraph")
@click.option("-v", "--verbose", count=True, help="-v for progress, -vv for debugging detail (stderr).")
def main(verbose: int) -> None:
    """Turn business news into a knowledge graph of deals.

    \b
    Typical use:
      dealgraph ingest corpus/
      dealgraph query 'SELECT ?name WHERE { ?o skos:prefLabel ?name }'
    """
    level = {0: logging.ERROR, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--model", metavar="NAME", help="spaCy pipeline to load first (default en_core_web_sm).")
@click.option("--prefilter/--no-prefilter", default=None,
              help="Parse only the sentences that can carry a fact and those that name whom \"it\" means (default on; "
                   "setting prefilter).")
@click.option("--from-file", "from_files", multiple=True, metavar="FILE",
              help="Also ingest the URLs listed in FILE, one a line (# comments allowed). Repeatable.")
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
              help="Also ingest the articles of an RSS or Atom feed. Repeatable.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL|FILE",
              help="Also ingest the pages of an XML or news sitemap (indexes are followed). Repeatable.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes that fetch and extract (each loads the spaCy pipeline); this process writes.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Fetch and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).")
@click.option("--retry-failed", is_flag=True,
              help="Try again the sources that failed before (otherwise they are skipped). "
                   "Without SOURCES, retries every failed source in the manifest.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write one JSON line per source: source, status, reason, url, facts.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output; failures and the summary still print.")
@click.argument("sources", nargs=-1)
@library_errors
def ingest_command(
    store: str | None, model: str | None, prefilter: bool | None, from_files: tuple[str, ...], feeds: tuple[str, ...],
    sitemaps: tuple[str, ...], workers: int, dask_address: str | None, retry_failed: bool,
    report_path: Path | None, quiet: bool, sources: tuple[str, ...],
) -> None:  # fmt: skip
    """Extract deal facts from SOURCES and store them.

    Each SOURCE is an http(s) URL, an .html/.htm page, a .txt file (first line = headline), a
    .jsonl file of records ({"url", "headline", "published", "text" or "html"}, one a line),
    or a directory searched for those. --from-file, --feed and --sitemap add more.

    The store keeps a manifest of every source: an article whose content is unchanged since
    it was stored is skipped, a changed one replaces its facts, one that failed is skipped
    until --retry-failed. Each article is written in one transaction, so a killed batch can
    simply be run again; Ctrl-C stops after the current article. `dealgraph status` shows the
    manifest.

    Exit status: 0 when no source failed, 1 when any failed (each is named on stderr with its
    reason; the others are still stored), 130 when interrupted.

    \b
    Examples:
      dealgraph ingest --store ./deals corpus/ https://example.com/news/deal.html
      dealgraph ingest --feed https://example.com/deals.rss --workers 2 --report today.jsonl
    """
    if not (sources or from_files or feeds or sitemaps or retry_failed):
        raise click.UsageError("give at least one SOURCE, --from-file, --feed or --sitemap")
    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask do not mix; the Dask cluster has its own workers")
    from pipeline.ingest import BatchOptions
    from pipeline.manifest import FAILED, read_records
    from pipeline.progress import Progress
    from pipeline.sources import count_sources

    settings = _settings(store=store, model=model, prefilter=prefilter)
    options = BatchOptions(from_files=from_files, feeds=feeds, sitemaps=sitemaps, workers=workers,
                           dask=dask_address, retry_failed=retry_failed, keep_results=False)  # fmt: skip
    interrupted = {"flag": False}

    def on_interrupt(signum: int, frame: object) -> None:
        if interrupted["flag"]:
            raise KeyboardInterrupt  # a second Ctrl-C stops at once; the current article is lost, not half-written
        interrupted["flag"] = True
        click.echo("stopping after the current article (Ctrl-C again to stop now)", err=True)

    with open_store(settings=settings) as opened, contextlib.ExitStack() as stack:
        if retry_failed and not (sources or from_files or feeds or sitemaps):
            sources = tuple(record.source for record in read_records(opened, FAILED))
        total = None if (feeds or sitemaps) else count_sources(sources, from_files)
        progress = Progress(total, quiet=quiet)
        stack.callback(progress.close)
        report_file = stack.enter_context(open(report_path, "w", encoding="utf-8")) if report_path else None

        def on_result(result: Any) -> None:
            progress(result)
            if result.status == "failed":
                click.echo(f"failed: {result.source}: {result.reason}", err=True)
            if report_file is not None:
                report_file.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
                report_file.flush()

        previous = signal.signal(signal.SIGINT, on_interrupt)
        stack.callback(signal.signal, signal.SIGINT, previous)
        report = ingest(sources, opened, settings, options=options, on_result=on_result,
                        stop=lambda: interrupted["flag"])  # fmt: skip
    counts = report.counts
    click.echo(
        f"ingested {report.articles} article{'s' if report.articles != 1 else ''}: "
        f"{report.facts} facts, {report.triples} triples written; "
        f"{counts['unchanged']} unchanged, {counts['skipped']} skipped, {len(report.failed)} failed; "
        f"store {settings.store} holds {report.store_triples} triples"
        + ("; interrupted: run the same command again to finish" if report.interrupted else "")
    )
    if report.interrupted:
        sys.exit(130)
    if report.failed:
        sys.exit(1)


ingest_command.name = "ingest"


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--failed", "list_failed", is_flag=True, help="Also list every failed source with its reason.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@library_errors
def status(store: str | None, list_failed: bool, fmt: str) -> None:
    """Summarise the store's ingest manifest: sources by status, facts, the latest ingest.

    \b
    Example:
      dealgraph status --failed
    """
    from pipeline.manifest import summarize

    settings = _settings(store=store)
    with open_store(settings=settings, read_only=True) as opened:
        summary = summarize(opened)
        triples = len(opened)
    if fmt == "json":
        click.echo(json.dumps({
            "store": settings.store, "triples": triples, "sources": summary.sources,
            "by_status": dict(summary.by_status), "facts": summary.facts,
            "last_ingest": summary.last_time.isoformat() if summary.last_time else None,
            "failed": [{"source": r.source, "reason": r.reason, "time": r.time.isoformat()} for r in summary.failed],
        }, indent=2))  # fmt: skip
        return
    statuses = ", ".join(f"{count} {name}" for name, count in sorted(summary.by_status.items())) or "none"
    click.echo(f"store {settings.store}: {triples} triples")
    click.echo(f"sources: {summary.sources} ({statuses})")
    click.echo(f"facts from stored sources: {summary.facts}")
    click.echo(f"last ingest: {summary.last_time.isoformat() if summary.last_time else '-'}")
    if summary.failed and not list_failed:
        click.echo(f"{len(summary.failed)} failed; list them with --failed, retry with: dealgraph ingest --retry-failed")
    if list_failed:
        for record in summary.failed:
            click.echo(f"failed: {record.source}: {record.reason}")


@main.command(context_settings=CONTEXT)
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="table for people; json, xml, csv, tsv are the W3C SPARQL results formats.",
)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.argument("query", required=False)
@library_errors
def query(store: str | None, fmt: str, query_file: Path | None, query: str | None) -> None:
    """Run a SPARQL 1.1 QUERY over every stored article.

    The default graph is the union of all articles' graphs, and the prefixes dg:, schema:,
    skos:, prov:, rdf:, rdfs:, xsd:, owl:, org:, wd: and oa: need no declaration. CONSTRUCT and
    DESCRIBE print Turtle.

    \b
    Examples:
      dealgraph query 'SELECT ?name WHERE { ?o a dg:Organization ; skos:prefLabel ?name }'
      dealgraph query --format json --file ontology/queries/investments.rq
    """
    if (query is None) == (query_file is None):
        raise click.UsageError("give either a QUERY argument or --file, not both or neither")
    sparql = query_file.read_text(encoding="utf-8") if query_file else query
    settings = _settings(store=store)
    with open_store(settings=settings, read_only=True) as opened:
        click.echo(run_query(opened, sparql or "", fmt), nl=False)


@main.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.argument("source")
@library_errors
def article(fmt: str, source: str) -> None:
    """Print the article dealgraph reads from SOURCE (a URL or file), for debugging extraction."""
    found = read_article(source, _settings())
    if fmt == "text":
        click.echo(f"# {found.headline or '(no headline)'}")
        click.echo(f"url: {found.url}\npublished: {found.published or '-'}\npublisher: {found.publisher or '-'}")
        click.echo(f"authors: {', '.join(found.authors) or '-'}\nlanguage: {found.language or '-'}\n")
        click.echo(found.text)
        return
    record = {
        "url": found.url, "source": found.source, "headline": found.headline,
        "published": found.published.isoformat() if found.published else None,
        "publisher": found.publisher, "authors": list(found.authors), "language": found.language,
        "text": found.text,
    }  # fmt: skip
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@main.command(context_settings=CONTEXT)
@click.option("--model", metavar="NAME", help="spaCy pipeline to load first (default en_core_web_sm).")
@click.option("--prefilter/--no-prefilter", default=None,
              help="Parse only the sentences that can carry a fact and those that name whom \"it\" means (default on; "
                   "setting prefilter).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors/--no-errors", default=False, help="Also list every missed and spurious fact.")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@library_errors
def evaluate(model: str | None, prefilter: bool | None, fmt: str, errors: bool, corpus: str) -> None:
    """Score extraction on CORPUS: precision, recall and F1 per fact type and overall.

    Every page with a gold .json beside it is ingested into a fresh temporary store and its
    facts are read back with SPARQL (see corpus/README.md for the gold format).

    \b
    Example:
      dealgraph evaluate corpus/dev --errors
    """
    from pipeline.evaluate import evaluate as run_evaluation, format_evaluation

    result = run_evaluation(corpus, _settings(model=model, prefilter=prefilter))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
        return
    click.echo(format_evaluation(result), nl=False)
    if errors:
        for line in result.errors:
            click.echo(line)


# ---------------------------------------------------------------------------------------------
# The deal network: export, plot, stats


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared filters of export, plot and stats."""
    options = [
        click.option("--company", metavar="NAME", help="Keep the deals around this organisation (name or alias)."),
        click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
                     help="With --company: how many deal hops to keep."),
        click.option("--type", "types", metavar="TYPE,…",
                     help="Keep these fact types: Investment, Acquisition, Valuation, ComputeCommitment, "
                          "CloudCommitment, Revenue."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                     help="Keep facts from articles published on or after this day."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
                     help="Keep facts from articles published on or before this day."),
        click.option("--min-usd", type=click.FloatRange(min=0), metavar="N",
                     help="Keep facts of at least N US dollars (other currencies are not converted)."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


def _selection(company: str | None, depth: int, types: str | None, since: Any, until: Any, min_usd: float | None) -> Any:
    from pipeline.network import Selection, parse_types

    return Selection(
        company=company, depth=depth, types=parse_types(types), since=since.date() if since else None,
        until=until.date() if until else None, min_usd=min_usd,
    )  # fmt: skip


EXPORT_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".ttl": "ttl", ".nt": "nt",
                   ".nq": "nq", ".trig": "trig", ".jsonld": "jsonld"}  # fmt: skip


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv", "ttl", "nt", "nq", "trig", "jsonld"]),
              help="Default: from the -o suffix. csv writes nodes.csv and edges.csv into the -o directory.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (a directory for csv). Default: stdout.")
@selection_options
@library_errors
def export(store: str | None, fmt: str | None, output: Path | None, **filters: Any) -> None:
    """Write the deal network for Gephi, Cytoscape, Neo4j or an RDF tool.

    graphml, gexf, json (networkx node-link) and csv (Neo4j import) hold organisations as
    nodes and facts as edges; ttl, nt, nq, trig and jsonld hold the stored RDF itself (nq,
    trig and jsonld keep each article's named graph). Filters keep some facts and the
    organisations in them; for RDF they keep those facts with their figures, evidence and
    articles.

    \b
    Examples:
      dealgraph export -o deals.graphml
      dealgraph export --format csv -o neo4j-import/
      dealgraph export --company Anthropic --depth 2 --type Investment -o anthropic.gexf
      dealgraph export --format nq --since 2025-01-01 > deals.nq
    """
    from pipeline.export import export as write_export

    if fmt is None:
        if output is None or output.suffix.lower() not in EXPORT_SUFFIXES:
            raise click.UsageError("give --format, or an -o file ending in " + ", ".join(EXPORT_SUFFIXES))
        fmt = EXPORT_SUFFIXES[output.suffix.lower()]
    selection = _selection(**filters)
    with open_store(settings=_settings(store=store), read_only=True) as opened:
        if output is None and fmt != "csv":
            sys.stdout.flush()
            write_export(opened, fmt, sys.stdout.buffer, selection)
            sys.stdout.buffer.flush()
            return
        written = write_export(opened, fmt, output, selection)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@main.command(context_settings=CONTEXT)
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Picture to write: .png, .svg or .html (an interactive page that needs no network).")
@click.option("--title", help="Title drawn on the picture. Default: what it shows.")
@selection_options
@library_errors
def plot(store: str | None, output: Path, title: str | None, **filters: Any) -> None:
    """Draw the deal network as a picture.

    Organisations are discs sized by the US dollars of their deals and coloured by role;
    arrows follow the money (and compute capacity), labelled with the sums; valuations and
    revenue figures are written under the company's name. Labels never overlap.

    \b
    Examples:
      dealgraph plot -o deals.png
      dealgraph plot --company OpenAI --depth 2 -o openai.svg
      dealgraph plot --type Investment --since 2024-01-01 -o investments.html
    """
    from pipeline.network import to_networkx
    from pipeline.plot import plot as draw

    selection = _selection(**filters)
    with open_store(settings=_settings(store=store), read_only=True) as opened:
        graph = to_networkx(opened, selection)
    if title is None:
        title = f"Deals around {selection.company}" if selection.company else "Deals"
    draw(graph, output, title)
    click.echo(f"wrote {output}: {graph.number_of_nodes()} organisations, {graph.number_of_edges()} fact edges", err=True)


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many investors and recipients.")
@selection_options
@library_errors
def stats(store: str | None, fmt: str, top: int, **filters: Any) -> None:
    """Count facts by type and rank the top investors and recipients.

    Totals are in US dollars from Investment and Acquisition facts; amounts in other
    currencies are not converted and do not count. An investor in a round with co-investors
    is credited with the whole round.

    \b
    Examples:
      dealgraph stats
      dealgraph stats --since 2025-01-01 --format json
    """
    from pipeline.network import format_stats, graph_stats, to_networkx

    selection = _selection(**filters)
    with open_store(settings=_settings(store=store), read_only=True) as opened:
        summary = graph_stats(to_networkx(opened, selection), top=top)
    if fmt == "json":
        click.echo(json.dumps(summary.as_dict(), indent=2))
        return
    click.echo(format_stats(summary), nl=False)


# ---------------------------------------------------------------------------------------------
# The SPARQL endpoint


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT",
              help="Address to listen on; port 0 picks a free port.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Longest a query may run; a longer one is stopped and answered 503.")
@library_errors
def serve(store: str | None, bind: str, timeout: float) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint, with a query page for browsers.

    /sparql answers the SPARQL 1.1 Protocol (GET, or POST as a form or application/sparql-query):
    SELECT and ASK as JSON (default), XML, CSV or TSV, CONSTRUCT and DESCRIBE as Turtle (default),
    N-Triples or JSON-LD, chosen by the Accept header. / is a query page. Same semantics as
    dealgraph query: the default graph is the union of all graphs and the usual prefixes need no
    declaration. Updates are refused (403). Runs until Ctrl-C.

    \b
    Examples:
      dealgraph serve --store ./deals
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
    """
    import signal

    from pipeline.serve import SparqlServer, parse_bind

    host, port = parse_bind(bind)
    location = _settings(store=store).store
    server = SparqlServer(location, host, port, timeout=timeout)
    click.echo(f"serving {location} read-only at {server.url} (SPARQL endpoint {server.url}sparql); "
               "Ctrl-C stops", err=True)  # fmt: skip

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt  # SIGTERM (kill, systemd, docker stop) stops as cleanly as Ctrl-C

    signal.signal(signal.SIGTERM, stop)
    # Also SIGINT, set here as ingest sets it: a process started in the background by a shell
    # (`cmd &`, nohup) inherits SIGINT ignored, and Python then leaves it ignored.
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.close()


@main.command(context_settings=CONTEXT)
@store_option
@click.option("--format", "fmt", type=click.Choice(["nq", "trig"]), default="nq", show_default=True,
              help="N-Quads or TriG: both keep each article's named graph.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; standard output when omitted.")
@library_errors
def dump(store: str | None, fmt: str, output: Path | None) -> None:
    """Write the whole store, named graphs included, as N-Quads or TriG.

    `dealgraph load` of the file into an empty store recreates it exactly.

    \b
    Example:
      dealgraph dump --store ./deals --format trig -o deals.trig
    """
    settings = _settings(store=store)
    with open_store(settings=settings, read_only=True) as opened:
        if output is not None:
            opened.dump(fmt, output)
        else:
            opened.dump(fmt, sys.stdout.buffer)


@main.command(context_settings=CONTEXT)
@store_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@library_errors
def load(store: str | None, file: Path) -> None:
    """Add the quads of a .nq or .trig FILE (such as a `dealgraph dump`) to the store.

    All or nothing: an invalid file changes nothing. Into an empty store the file is
    bulk-loaded, so a large dump does not have to fit in memory.

    \b
    Example:
      dealgraph load --store ./copy deals.trig
    """
    settings = _settings(store=store)
    with open_store(settings=settings) as opened:
        added = opened.load(file)
        click.echo(f"loaded {file}: {added} new quads; store {settings.store} holds {len(opened)} quads")


@main.command(context_settings=CONTEXT)
@store_option
@click.argument("url")
@library_errors
def remove(store: str | None, url: str) -> None:
    """Remove what the article at URL contributed (its named graph of facts).

    URL is the article's URL as stored (schema:url; the canonical URL the page declared, or
    file:///… for local files). Organisation nodes stay: other articles may name them.

    \b
    Example:
      dealgraph remove --store ./deals https://news.example/2024/deal.html
    """
    from pipeline.ingest import remove_article

    settings = _settings(store=store)
    with open_store(settings=settings) as opened:
        removed = remove_article(url, opened)
        click.echo(f"removed {url}: {removed} triples; store {settings.store} holds {len(opened)} quads")
