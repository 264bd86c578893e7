"""Batch extraction into a results database, locally or on a Ray cluster."""
from nianbao.batch.export import export_csv, export_html, export_jsonl
from nianbao.batch.runner import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "run_batch", "export_jsonl", "export_csv", "export_html"]
