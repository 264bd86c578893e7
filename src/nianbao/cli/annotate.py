"""`nianbao annotate`: review the model's facts in Label Studio and pull them back as
training data.

    nianbao annotate server start                 # local Label Studio in .cache/labelstudio
    nianbao annotate push REPORT...               # tasks + predictions, least confident first
    nianbao annotate push --from-reviews --db D   # findings dismissed as our reading errors
    nianbao annotate serve --register             # model server for interactive pre-annotation
    nianbao annotate pull                         # reviewed spans -> annotation/labelstudio/
    nianbao annotate server stop
    nianbao annotate add-pages CANDS.json         # real pages found with the look-up tools -> cache + manifest
    nianbao annotate missing-pages                # the look-ups to run for pages not in the cache
    nianbao annotate restore-pages FILE...        # page texts copied again from their look-ups -> cache
    nianbao annotate show-page DOC                # a cached page's text, each line with its offset
    nianbao annotate place FACTS.json... --out D  # annotators' fact lists placed by context -> gold files
    nianbao annotate packets FIRST SECOND --out D # where two blind passes disagree: one packet a page
    nianbao annotate merge FIRST SECOND --adjudicated D   # the final gold: adjudicated, else the first pass

``--url``/``--token`` default to ``$NIANBAO_LS_URL``/``$NIANBAO_LS_TOKEN``, else to the
server that ``server start`` recorded in ``--data-dir``.
"""
from __future__ import annotations

import sys
import threading

import click

from nianbao.errors import NianbaoError

DATA_DIR = ".cache/labelstudio"
PROJECT = "nianbao facts"

_data_dir = click.option("--data-dir", type=click.Path(file_okay=False), default=DATA_DIR, show_default=True,
                         help="The server's own data folder (database, state file, log).")
_url = click.option("--url", envvar="NIANBAO_LS_URL", default=None,
                    help="Label Studio's URL (default: the server recorded in --data-dir).")
_token = click.option("--token", envvar="NIANBAO_LS_TOKEN", default=None, help="API token (legacy token).")
_project = click.option("--project", default=PROJECT, show_default=True, help="Project title.")
_extractor = click.option("--extractor", type=click.Choice(["model", "rules", "crf", "none"]), default="model",
                          show_default=True, help="What pre-annotates the tasks.")
_model = click.option("--model", "model_dir", type=click.Path(file_okay=False), default=None,
                      help="A trained tagger folder (default: the shipped model).")


@click.group()
def command() -> None:
    """Review facts in Label Studio: push tasks with predictions, pull reviewed spans."""


def _client(url, token, data_dir):
    from nianbao.labelstudio import server
    from nianbao.labelstudio.push import connect

    if not (url and token):
        running = server.status(data_dir)
        if running is None:
            _fail(f"{data_dir}: no running Label Studio recorded here; start one "
                  "(`nianbao annotate server start`) or pass --url and --token")
        url, token = url or running.url, token or running.token
    return connect(url, token)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _api_errors(call):
    """Run ``call``; an API or connection failure becomes one error line."""
    import httpx
    from label_studio_sdk.core.api_error import ApiError

    try:
        return call()
    except NianbaoError as err:
        _fail(str(err))
    except ApiError as err:
        _fail(f"Label Studio answered {err.status_code}: {str(err.body)[:300]}")
    except httpx.HTTPError as err:
        _fail(f"cannot reach Label Studio: {err}")


