"""Pull reviewed spans out of Label Studio and write them as training data in the gold
format (``annotation/gold``, read by `nianbao.annotation.load_gold`).

For each task the latest annotation that was not skipped counts. Every span is checked
against its task's text (offsets, text, label, quantity), mapped from chunk to document
offsets, and checked again against the document's text re-read from its source (whose
hash must still match the one pushed). A span that fails any check is returned as a
`SpanProblem` with its task id and reason; it is never written, and neither is the rest
of its task (a half-written task would pass its missing spans off as "no fact").

One file per document, ``<out_dir>/<doc>.json``. A document is rarely reviewed whole, so
the file adds ``reviewed``: the regions (chunks) a person annotated. Spans exist only
there; text outside them is unreviewed, not "no fact".
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nianbao.annotation.gold import GoldDoc, GoldSpan, source_text
from nianbao.annotation.write import gold_to_dict
from nianbao.errors import NianbaoError
from nianbao.facts import catalogue
from nianbao.facts.normalise import parse_quantity
from nianbao.labelstudio.push import export_tasks, text_sha256
from nianbao.labelstudio.spans import LabelledSpan, SpanProblem, read_result

OUT_DIR = Path("annotation") / "labelstudio"


@dataclass
class PullResult:
    project: int
    written: list[Path] = field(default_factory=list)
    reviewed_tasks: int = 0
    unreviewed_tasks: int = 0
    spans: int = 0  # spans written (one per label)
    complete_docs: list[str] = field(default_factory=list)  # every chunk of these was reviewed
    problems: list[SpanProblem] = field(default_factory=list)


@dataclass
class _Doc:
    name: str
    source: str
    sha: str
    table_regions: list[list[int]]
    text: str | None = None  # re-read from the source once a reviewed task needs it
    spans: list[GoldSpan] = field(default_factory=list)
    reviewed: list[tuple[int, int]] = field(default_factory=list)
    chunks: int = 0


def pull(client, project: int, out_dir: str | Path = OUT_DIR, shared: Path | None = None) -> PullResult:
    """Export ``project`` and write its reviewed spans into ``out_dir`` (one file per
    document); sources are re-read relative to ``shared`` (default: the shared folder)."""
    return write_docs(collect(export_tasks(client, project), project, shared), out_dir)


def collect(tasks: list[dict[str, Any]], project: int, shared: Path | None = None) -> tuple[PullResult, dict[str, _Doc]]:
    """Check every reviewed span of the exported ``tasks`` and group them by document."""
    result = PullResult(project=project)
    docs: dict[str, _Doc] = {}
    for task in sorted(tasks, key=lambda t: t["id"]):
        data = task.get("data", {})
        name = data.get("doc")
        doc = docs.get(name)
        if doc is None:
            doc = docs[name] = _Doc(name, data.get("source"), data.get("text_sha256"), data.get("table_regions", []))
        if (doc.source, doc.sha) != (data.get("source"), data.get("text_sha256")):
            result.problems.append(SpanProblem(task["id"], name, None, None, None, None,
                                               f"two documents are both called {name!r}: {doc.source}, {data.get('source')}"))
            continue
        doc.chunks += 1
        annotation = latest_annotation(task)
        if annotation is None:
            result.unreviewed_tasks += 1
            continue
        result.reviewed_tasks += 1
        text = doc.text if doc.text is not None else _document_text(doc, shared)
        if isinstance(text, SpanProblem):
            result.problems.append(SpanProblem(task["id"], name, None, None, None, None, text.reason))
            continue
        doc.text = text
        start, end, chunk_text = data.get("start"), data.get("end"), data.get("text")
        if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != chunk_text:
            result.problems.append(SpanProblem(task["id"], name, start, end, None, None,
                                               "the task's text is not the document's text at its offsets"))
            continue
        spans, problems = [], []
        for item in annotation.get("result") or []:
            span = read_result(item, chunk_text)
            if isinstance(span, str):
                problems.append(_problem(task["id"], name, item, span))
            else:
                spans.extend(_gold_spans(span, start))
        if problems:  # the task is withheld whole: its region must not read as reviewed
            result.problems.extend(problems)
            continue
        doc.reviewed.append((start, end))
        doc.spans.extend(spans)
    return result, docs


def write_docs(collected: tuple[PullResult, dict[str, _Doc]], out_dir: str | Path) -> PullResult:
    result, docs = collected
    for doc in docs.values():
        if not doc.reviewed:
            continue
        spans = sorted(set(doc.spans), key=lambda s: (s.start, s.end, s.label))
        gold = GoldDoc(doc=doc.name, source=doc.source, text=doc.text, spans=tuple(spans),
                       table_regions=tuple(tuple(r) for r in doc.table_regions),
                       annotator="Label Studio review", catalogue_version=catalogue.version())
        data = gold_to_dict(gold)
        data["reviewed"] = [list(r) for r in sorted(doc.reviewed)]
        result.written.append(_write(data, Path(out_dir) / f"{doc.name}.json"))
        result.spans += len(spans)
        if len(doc.reviewed) == doc.chunks:
            result.complete_docs.append(doc.name)
    return result


def latest_annotation(task: dict[str, Any]) -> dict[str, Any] | None:
    """The task's most recent annotation that was not skipped, or None."""
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not done:
        return None
    return max(done, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id", 0)))


def _document_text(doc: _Doc, shared: Path | None) -> str | SpanProblem:
    try:
        text = source_text(doc.source, shared)
    except (NianbaoError, OSError, UnicodeDecodeError) as err:
        return SpanProblem(None, doc.name, None, None, None, None, f"cannot re-read the source: {err}")
    if text_sha256(text) != doc.sha:
        return SpanProblem(None, doc.name, None, None, None, None,
                           f"{doc.source} changed since it was pushed (text sha256 differs)")
    return text


def _problem(task_id: int, doc: str, item: Any, reason: str) -> SpanProblem:
    value = item.get("value") if isinstance(item, dict) else None
    value = value if isinstance(value, dict) else {}
    labels = value.get("labels")
    return SpanProblem(task_id, doc, value.get("start"), value.get("end"),
                       ",".join(map(str, labels)) if isinstance(labels, list) else None, value.get("text"), reason)


def _gold_spans(span: LabelledSpan, offset: int) -> list[GoldSpan]:
    """One gold span per label (a zero claim may state two facts), in document offsets."""
    quantity = parse_quantity(span.text)
    return [GoldSpan(start=offset + span.start, end=offset + span.end, text=span.text, label=label,
                     value=quantity.value, unit=quantity.unit, qualifier=quantity.qualifier)
            for label in span.labels]


def _write(data: dict[str, Any], path: Path) -> Path:
    """The gold file layout of `nianbao.annotation.write`: one span per line."""
    head = {k: v for k, v in data.items() if k != "spans"}
    lines = [json.dumps(s, ensure_ascii=False) for s in data["spans"]]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    body += ', "spans": [\n  ' + ",\n  ".join(lines) + "\n]}\n" if lines else ', "spans": []}\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, "utf-8")
    return path

