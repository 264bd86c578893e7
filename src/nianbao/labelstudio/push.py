"""Push reports to Label Studio for review: one task per narrative chunk, pre-annotated
with the current extractor's facts, the least confident chunks first.

Every predicted span is checked before it leaves (offsets, text, label, quantity); a span
that fails is returned as a `SpanProblem` and not pushed. A chunk already in the project
(same document text, same offsets) is not imported again, so pushing twice is safe.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nianbao.annotation.realpages import SOURCE_PREFIX
from nianbao.labelstudio.config import label_config
from nianbao.labelstudio.spans import SpanProblem, fact_result, span_problem
from nianbao.labelstudio.tasks import MAX_CHARS, facts_by_chunk, narrative_chunks, table_regions
from nianbao.report import Fact, Report

IMPORT_BATCH = 200


@dataclass
class PushResult:
    project: int
    created: bool  # the project was created now (else its config was updated)
    imported: int = 0  # tasks imported now
    already_there: int = 0  # chunks the project already had
    predicted_spans: int = 0
    outside_chunks: int = 0  # predicted facts in no chunk (in a table region)
    problems: list[SpanProblem] = field(default_factory=list)


def connect(url: str, token: str):
    """An SDK client for ``url`` with a legacy API token (both passed explicitly)."""
    from label_studio_sdk import LabelStudio

    return LabelStudio(base_url=url, api_key=token)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_name(report: Report) -> str:
    """The document's name in tasks and output files: the file's stem, or its folder's
    name when the file has a generic name (``pt2021/page.txt`` -> ``pt2021``)."""
    path = Path(report.source)
    if gold_source(report.source).startswith(SOURCE_PREFIX):
        return path.stem[:16]  # a cached real page: <sha256>.txt
    if path.stem.lower() in {"page", "report", "index", "document", "text"} and path.parent.name:
        return path.parent.name
    return path.stem


def gold_source(path: str) -> str:
    """The source as gold files record it: ``real-pages:<sha256>`` for a page of the real-page
    cache, relative to the shared folder when it lies there, else absolute."""
    from nianbao.annotation.gold import shared_dir
    from nianbao.annotation.realpages import pages_dir

    resolved = Path(path).resolve()
    if resolved.parent == pages_dir().resolve() and resolved.suffix == ".txt":
        return SOURCE_PREFIX + resolved.stem
    try:
        return resolved.relative_to(shared_dir().resolve()).as_posix()
    except ValueError:
        return str(resolved)


def source_problem(report: Report) -> str | None:
    """Why reviewed spans of this report could not be written back later, or None:
    its source must re-read to the same normalised text (see `annotation.source_text`)."""
    from nianbao.annotation.gold import source_text
    from nianbao.errors import NianbaoError

    try:
        text = source_text(gold_source(report.source))
    except (NianbaoError, OSError, UnicodeDecodeError) as err:
        return f"cannot re-read the source: {err}"
    if text != report.text:
        return "re-reading the source gives another text than the pipeline's; its spans could not be pulled back"
    return None


def find_project(client, title: str) -> int | None:
    """The id of the project called ``title``, or None."""
    for project in client.projects.list(title=title):
        if project.title == title:
            return project.id
    return None


def find_or_create_project(client, title: str) -> tuple[int, bool]:
    """The project called ``title`` with the catalogue's config (created if missing)."""
    config = label_config()
    project = find_project(client, title)
    if project is not None:
        client.projects.update(project, label_config=config)
        return project, False
    project = client.projects.create(
        title=title,
        label_config=config,
        description="nianbao: tag each quantity mention with its fact label (shared/spec/FACTS.md)",
        sampling="Sequential sampling",
        show_collab_predictions=True,
    )
    return project.id, True