@command.command()
@click.argument("files", nargs=-1)
@_url
@_token
@_data_dir
@_project
@_extractor
@_model
@click.option("--max-chars", type=int, default=300, show_default=True, help="Longest chunk (one task).")
@click.option("--from-reviews", is_flag=True,
              help="Instead of FILES: the findings of --db dismissed in review as a reading error of the text or "
                   "table, pre-annotated with the batch's spans (project 'nianbao reviews' unless --project).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="The results database (with --from-reviews).")
def push(files, url, token, data_dir, project, extractor, model_dir, max_chars, from_reviews, db_path):
    """Import the narrative chunks of report FILES as tasks, pre-annotated by --extractor."""
    from nianbao.labelstudio.push import push as push_reports
    from nianbao.pipeline import read_structure

    if from_reviews:
        _push_reviews(files, db_path, url, token, data_dir, project, max_chars)
        return
    if not files:
        _fail("give report FILES to push, or --from-reviews --db results.sqlite")

    reports = []
    for path in files:
        try:
            reports.append(read_structure(path))
        except NianbaoError as err:
            click.echo(f"Error: {err}", err=True)
    client = _client(url, token, data_dir)
    result = _api_errors(lambda: push_reports(client, reports, project, extractor, model_dir, max_chars))
    for problem in result.problems:
        click.echo(f"Error: not pushed: {problem}", err=True)
    click.echo(f"project {result.project} ({'created' if result.created else 'updated'}): "
               f"{result.imported} tasks imported with {result.predicted_spans} predicted spans, "
               f"{result.already_there} already there")
    sys.exit(1 if result.problems or len(reports) < len(files) else 0)


def _push_reviews(files, db_path, url, token, data_dir, project, max_chars):
    from nianbao.labelstudio.from_reviews import REVIEW_PROJECT, push_reviews

    if files or not db_path:
        _fail("--from-reviews takes --db results.sqlite and no FILES")
    title = REVIEW_PROJECT if project == PROJECT else project  # its own config: never the facts project
    client = _client(url, token, data_dir)
    result = _api_errors(lambda: push_reviews(client, db_path, title, max_chars))
    for problem in result.problems:
        click.echo(f"Error: not pushed: {problem}", err=True)
    where = f"project {result.project} ({'created' if result.created else 'updated'})" if result.project else "nothing"
    click.echo(f"{result.findings} findings dismissed as reading errors -> {where}: {result.imported} tasks imported, "
               f"{result.already_there} already there")
    sys.exit(1 if result.problems else 0)


@command.command()
@_url
@_token
@_data_dir
@_project
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="annotation/labelstudio",
              show_default=True, help="Where the per-document training files go.")
def pull(url, token, data_dir, project, out_dir):
    """Write reviewed spans to OUT/<doc>.json (gold format); list every span not written."""
    from nianbao.labelstudio.pull import pull as pull_project
    from nianbao.labelstudio.push import find_project

    client = _client(url, token, data_dir)
    project_id = _api_errors(lambda: find_project(client, project))
    if project_id is None:
        _fail(f"no Label Studio project called {project!r}")
    result = _api_errors(lambda: pull_project(client, project_id, out_dir))
    for problem in result.problems:
        click.echo(f"Error: not written: {problem}", err=True)
    click.echo(f"{result.reviewed_tasks} reviewed tasks ({result.unreviewed_tasks} not yet): "
               f"{result.spans} spans -> {len(result.written)} files in {out_dir}")
    sys.exit(1 if result.problems else 0)


@command.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=9090, show_default=True)
@_extractor
@_model
@click.option("--register", is_flag=True, help="Register this server with --project in Label Studio.")
@_url
@_token
@_data_dir
@_project
def serve(host, port, extractor, model_dir, register, url, token, data_dir, project):
    """Serve predictions to Label Studio (ML-backend protocol) until interrupted."""
    from nianbao.labelstudio.mlserver import Predictor, make_server
    from nianbao.labelstudio.mlserver import register as register_backend
    from nianbao.labelstudio.push import find_project

    httpd = make_server(Predictor(extractor, model_dir), host, port)
    address = f"http://{host}:{httpd.server_address[1]}"
    if register:
        client = _client(url, token, data_dir)
        project_id = _api_errors(lambda: find_project(client, project))
        if project_id is None:
            _fail(f"no Label Studio project called {project!r}")
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        backend = _api_errors(lambda: register_backend(client, project_id, address))
        click.echo(f"registered as ML backend {backend} of project {project_id}", err=True)
    click.echo(f"serving {extractor} predictions on {address} (Ctrl-C stops)", err=True)
    try:
        if register:
            threading.Event().wait()
        else:
            httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


