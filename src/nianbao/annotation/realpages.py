"""The real-page development corpus: report pages from government sites, kept outside the
repository, listed in ``corpus/real-pages/MANIFEST.tsv`` and annotated in
``annotation/real-pages/``.

The repository holds only each page's address, the look-up that returns it, the sha256 and
length of its text, its issuer, year, level and split. The text itself lives in a cache
folder (``$NIANBAO_REAL_PAGES``, else ``~/.cache/nianbao/real-pages``) as ``<sha256>.txt``
and is checked against the manifest on every use; ``corpus/real-pages/README.md`` says
how to rebuild the cache with the look-up tools.

A page is plain text unless its row says otherwise: the optional ``format`` column (``txt``
when absent or empty, ``md`` or ``html``) names how the cached text is read — a whole report
file kept as its repository stores it (an HTML page, a Markdown file) goes through the same
`nianbao.ingest` converter `nianbao check` would use for it (`read_page`, `page_text`).

Splits are by issuer: every page of one issuer (or, when the text names none, of one site)
falls in the same split, decided by a hash of that key alone, so the split of a page never
depends on which other pages are in the corpus and the test split is fixed before any
recipe is chosen.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from nianbao.errors import InputError

REPO = Path(__file__).resolve().parents[3]
MANIFEST = REPO / "corpus" / "real-pages" / "MANIFEST.tsv"
PAGE_GOLD_DIR = REPO / "annotation" / "real-pages"
CELL_GOLD_DIR = REPO / "annotation" / "real-pages-cells"
COLUMNS = ("source", "query", "sha256", "chars", "issuer", "year", "level", "split")
FORMAT_COLUMN = "format"  # optional: txt (when absent or empty), md or html
PAGE_FORMATS = ("txt", "md", "html")
LEVELS = ("province", "city", "county", "department", "township", "street")
SPLITS = ("train", "dev", "test")
SOURCE_PREFIX = "real-pages:"  # how a gold file names its page: real-pages:<sha256>
# shares of issuer groups per split (by a hash of the group key): test 35 %, dev 15 %
_TEST_BELOW, _DEV_BELOW = 35, 50


@dataclass(frozen=True)
class PageEntry:
    """One manifest row."""

    source: str  # the page's address
    query: str  # the look-up (`search` corpus pages) that returns it
    sha256: str  # of the cached text (UTF-8)
    chars: int  # its length in code points
    issuer: str  # the issuing body as the text names it ('' when it names none)
    year: int  # the reporting year
    level: str  # province | city | county | department | township | street
    split: str  # train | dev | test
    format: str = "txt"  # how the cached text is read: txt | md | html (a whole report file)

    @property
    def doc(self) -> str:
        return self.sha256[:16]


def pages_dir() -> Path:
    """The page cache: ``$NIANBAO_REAL_PAGES``, else ``~/.cache/nianbao/real-pages``."""
    return Path(os.environ.get("NIANBAO_REAL_PAGES") or Path.home() / ".cache" / "nianbao" / "real-pages")


def load_manifest(path: str | Path | None = None) -> list[PageEntry]:
    """The manifest's rows; a malformed row raises `InputError` naming the file and row."""
    path = Path(path or MANIFEST)
    if not path.is_file():
        raise InputError(str(path), "no real-page manifest here")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise InputError(str(path), f"manifest lacks the columns {', '.join(sorted(missing))}")
        entries = []
        for n, row in enumerate(reader, start=2):
            try:
                entry = PageEntry(source=row["source"], query=row["query"], sha256=row["sha256"],
                                  chars=int(row["chars"]), issuer=row["issuer"], year=int(row["year"]),
                                  level=row["level"], split=row["split"],
                                  format=(row.get(FORMAT_COLUMN) or "txt").strip() or "txt")
            except (TypeError, ValueError) as err:
                raise InputError(str(path), f"row {n}: {err}") from None
            if entry.level not in LEVELS or entry.split not in SPLITS or not re.fullmatch(r"[0-9a-f]{64}", entry.sha256):
                raise InputError(str(path), f"row {n}: bad level, split or sha256 ({entry.level}, {entry.split})")
            if entry.format not in PAGE_FORMATS:
                raise InputError(str(path), f"row {n}: format must be one of {', '.join(PAGE_FORMATS)}, "
                                            f"not {entry.format!r}")
            entries.append(entry)
    return entries


