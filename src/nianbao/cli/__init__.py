"""The `nianbao` command line: one thin command per job, each over one library function."""
from __future__ import annotations

import importlib

import click

# command name -> module under nianbao.cli that defines a click command called `command`
COMMANDS = {
    "check": "check",
    "batch": "batch",
    "train": "train",
    "evaluate": "evaluate",
    "annotate": "annotate",
    "bench": "bench",
    "setup": "setup",
    "serve": "serve",
    "review": "review",
}


class _LazyGroup(click.Group):
    """Import a command's module only when that command runs (keeps `check` free of torch)."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"nianbao.cli.{COMMANDS[name]}")
        return module.command


@click.group(cls=_LazyGroup)
@click.version_option(package_name="nianbao")
def main() -> None:
    """nianbao (年报): read government information-disclosure annual reports, extract their
    facts and tables, and show where the text and the tables disagree."""
