"""Generate ``docs/cli.md`` from the CLI itself, so the reference cannot drift.

``python -m nhsgraph.clidoc > docs/cli.md`` regenerates it; ``tests/test_docs.py`` fails
when the committed file differs from what the commands say about themselves.
"""

from __future__ import annotations

import click

from nhsgraph.cli import main

HEADER = """# Command reference

Generated from the commands' own help by `make docs` (`python -m nhsgraph.clidoc`); do not edit
by hand. Every command also accepts `-h`/`--help`. A mistake in the command line itself (an
unknown option, a value of the wrong form such as `--as-of 2022-13-01`, a missing argument)
prints the usage and the problem on stderr and exits 2. Any other error a user can cause (an
unknown name, a problem in the data, a missing file) prints one line starting `nhsgraph:` on
stderr and exits 1; add `--debug` (before the command) for a traceback.
"""


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        path = f"{prefix}{name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, f"{path} "))
    return found


def render() -> str:
    """The Markdown reference: one section per command with its usage and help text."""
    parts = [HEADER]
    # Each command's context hangs off the root's, so it inherits the root's settings
    # (``-h``/``--help``) exactly as when a user runs ``nhsgraph COMMAND --help``.
    root = click.Context(main, info_name="nhsgraph", terminal_width=88, max_content_width=88, **main.context_settings)
    for path, command in _commands(main):
        with click.Context(command, parent=root, info_name=path) as ctx:
            help_text = command.get_help(ctx)
        parts.append(f"## `nhsgraph {path}`\n\n```text\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
