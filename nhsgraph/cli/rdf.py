"""export, sparql, push, serve: the graph as RDF, queried in place or sent to a triple store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import nhsgraph
from nhsgraph.atomic import write_bytes
from nhsgraph.cli.common import F, console, data_option, main
from nhsgraph.rdfterms import DEFAULT_BASE, Minter
from nhsgraph.triplestore import DEFAULT_GRAPH, DEFAULT_TIMEOUT, ENV_PASSWORD, ENV_TOKEN, ENV_USER, StoreError


def base_option(function: F) -> F:
    """``--base IRI``: where entity IRIs live (default https://w3id.org/nhsgraph/id/)."""
    return click.option("--base", default=DEFAULT_BASE, show_default=True, callback=_check_base,
                        help="Base IRI for entities, statements and events (ends with / or #).")(function)


def _check_base(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        Minter(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--base "), ctx, param) from None
    return value


@main.command()
@data_option
@click.option("--format", "format_name", type=click.Choice(["turtle", "ntriples", "jsonld", "trig"]),
              default="turtle", show_default=True, help="RDF syntax.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write (default: stdout).")
@base_option
@click.option("--shacl", is_flag=True, help="Validate against the SHACL shapes first; write nothing if it fails.")
def export(data_path: Path, format_name: str, output: Path | None, base: str, shacl: bool) -> None:
    """Export the graph as RDF (deterministic: the same data gives the same bytes)."""
    from nhsgraph.rdf import to_rdf
    from nhsgraph.rdfformats import serialise

    rdf = to_rdf(nhsgraph.load(data_path), base)
    if shacl:
        from nhsgraph.shacl import validate_export

        report = validate_export(rdf)
        if not report.conforms:
            click.echo(report.text(), err=True)
            sys.exit(1)
    data = serialise(rdf, format_name)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
    else:
        write_bytes(output, data)
        click.echo(f"wrote {output} ({len(rdf)} triples)", err=True)


@main.command()
@click.argument("query_words", metavar="[QUERY]", required=False, nargs=-1)  # more than one is a quoting slip, explained below
@click.option("--file", "query_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Read the query from a file (e.g. ontology/queries/what-replaced.rq).")
@click.option("--format", "format_name", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="table, or standard SPARQL results JSON / CSV.")
@click.option("--bind", "binds", multiple=True, metavar="VAR=NAME",
              help="Bind ?VAR to the entity called NAME (id, label or alias). Repeatable.")
@click.option("--bind-text", "text_binds", multiple=True, metavar="VAR=TEXT",
              help="Bind ?VAR to the string TEXT. Repeatable.")
@data_option
@base_option
def sparql(query_words: tuple[str, ...], query_file: Path | None, format_name: str, binds: tuple[str, ...],
           text_binds: tuple[str, ...], data_path: Path, base: str) -> None:
    """Run a SPARQL query over the graph in an embedded store (no server needed).

    Common prefixes (nhsg, org, prov, skos, dcterms, schema, foaf, eli, rdf, rdfs, xsd) are predeclared.
    Values given with --bind are bound to variables, never pasted into the query text.
    """
    from nhsgraph.sparql import QueryError, compact, query_dataset, read_query_file

    if len(query_words) > 1:
        # "--bind target CCGs 'SELECT ...'" leaves CCGs as a second QUERY; so does a query not in quotes.
        raise click.UsageError(f"got {len(query_words)} QUERY arguments ({', '.join(map(repr, query_words[:3]))}"
                               f"{', ...' if len(query_words) > 3 else ''}); give the query as one argument, in "
                               "quotes. Values to bind are written --bind VAR=NAME")
    query = query_words[0] if query_words else None
    if query is None and query_file is None:
        raise click.UsageError("give a QUERY (in quotes) or --file FILE")
    if query is not None and query_file is not None:
        # Often not meant as a query at all: "--bind target CCGs" leaves CCGs as QUERY.
        raise click.UsageError(f"got both --file and a QUERY ({query!r}); give one. "
                               "Values to bind are written --bind VAR=NAME")
    try:
        text = query if query is not None else read_query_file(query_file)  # type: ignore[arg-type]
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    dataset = nhsgraph.load(data_path)
    try:
        results = query_dataset(dataset, text, _pairs(binds, "--bind"), _pairs(text_binds, "--bind-text"),
                                base=base, format_name=format_name)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    if results.text is not None:
        click.echo(results.text, nl=not results.text.endswith("\n"))
    elif results.boolean is not None:
        click.echo("true" if results.boolean else "false")
    else:
        from rich.table import Table

        table = Table(*results.variables)
        for row in results.rows or []:
            table.add_row(*(compact(row[v], base) for v in results.variables))
        console().print(table)
        click.echo(f"{len(results.rows or [])} row(s)", err=True)


def _pairs(items: tuple[str, ...], option: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip().lstrip("?$"):
            raise click.UsageError(f"{option} takes VAR=VALUE, got {item!r}")
        pairs[name.strip().lstrip("?$")] = value
    return pairs


PUSH_HELP = f"""Replace a named graph in a triple store with the build, in one request.

Speaks the SPARQL 1.1 Graph Store HTTP Protocol (Oxigraph, Fuseki, GraphDB, Virtuoso).
Credentials come from the environment only: {ENV_USER} and {ENV_PASSWORD} (HTTP Basic), or
{ENV_TOKEN} (Bearer). A failed push leaves the store's old graph as it was.
"""


@main.command(help=PUSH_HELP)
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL 1.1 Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", default=DEFAULT_GRAPH, show_default=True, help="Named graph to replace.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for the store (more than 0).")
@click.option("--ontology/--no-ontology", default=True, show_default=True, help="Send the ontology with the data.")
@data_option
@base_option
def push(endpoint: str, graph: str, timeout: float, ontology: bool, data_path: Path, base: str) -> None:
    from nhsgraph.rdfformats import store_payload
    from nhsgraph.triplestore import push as push_graph

    data, count = store_payload(nhsgraph.load(data_path), base, ontology=ontology)
    try:
        result = push_graph(data, endpoint, graph, triples=count, timeout=timeout)
    except StoreError as exc:
        click.echo(f"nhsgraph: {exc}", err=True)
        sys.exit(1)
    click.echo(f"pushed {result.triples} triples ({result.bytes} bytes) to graph <{result.graph}> at {result.endpoint} "
               f"(HTTP {result.status})")


@main.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True,
              help="TCP port for the endpoint (the query URL is http://HOST:PORT/query).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@data_option
@base_option
def serve(port: int, host: str, data_path: Path, base: str) -> None:
    """Serve the build as a local, read-only SPARQL endpoint (Oxigraph), e.g. for YASGUI or a notebook."""
    from nhsgraph.rdfformats import nquads
    from nhsgraph.triplestore import serve as run_server

    data = nquads(nhsgraph.load(data_path), base)
    try:
        sys.exit(run_server(data, host, port, announce=lambda line: click.echo(line, err=True)))
    except StoreError as exc:
        click.echo(f"nhsgraph: {exc}", err=True)
        sys.exit(1)