def write_manifest(entries: list[PageEntry], path: str | Path | None = None) -> Path:
    """Write the rows sorted by split, level, year and sha256.  The ``format`` column is
    written only when some page is not plain text, and then only on those rows (a row that
    stops after ``split`` is plain text), so adding a report file leaves every other row as it was."""
    path = Path(path or MANIFEST)
    path.parent.mkdir(parents=True, exist_ok=True)
    with_format = any(e.format != "txt" for e in entries)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS + ((FORMAT_COLUMN,) if with_format else ()))
        for e in sorted(entries, key=lambda e: (e.split, e.level, e.year, e.sha256)):
            row = [e.source, e.query, e.sha256, e.chars, e.issuer, e.year, e.level, e.split]
            writer.writerow(row + ([e.format] if e.format != "txt" else []))
    return path


def page_path(sha256: str, folder: str | Path | None = None) -> Path:
    """Where the cache keeps a page's text (in `folder`, default `pages_dir()`), whether or not
    it is there yet."""
    return Path(folder or pages_dir()) / f"{sha256}.txt"


def cache_page(text: str, folder: str | Path | None = None) -> str:
    """Write `text` to the cache under its sha256 and read it back as every later use checks it;
    returns the sha256."""
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    page_path(sha256, folder).write_bytes(text.encode("utf-8"))
    page_file(sha256, len(text), folder)
    return sha256


def page_file(sha256: str, chars: int | None = None, folder: str | Path | None = None) -> Path:
    """The cached text of a page (in `folder`, default `pages_dir()`), checked by sha256 and
    by length when given."""
    path = page_path(sha256, folder)
    if not path.is_file():
        raise InputError(str(path), "real page not in the cache: rebuild the cache with the look-up tools "
                                    "(corpus/real-pages/README.md) or set NIANBAO_REAL_PAGES")
    text = path.read_bytes().decode("utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256 or (chars is not None and len(text) != chars):
        raise InputError(str(path), "cached page does not match its sha256 in the manifest (sha256 differs, "
                                    "or its length): fetch it again with its query")
    return path


def page_format(sha256: str, manifest: str | Path | None = None) -> str:
    """How the page with this sha256 is read (its manifest row's ``format``); ``txt`` for a
    page the manifest does not list."""
    path = Path(manifest or MANIFEST)
    if not path.is_file():
        return "txt"
    return _formats(str(path), path.stat().st_mtime_ns).get(sha256, "txt")


@lru_cache(maxsize=4)
def _formats(manifest: str, mtime_ns: int) -> dict[str, str]:
    """The pages that are not plain text, read once per version of the manifest file."""
    return {e.sha256: e.format for e in load_manifest(manifest) if e.format != "txt"}


def read_page(sha256: str, chars: int | None = None, fmt: str | None = None,
              folder: str | Path | None = None):
    """The pipeline's structure step (`nianbao.pipeline.read_structure`) on a cached page,
    read as its format (`fmt`, else its manifest row's): HTML and Markdown through the
    converters `nianbao check` uses for such files."""
    from nianbao.pipeline import read_structure

    return read_structure(str(page_file(sha256, chars, folder)), fmt=fmt or page_format(sha256))


def page_text(sha256: str, chars: int | None = None, fmt: str | None = None) -> str:
    """The normalised text of a cached page, the text gold offsets point into: plain text
    and Markdown decoded from bytes and normalised; HTML converted by `nianbao.ingest`."""
    from nianbao.ingest.normalise import normalise_text

    path = page_file(sha256, chars)
    fmt = fmt or page_format(sha256)
    if fmt == "html":
        from nianbao.ingest import convert

        return convert(str(path), fmt=fmt).text
    return normalise_text(path.read_bytes().decode("utf-8"))


_ISSUER_SUFFIX = re.compile(r"(人民政府|政府|办事处|办公室|管理委员会|管委会)+$")


def group_key(source: str, issuer: str) -> str:
    """What keeps pages together in one split: the issuer's name without spaces and its
    closing 人民政府/办事处/办公室 words, else the site's host (a page that names no issuer).
    Deliberately simple and frozen: a page's split must never move."""
    key = _ISSUER_SUFFIX.sub("", re.sub(r"\s+", "", issuer))
    if key:
        return "issuer:" + key
    host = urlsplit(source).netloc.lower()
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    return "site:" + host


def split_of(source: str, issuer: str) -> str:
    bucket = int(hashlib.sha256(group_key(source, issuer).encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < _TEST_BELOW else "dev" if bucket < _DEV_BELOW else "train"


def gold_path(entry: PageEntry, gold_dir: str | Path | None = None) -> Path:
    return Path(gold_dir or PAGE_GOLD_DIR) / f"{entry.doc}.json"