@command.group()
def server() -> None:
    """A local Label Studio (runs from .venv-labelstudio)."""


@server.command()
@_data_dir
@click.option("--port", type=int, default=None, help="Loopback port (default: a free one).")
def start(data_dir, port):
    """Start Label Studio in the background and print its URL and token."""
    from nianbao.labelstudio import server as ls

    running = _api_errors(lambda: ls.start(data_dir, port=port))
    click.echo(f"{running.url}  pid {running.pid}  token {running.token}  user {running.username} "
               f"password {running.password}")


@server.command()
@_data_dir
def stop(data_dir):
    """Stop the Label Studio recorded in --data-dir (by its pid)."""
    from nianbao.labelstudio import server as ls

    click.echo("stopped" if ls.stop(data_dir) else "not running")


@server.command()
@_data_dir
def status(data_dir):
    """Say whether the Label Studio recorded in --data-dir runs."""
    from nianbao.labelstudio import server as ls

    running = ls.status(data_dir)
    if running is None:
        click.echo("not running")
        sys.exit(3)
    click.echo(f"{running.url}  pid {running.pid}  token {running.token}")


@server.command()
def template():
    """Build the empty migrated database that makes fresh servers start in seconds."""
    from nianbao.labelstudio import server as ls

    click.echo(_api_errors(ls.build_template))


@command.command("add-pages")
@click.argument("candidates", type=click.Path(exists=True, dir_okay=False))
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="The page manifest (default: corpus/real-pages/MANIFEST.tsv).")
@click.option("--guard", type=click.Path(dir_okay=False), default=None,
              help="The holdout guard (default: shared/tools/holdout_guard.py).")
def add_pages(candidates, manifest, guard):
    """Add real report pages found with the look-up tools: CANDIDATES is a JSON list of
    {url, query, text, issuer, year, level}. Each passes the holdout guard on its address
    and its text, is dropped as a duplicate of a page already held (address or text) or as too
    short, else is cached by sha256 outside the repository and gets a manifest row whose split
    its issuer decides. One line per candidate; annotate the pages added next."""
    from nianbao.annotation.addpages import add_pages as add, read_candidates

    try:
        outcomes = add(read_candidates(candidates), manifest=manifest, guard=guard)
    except NianbaoError as err:
        _fail(str(err))
    for o in outcomes:
        where = f"{o.entry.doc} {o.entry.split} {o.entry.level} {o.entry.year} {o.entry.chars} chars" if o.entry else o.detail
        click.echo(f"{o.status:9s} {o.url}  {where}")
    click.echo(f"{sum(o.status == 'added' for o in outcomes)} of {len(outcomes)} added", err=True)


@command.command("restore-pages")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="The page manifest (default: corpus/real-pages/MANIFEST.tsv).")
@click.option("--guard", type=click.Path(dir_okay=False), default=None,
              help="The holdout guard (default: shared/tools/holdout_guard.py).")
@click.option("--mend", is_flag=True,
              help="For a text named after its row (<sha256 prefix>.txt) that does not match it, search for "
                   "the one word-level edit that gives the row's sha256, the one stretch of a longer text's "
                   "surplus to take out, or a long run of one character (||||…) in a shorter text to lengthen "
                   "(minutes a page).")
@click.option("--rare", is_flag=True,
              help="With --mend: where no edit is found, search again putting in any string of the cached "
                   "pages, even one found once, for at most one character taken out, only between the row's gold "
                   "facts still in place and those moved when its gold says where (a few minutes a page; many "
                   "more over a whole page).")
