"""Add real report pages found with the look-up tools to the real-page corpus.

Each candidate (its address, the look-up that returns it, the page text copied from the
result, issuer, year, level) goes through, in order:

1. the holdout guard (``shared/tools/holdout_guard.py``) on its address, then on its text: a
   blocked page is dropped unread and nothing of it is kept;
2. duplicates: an address already in the manifest (scheme, ``www.``/``m.`` and a closing ``/``
   aside), or a text sharing at least half of its 20-character passages with a page already
   in the corpus (a copy of a page on another site), passages that three or more pages share
   (the printed table headings) not counted;
3. length: a text under `MIN_CHARS` characters is too short to be a report;
4. a report: a text that names no report (`nianbao.ingest.looks_like_report`) is one that
   ``nianbao check`` and every evaluation would refuse to read;

and is then cached by sha256 outside the repository (`nianbao.annotation.realpages.pages_dir`)
and given a manifest row, its split decided by its issuer (`split_of`), never by hand.

`restore_pages` rebuilds the cache on a new machine: a page text copied again from its look-up
is cached when its sha256 is a manifest row's (and the guard lets it through); one that is not
is named with how its length differs from the row it was meant for, or, asked to, mended by the
one word-level edit (`one_edit_away`) whose result has the row's sha256: an earlier copy of a
page may differ from what the store returns now by one such edit, and the gold points into it.
The row's gold says where to look: its facts before the edit are still where the gold put them,
those after it have moved by the difference in length (`gold_stretch`).
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nianbao.annotation.gold import shared_dir, text_sha256
from nianbao.annotation.realpages import (LEVELS, PageEntry, cache_page, gold_path, load_manifest, page_file,
                                          page_path, pages_dir, split_of, write_manifest)
from nianbao.errors import InputError
from nianbao.ingest import looks_like_report

MIN_CHARS = 300
_PASSAGE = 20  # characters of the passages two texts are compared by


@dataclass(frozen=True)
class PageCandidate:
    """A page as a look-up returned it."""

    url: str
    query: str
    text: str
    issuer: str
    year: int
    level: str


@dataclass(frozen=True)
class AddOutcome:
    """What became of one candidate: ``added``, ``blocked`` (by the guard: address or text),
    ``duplicate`` (address or text already in the corpus), ``short`` or ``no-report``."""

    url: str
    status: str
    detail: str = ""
    entry: PageEntry | None = None


def guard_path() -> Path:
    return shared_dir() / "tools" / "holdout_guard.py"


def passes_guard(url: str, text: str, guard: str | Path | None = None) -> str | None:
    """None when the guard lets the page through, else what it blocked (``address``/``text``)."""
    guard = Path(guard or guard_path())
    if not guard.is_file():
        raise InputError(str(guard), "holdout guard not found: no page may be added without it")
    if subprocess.run([sys.executable, str(guard), "--url", url], capture_output=True).returncode != 0:
        return "address"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.txt"
        path.write_text(text, encoding="utf-8")
        if subprocess.run([sys.executable, str(guard), "--file", str(path)], capture_output=True).returncode != 0:
            return "text"
    return None


def address_key(url: str) -> str:
    """An address as compared for duplicates: no scheme, no ``www.``/``m.``, no closing ``/``."""
    key = re.sub(r"^https?://", "", url.strip())
    for prefix in ("www.", "m."):
        key = key.removeprefix(prefix)
    return key.rstrip("/")


def _passages(text: str) -> set[str]:
    return {text[i:i + _PASSAGE] for i in range(max(len(text) - _PASSAGE + 1, 0))}


def _shared_by_many(known: dict[str, set[str]], pages: int = 3) -> set[str]:
    """Passages found in `pages` or more pages (the printed table headings every report shares):
    no evidence of a copy."""
    from collections import Counter

    counts = Counter(p for seen in known.values() for p in seen)
    return {p for p, n in counts.items() if n >= pages}


def add_pages(candidates: list[PageCandidate], manifest: str | Path | None = None,
              cache: str | Path | None = None, guard: str | Path | None = None) -> list[AddOutcome]:
    """Add the candidates that pass (module docstring) to the cache and the manifest, in the
    order given; returns one outcome per candidate. The manifest is written once, at the end,
    only when a page was added."""
    cache = Path(cache or pages_dir())
    cache.mkdir(parents=True, exist_ok=True)
    entries = load_manifest(manifest)
    addresses = {address_key(e.source): e for e in entries}
    known = {e.sha256: _passages(page_file(e.sha256, e.chars, cache).read_text("utf-8")) for e in entries
             if page_path(e.sha256, cache).is_file()}
    common = _shared_by_many(known)
    outcomes, added = [], False
    for c in candidates:
        text = c.text.rstrip("\n")
        blocked = passes_guard(c.url, text, guard)
        if blocked:
            outcomes.append(AddOutcome(c.url, "blocked", f"the holdout guard blocks its {blocked}"))
            continue
        if address_key(c.url) in addresses:
            outcomes.append(AddOutcome(c.url, "duplicate", f"address already in the manifest "
                                                           f"({addresses[address_key(c.url)].doc})"))
            continue
        passages = _passages(text) - common
        copy = next((sha for sha, seen in known.items() if passages and 2 * len(passages & seen) >= len(passages)),
                    None)
        if copy is not None:
            outcomes.append(AddOutcome(c.url, "duplicate", f"text copies page {copy[:16]}"))
            continue
        if len(text) < MIN_CHARS:
            outcomes.append(AddOutcome(c.url, "short", f"{len(text)} characters, under {MIN_CHARS}"))
            continue
        if not looks_like_report(text):
            outcomes.append(AddOutcome(c.url, "no-report", "names no 政府信息公开 / 年度报告 / 年报, nor a 总体情况 "
                                                           "section: nianbao check would not read it"))
            continue
        entry = PageEntry(source=c.url, query=c.query, sha256=cache_page(text, cache), chars=len(text),
                          issuer=c.issuer, year=c.year, level=c.level, split=split_of(c.url, c.issuer))
        entries.append(entry)
        addresses[address_key(c.url)] = entry
        known[entry.sha256] = passages
        outcomes.append(AddOutcome(c.url, "added", entry=entry))
        added = True
    if added:
        write_manifest(entries, manifest)
    return outcomes


@dataclass(frozen=True)
class RestoreOutcome:
    """What became of one page text given to `restore_pages`: ``restored``, ``mended`` (restored
    after one edit, `detail` says where), ``blocked`` or ``mismatch`` (its sha256 is no manifest
    row's)."""

    path: str
    status: str
    detail: str = ""
    entry: PageEntry | None = None


def restore_pages(paths: list[str | Path], manifest: str | Path | None = None, cache: str | Path | None = None,
                  guard: str | Path | None = None, mend: bool = False, rare: bool = False,
                  gold_dir: str | Path | None = None) -> list[RestoreOutcome]:
    """Cache each file's text (trailing line breaks removed, and trailing spaces where the row's
    text has none; nothing else changed) when its sha256 is a manifest row's and the guard passes
    its address and text. A text that matches no row is compared with the row its file name starts
    with (``<sha256 prefix>….txt``): the difference in length says where to look (a lost blank line,
    a space, punctuation of the other width); with `mend`, the one edit that gives that row's sha256
    is searched for (`one_edit_away`, its words taken from the pages already cached), and for a text
    longer than its row, one stretch of the surplus taken out anywhere (a phrase the store added),
    and for a text shorter than its row, a long run of one character (`LONG_RUN`) lengthened by
    the shortfall anywhere (a run of table rules miscounted); the mended text is cached. With
    `rare` too, an edit not found that way is searched for again with every string of the cached
    pages, even one found once, put in for at most one character taken out (`RARE_MAX_OUT`), only
    in the stretch the row's gold facts leave for it (`gold_stretch`, from `gold_dir`) when they say
    where: a minute or two a page; over a whole page, many minutes."""
    cache = Path(cache or pages_dir())
    cache.mkdir(parents=True, exist_ok=True)
    entries = load_manifest(manifest)
    by_sha = {e.sha256: e for e in entries}
    by_prefix = {e.sha256[:16]: e for e in entries}  # the row a file is named after (<sha256 prefix>….txt)
    words: dict[int, list[str]] | None = None
    every: dict[int, list[str]] | None = None  # with `rare`: strings found once too
    outcomes = []
    for path in map(Path, paths):
        try:
            text = path.read_bytes().decode("utf-8").rstrip("\n")
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(str(path), f"not a readable UTF-8 page text ({err})") from None
        entry, status, detail = by_sha.get(text_sha256(text)), "restored", ""
        stripped = text.rstrip()  # the store may show a space before the last line break
        if entry is None and stripped != text and (entry := by_sha.get(text_sha256(stripped))) is not None:
            text = stripped
        meant = by_prefix.get(path.name[:16]) if entry is None else None
        if meant is not None and mend:
            words = words if words is not None else edit_words(cache.glob("*.txt"))
            edit = one_edit_away(text, meant.sha256, meant.chars, words)
            if edit is None and len(text) > meant.chars:  # a phrase put in: cut its length anywhere
                edit = one_edit_away(text, meant.sha256, meant.chars, {0: [""]}, max_out=len(text) - meant.chars)
            if edit is None and len(text) < meant.chars:  # a long run of one character (||||…) copied short
                short = meant.chars - len(text)
                edit = one_edit_away(text, meant.sha256, meant.chars,
                                     {short: [c * short for c in dict.fromkeys(run[1] for run in _LONG_RUN.findall(text))]},
                                     max_out=0)
            if edit is None and rare:
                every = every if every is not None else edit_words(cache.glob("*.txt"), min_count=1)
                edit = one_edit_away(text, meant.sha256, meant.chars, every, max_out=RARE_MAX_OUT,
                                     within=gold_stretch(text, meant, gold_dir))
            if edit is not None:
                at, removed, put_in = edit
                text = text[:at] + put_in + text[at + removed:]
                entry, status = meant, "mended"
                detail = f"one edit at character {at}: {removed} taken out, {len(put_in)} put in"
        if entry is None:
            detail = "its sha256 is no manifest row's"
            if meant is not None:
                detail += f"; {meant.doc} has {meant.chars} characters, this text {len(text)} ({len(text) - meant.chars:+d})"
            outcomes.append(RestoreOutcome(str(path), "mismatch", detail))
            continue
        blocked = passes_guard(entry.source, text, guard)
        if blocked:
            outcomes.append(RestoreOutcome(str(path), "blocked", f"the holdout guard blocks its {blocked}"))
            continue
        cache_page(text, cache)
        outcomes.append(RestoreOutcome(str(path), status, detail, entry))
    return outcomes


MEASURED_FIRST = ("test", "dev", "train")  # the order a rebuild with too few look-ups takes the splits in


def missing_pages(manifest: str | Path | None = None, cache: str | Path | None = None) -> dict[str, list[PageEntry]]:
    """The manifest rows whose text is not in the cache, by the look-up that returns them (one
    search serves every row of its query): first the look-ups that return a test page, then a dev
    page, then the rest, each group in manifest order. The look-up budget runs out before a whole
    rebuild is done (corpus/real-pages/README.md), and the splits measured on come first."""
    cache = Path(cache or pages_dir())
    by_query: dict[str, list[PageEntry]] = {}
    for entry in load_manifest(manifest):
        if not page_path(entry.sha256, cache).is_file():
            by_query.setdefault(entry.query, []).append(entry)

    def first_split(query: str) -> int:
        return min(MEASURED_FIRST.index(e.split) for e in by_query[query])

    return {query: by_query[query] for query in sorted(by_query, key=first_split)}


EDIT_MAX_OUT = 4  # characters one edit may take out
EDIT_MAX_IN = 6  # and put in
LONG_RUN = 20  # a run of one character this long is easily copied a few short (a row of table rules: ||||…)
RARE_MAX_OUT = 1  # taken out when every string of the cached pages may be put in (restore_pages `rare`)
_LONG_RUN = re.compile(r"((.)\2{%d,})" % (LONG_RUN - 1))  # a character repeated LONG_RUN times or more
_ODD_CHARACTERS = " \u00a0\u3000\t\n\u200b,.;:()!?“”\"'、，。；：（）！？%"


def edit_words(pages, min_count: int = 3) -> dict[int, list[str]]:
    """What one edit may put in, by length: every 1- to `EDIT_MAX_IN`-character string found at
    least `min_count` times in `pages` (texts of the same kind of report: their words and
    phrases), most frequent first, and the odd spaces and punctuation of either width."""
    from collections import Counter

    counts = {n: Counter() for n in range(1, EDIT_MAX_IN + 1)}
    for page in pages:
        text = Path(page).read_text("utf-8")
        for n, counter in counts.items():
            counter.update(text[i:i + n] for i in range(len(text) - n + 1))
    words = {n: [w for w, c in counter.most_common() if c >= min_count] for n, counter in counts.items()}
    words[1] = list(dict.fromkeys(words[1] + list(_ODD_CHARACTERS)))
    words[0] = [""]
    return words


def gold_stretch(text: str, entry: PageEntry, gold_dir: str | Path | None = None) -> tuple[int, int] | None:
    """``(start, end)``: the stretch of `text` (a copy of `entry`'s page that differs from it in
    length) that the one edit must lie in, by the row's gold facts: after every fact still found
    where the gold put it, before every later fact found where the difference in length moved it.
    None when the gold cannot say: no gold file, a page read through the HTML converter (its
    offsets point into the converted text), no difference in length, or no fact on either side."""
    import json

    path = gold_path(entry, gold_dir)
    shift = len(text) - entry.chars
    if entry.format == "html" or shift == 0 or not path.is_file():
        return None
    spans = sorted((s["start"], s["end"], s["text"]) for s in json.loads(path.read_text("utf-8"))["spans"])
    before = 0
    while before < len(spans) and text[spans[before][0]:spans[before][1]] == spans[before][2]:
        before += 1
    after = len(spans)
    while after > before and text[spans[after - 1][0] + shift:spans[after - 1][1] + shift] == spans[after - 1][2]:
        after -= 1
    if before == 0 and after == len(spans):
        return None
    start = spans[before - 1][1] if before else 0
    end = spans[after][0] + shift if after < len(spans) else len(text)
    return (start, end) if start <= end else None


def one_edit_away(text: str, sha256: str, chars: int, words: dict[int, list[str]],
                  max_out: int = EDIT_MAX_OUT, within: tuple[int, int] | None = None) -> tuple[int, int, str] | None:
    """``(at, taken_out, put_in)``: the one edit (up to `max_out` characters taken out at one
    place, one of `words` put in) that turns `text` into the text of `chars` characters whose
    sha256 is `sha256`, or None; with `within` ``(start, end)``, only an edit whose characters
    taken out lie in ``text[start:end]``. Each candidate is hashed from the saved hash state of
    the text before the edit, so a page of a thousand characters costs a minute or two, not hours."""
    want, delta = bytes.fromhex(sha256), chars - len(text)
    start, end = within or (0, len(text))
    before = [hashlib.sha256()]
    for ch in text:
        state = before[-1].copy()
        state.update(ch.encode("utf-8"))
        before.append(state)
    for out in range(max_out + 1):
        candidates = [w.encode("utf-8") for w in words.get(out + delta, ())]
        for at in range(start, end - out + 1):
            taken, after = text[at:at + out].encode("utf-8"), text[at + out:].encode("utf-8")
            for put in candidates:
                if put == taken:
                    continue
                state = before[at].copy()
                state.update(put)
                state.update(after)
                if state.digest() == want:
                    return at, out, put.decode("utf-8")
    return None


def read_candidates(path: str | Path) -> list[PageCandidate]:
    """Candidates from a JSON list of objects with ``url``, ``query``, ``text`` (or
    ``excerpt``), ``issuer``, ``year`` and ``level``; a bad item raises `InputError` naming
    the file and the item."""
    import json

    path = Path(path)
    try:
        items = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"not a readable JSON list of candidates ({err})") from None
    if not isinstance(items, list):
        raise InputError(str(path), "not a JSON list of candidates")
    out = []
    for n, item in enumerate(items):
        try:
            text = item.get("text", item.get("excerpt"))
            candidate = PageCandidate(url=str(item["url"]), query=str(item["query"]), text=str(text),
                                      issuer=str(item["issuer"]), year=int(item["year"]), level=str(item["level"]))
        except (AttributeError, KeyError, TypeError, ValueError) as err:
            raise InputError(str(path), f"candidate {n}: missing or bad field ({err})") from None
        if text is None or candidate.level not in LEVELS:
            raise InputError(str(path), f"candidate {n}: needs a text and a level among {', '.join(LEVELS)}")
        out.append(candidate)
    return out