def build_tasks(
    reports: list[Report], facts: list[list[Fact]], model_version: str, max_chars: int = MAX_CHARS
) -> tuple[list[dict[str, Any]], list[SpanProblem], int]:
    """Tasks with predictions, sorted least confident first; the spans left out and why;
    and how many facts lay outside every chunk."""
    tasks: list[dict[str, Any]] = []
    problems: list[SpanProblem] = []
    outside_total = 0
    for report, report_facts in zip(reports, facts):
        doc = doc_name(report)
        problem = source_problem(report)
        if problem:
            problems.append(SpanProblem(None, doc, None, None, None, None, problem))
            continue
        chunks = narrative_chunks(report, max_chars)
        grouped, outside = facts_by_chunk(chunks, report_facts)
        outside_total += len(outside)
        common = {
            "doc": doc,
            "source": gold_source(report.source),
            "text_sha256": text_sha256(report.text),
            "table_regions": [list(r) for r in _merged(table_regions(report))],
        }
        for chunk in chunks:
            results, scores = [], []
            for fact in grouped[chunk.index]:
                problem = span_problem(report.text, fact.start, fact.end, fact.text, [fact.label])
                if problem:
                    problems.append(SpanProblem(None, doc, fact.start, fact.end, fact.label, fact.text, problem))
                    continue
                results.append(fact_result(fact, chunk.start))
                scores.append(float(fact.score))
            score = round(min(scores), 4) if scores else 1.0
            tasks.append({
                "data": {**common, "text": chunk.text, "chunk": chunk.index, "start": chunk.start, "end": chunk.end},
                "predictions": [{"model_version": model_version, "score": score, "result": results}],
            })
    tasks.sort(key=lambda t: (t["predictions"][0]["score"], t["data"]["doc"], t["data"]["chunk"]))
    return tasks, problems, outside_total


def push(
    client,
    reports: list[Report],
    project_title: str,
    extractor="model",
    model_dir: str | None = None,
    max_chars: int = MAX_CHARS,
) -> PushResult:
    """Create or update the project ``project_title`` and import the reports' chunks
    with the ``extractor``'s predictions ("none" imports the chunks without any)."""
    facts, version = predict(reports, extractor, model_dir)
    tasks, problems, outside = build_tasks(reports, facts, version, max_chars)
    project, created = find_or_create_project(client, project_title)
    existing = set() if created else _existing_chunks(client, project)
    new = [t for t in tasks if _key(t["data"]) not in existing]
    for i in range(0, len(new), IMPORT_BATCH):
        client.projects.import_tasks(project, request=new[i:i + IMPORT_BATCH], return_task_ids=True)
    return PushResult(
        project=project,
        created=created,
        imported=len(new),
        already_there=len(tasks) - len(new),
        predicted_spans=sum(len(t["predictions"][0]["result"]) for t in new),
        outside_chunks=outside,
        problems=problems,
    )


def predict(reports: list[Report], extractor, model_dir: str | None = None) -> tuple[list[list[Fact]], str]:
    """The extractor's facts per report and the model version the predictions carry."""
    tagger, version = load_extractor(extractor, model_dir)
    return (tagger.extract(reports) if tagger is not None else [[] for _ in reports]), version


def load_extractor(extractor, model_dir: str | None = None):
    """The extractor called ``extractor`` (None for "none") and its model version; an
    object with an ``extract(reports)`` method is used as it is."""
    if not isinstance(extractor, str):
        return extractor, str(getattr(extractor, "version", None) or type(extractor).__name__)
    if extractor == "none":
        return None, "none"
    from nianbao.facts.extractors import get_extractor

    tagger = get_extractor(extractor, model_dir=model_dir)
    return tagger, str(getattr(tagger, "version", None) or extractor)


def export_tasks(client, project: int) -> list[dict[str, Any]]:
    """Every task of the project with its annotations (Label Studio's JSON export)."""
    raw = b"".join(client.projects.exports.download_sync(project, export_type="JSON", download_all_tasks=True))
    return json.loads(raw.decode("utf-8"))


def _existing_chunks(client, project: int) -> set[tuple]:
    return {_key(task.get("data", {})) for task in export_tasks(client, project)}


def _key(data: dict[str, Any]) -> tuple:
    return data.get("text_sha256"), data.get("start"), data.get("end")


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(regions):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out