def restore_pages(files, manifest, guard, mend, rare):
    """Rebuild the page cache on a new machine: each FILE is a page text copied again from its
    manifest row's look-up (corpus/real-pages/README.md). A text whose sha256 is a row's, and
    which the holdout guard lets through, is cached; one that matches no row is named, with how
    its length differs from the row its file name starts with (<sha256 prefix>.txt), or, with
    --mend, mended by the one edit that gives that row's sha256 (an earlier copy may differ from
    what the store returns now by one word). Exits 1 when any file was not restored."""
    from nianbao.annotation.addpages import restore_pages as restore

    if rare and not mend:
        _fail("--rare works only with --mend: it widens the search for the one edit")
    try:
        outcomes = restore(list(files), manifest=manifest, guard=guard, mend=mend, rare=rare)
    except NianbaoError as err:
        _fail(str(err))
    for o in outcomes:
        where = f"{o.entry.doc} {o.entry.split}" + (f" ({o.detail})" if o.detail else "") if o.entry else o.detail
        click.echo(f"{o.status:9s} {o.path}  {where}")
    restored = sum(o.entry is not None for o in outcomes)
    click.echo(f"{restored} of {len(outcomes)} restored", err=True)
    if restored < len(outcomes):
        sys.exit(1)


@command.command("missing-pages")
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="The page manifest (default: corpus/real-pages/MANIFEST.tsv).")
def missing_pages(manifest):
    """The manifest rows whose text is not in the page cache, grouped by the look-up that returns
    them, the look-ups that return a test page first, then dev, then train: one line per query
    (`QUERY<TAB>query`), then one per page under it
    (`<TAB>PAGE<TAB>address<TAB>sha256<TAB>characters<TAB>split`). Copy each page's excerpt to a
    file named after its sha256 and run `restore-pages` on the files."""
    from nianbao.annotation.addpages import MEASURED_FIRST, missing_pages as missing

    try:
        by_query = missing(manifest)
    except NianbaoError as err:
        _fail(str(err))
    for query, entries in by_query.items():
        click.echo(f"QUERY\t{query}")
        for e in entries:
            click.echo(f"\tPAGE\t{e.source}\t{e.sha256}\t{e.chars}\t{e.split}")
    pages = [e for entries in by_query.values() for e in entries]
    by_split = ", ".join(f"{split} {sum(e.split == split for e in pages)}" for split in MEASURED_FIRST)
    click.echo(f"{len(pages)} pages missing ({by_split}), {len(by_query)} look-ups", err=True)


@command.command("show-page")
@click.argument("doc")
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="The page manifest (default: corpus/real-pages/MANIFEST.tsv).")
def show_page(doc, manifest):
    """Print page DOC (its 16-hex id) as gold offsets count it: a heading with its issuer, year,
    level and split, then each line of its normalised text after the offset of its first
    character. What an annotator reads before writing a fact list for `place`."""
    from nianbao.annotation.place import manifest_entry, numbered_lines
    from nianbao.annotation.realpages import load_manifest, page_text

    try:
        entry = manifest_entry(doc, load_manifest(manifest), str(manifest or "the page manifest"))
        text = page_text(entry.sha256, entry.chars, entry.format)
    except NianbaoError as err:
        _fail(str(err))
    click.echo(f"# {entry.doc}  issuer={entry.issuer} year={entry.year} level={entry.level} "
               f"split={entry.split} chars={len(text)}")
    for at, line in numbered_lines(text):
        click.echo(f"[{at}] {line}")


@command.command("place")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Where the gold files go (<doc>.json each).")
@click.option("--manifest", type=click.Path(dir_okay=False), default=None,
              help="The page manifest (default: corpus/real-pages/MANIFEST.tsv).")
