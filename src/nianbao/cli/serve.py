"""`nianbao serve --db results.sqlite`: review the findings in a browser (loopback only)."""
from __future__ import annotations

import sys

import click


@click.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite results database.")
@click.option("--port", type=int, default=8765, show_default=True, help="Port (0: a free one).")
@click.option("--host", default=None,
              help="Address to listen on (default 127.0.0.1). Anything but loopback must be given here explicitly.")
def command(db_path, port, host):
    """Serve the summary and evidence pages of a batch database, where each FAIL and
    UNCERTAIN finding can be confirmed or dismissed; reviews are saved in the database."""
    from nianbao.review.app import DEFAULT_HOST, ReviewServer, is_loopback
    from nianbao.review.store import ReviewError

    try:
        server = ReviewServer(db_path, host or DEFAULT_HOST, port, explicit_host=host is not None)
    except ReviewError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    if not is_loopback(server.host):
        click.echo(f"Warning: listening on {server.host} because --host says so: anyone who can reach this port "
                   "can read the reports and change their reviews", err=True)
    click.echo(f"reviewing {db_path} on {server.url} (Ctrl-C stops)", err=True)
    server.run()
