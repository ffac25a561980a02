"""The root command group, shared options and the one place errors become messages."""

from __future__ import annotations

import importlib.metadata
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

import nhsgraph

from nhsgraph.diagnostics import LoadError
from nhsgraph.names import AmbiguousName, UnknownName

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DATA = "data"


def _version() -> str:
    """The installed version, or the package's own when run from a checkout without installing
    (``python -m nhsgraph --version`` must not end in a traceback)."""
    try:
        return importlib.metadata.version("nhsgraph")
    except importlib.metadata.PackageNotFoundError:
        return nhsgraph.__version__


class NhsgraphGroup(click.Group):
    """Turns errors a user can cause into one clear line and an exit code (traceback only with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError:
            raise  # a mistake in the command line: click prints the usage hint and exits 2
        except click.ClickException as exc:
            # A command's own refusal (a bad file, an empty period): the same one-line
            # "nhsgraph: ..." form as every other error, not click's "Error: ...".
            click.echo(f"nhsgraph: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except LoadError as exc:
            if _debug(ctx):
                raise
            for problem in exc.problems:
                click.echo(problem.format(), err=True)
            errors = sum(p.severity == "error" for p in exc.problems)
            click.echo(f"nhsgraph: {errors} error(s) in the data; nothing was written", err=True)
            sys.exit(1)
        except (UnknownName, AmbiguousName) as exc:
            if _debug(ctx):
                raise
            # "did you mean" matches whole names; a partial title ("Integrating Care option 2")
            # is found by search, so say so rather than leave the user guessing.
            hint = f" (to find partial names: nhsgraph search {_quoted(exc.name)})" \
                if isinstance(exc, UnknownName) and exc.name.strip() else ""
            click.echo(f"nhsgraph: {exc}{hint}", err=True)
            sys.exit(1)
        except OSError as exc:
            if _debug(ctx):
                raise
            where = f": {exc.filename}" if exc.filename else ""
            click.echo(f"nhsgraph: {exc.strerror or exc}{where}", err=True)
            sys.exit(1)
        except UnicodeDecodeError as exc:
            # A command read a file given on the command line (a query, a review file) as text.
            if _debug(ctx):
                raise
            line = exc.object[: exc.start].count(b"\n") + 1
            click.echo(f"nhsgraph: a file given is not UTF-8 text (line {line}, byte {exc.start}: "
                       f"{exc.object[exc.start:exc.start + 1]!r}); save it as UTF-8", err=True)
            sys.exit(1)
        except Exception as exc:
            if _debug(ctx):
                raise
            click.echo(f"nhsgraph: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
            sys.exit(70)


def _quoted(text: str) -> str:
    """TEXT as a user would type it in a shell: bare if it is one plain word, else in quotes."""
    return text if text.replace("-", "").replace("_", "").isalnum() else repr(text)


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.params.get("debug")) or bool(os.environ.get("NHSGRAPH_DEBUG"))


@click.group(cls=NhsgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(version=_version(), prog_name="nhsgraph")
def main(debug: bool) -> None:
    """nhsgraph: a sourced knowledge graph of NHS (England) organisational reform."""
    _tolerate_narrow_terminals()


def _tolerate_narrow_terminals() -> None:
    """Print names a terminal's encoding cannot show as escapes (``\\u4fdd``), not as a crash.

    Labels are in any script; a terminal or pipe set to ASCII or Latin-1 must still get
    every answer, so characters it cannot encode are escaped instead of raising.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding not in ("utf8", "utf8sig"):
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def data_option(function: F) -> F:
    """``--data PATH``: the curated data folder (default ``data``, or $NHSGRAPH_DATA)."""
    return click.option(
        "--data", "data_path", type=click.Path(path_type=Path), envvar="NHSGRAPH_DATA",
        default=DEFAULT_DATA, show_default=True, help="Curated data folder or file.",
    )(function)


def json_option(function: F) -> F:
    """``--json``: stable machine-readable output (schemas in docs/json.md)."""
    return click.option("--json", "as_json", is_flag=True, help="Print stable JSON instead of tables.")(function)


def console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False))