def place(files, out_dir, manifest):
    """Turn annotators' fact lists into gold files. Each FILE is {"doc", "annotator", "facts"},
    a fact being {"text": the span as printed, "left"/"right": the characters around it that
    make it occur once in the page, "label", "part_of": index of its total in the list}
    (nianbao.annotation.place). Every fact is found by its context and its value read by the
    normaliser; a list with problems is named with all of them and writes nothing, the other
    files are placed all the same. Exits 1 when any file was not placed."""
    from nianbao.annotation.place import PlacementError, place_file
    from nianbao.annotation.realpages import load_manifest

    try:
        rows = load_manifest(manifest)
    except NianbaoError as err:
        _fail(str(err))
    failed = 0
    for path in files:
        try:
            gold = place_file(path, out_dir, manifest, rows)
        except PlacementError as err:
            failed += 1
            click.echo(f"failed    {path}" + "".join(f"\n  {p}" for p in err.problems))
            continue
        except NianbaoError as err:
            failed += 1
            click.echo(f"failed    {path}: {err}")
            continue
        click.echo(f"ok        {path}  {gold.doc} {len(gold.spans)} facts")
    click.echo(f"{len(files) - failed} of {len(files)} placed", err=True)
    if failed:
        sys.exit(1)


@command.command("packets")
@click.argument("first", type=click.Path(exists=True, file_okay=False))
@click.argument("second", type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Where the packets go (<doc>.json each).")
def packets(first, second, out_dir):
    """Adjudication packets for two blind passes over the same pages: FIRST and SECOND each hold
    the annotators' fact lists (facts/<doc>.json) and the gold placed from them (gold/<doc>.json).
    Prints the passes' agreement on the pages both placed and writes, for each page with facts
    they do not share, both readings as X and Y (which is the first, a hash of the page decides)
    and the facts only one has (nianbao.annotation.adjudicate)."""
    from nianbao.annotation.adjudicate import adjudication_packets

    try:
        result = adjudication_packets(first, second, out_dir)
    except NianbaoError as err:
        _fail(str(err))
    value = result["value"]["micro"]
    click.echo(f"{result['pages']} pages: {result['first_pass_facts']} and {result['second_pass_facts']} facts, "
               f"value F1 {value['f1']:.3f}, part_of the same on {result['part_of']['right']} of "
               f"{result['part_of']['matched']}; {len(result['disagreements'])} facts not shared")
    click.echo(f"{len(result['packets'])} packets -> {out_dir}")


@command.command("merge")
@click.argument("first", type=click.Path(exists=True, file_okay=False))
@click.argument("second", type=click.Path(exists=True, file_okay=False))
@click.option("--adjudicated", type=click.Path(exists=True, file_okay=False), default=None,
              help="The adjudicators' folder (its gold/<doc>.json decide the pages the passes disagree on).")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False), default="annotation/real-pages",
              show_default=True, help="Where the final gold goes.")
@click.option("--second-gold", "second_dir", type=click.Path(file_okay=False),
              default="annotation/real-pages-second", show_default=True,
              help="Where the second pass goes (the pass agreement is scored on it).")
@click.option("--replace", is_flag=True, help="Overwrite gold files that hold another annotation.")
def merge(first, second, adjudicated, gold_dir, second_dir, replace):
    """The final gold of two blind passes FIRST and SECOND (each with gold/<doc>.json): for every
    page the first pass placed, the adjudicated file where there is one, else the first pass's;
    the second pass beside it. Writes nothing if a page's disagreement is undecided, an
    adjudication drops a fact both passes share, or a file does not load against its page
    (nianbao.annotation.adjudicate)."""
    from nianbao.annotation.adjudicate import merge_final_gold

    try:
        result = merge_final_gold(first, second, adjudicated, gold_dir, second_dir, replace=replace)
    except NianbaoError as err:
        _fail(str(err))
    click.echo(f"{result['pages']} pages: {result['adjudicated']} adjudicated, {result['second_pass']} with a "
               f"second pass ({result['disputed']} disputed); {result['written']} files -> {gold_dir}, {second_dir}")
