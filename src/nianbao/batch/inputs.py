"""Expand batch inputs: files, folders (recursive) and list files (`@list.txt`, one path a line)."""
from __future__ import annotations

from pathlib import Path

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


def expand_inputs(inputs: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Return (report paths in a stable order, [(input, problem)] for inputs that do not exist).

    A folder contributes every file with a report suffix below it, except hidden files and
    a folder's own README (`README.md`, `readme.txt`, …), which describe it; a list file `@paths.txt` contributes
    the paths on its lines (blank lines and `#` comments ignored, relative paths taken
    from the list file's folder). Each path appears once.
    """
    paths: list[str] = []
    problems: list[tuple[str, str]] = []
    for item in inputs:
        if item.startswith("@"):
            list_file = Path(item[1:])
            if not list_file.is_file():
                problems.append((item, "list file not found"))
                continue
            for line in list_file.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    p = Path(line)
                    paths.append(str(p if p.is_absolute() else list_file.parent / p))
        elif Path(item).is_dir():
            paths.extend(
                str(p) for p in sorted(Path(item).rglob("*"))
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(".")
                and p.stem.lower() != "readme"
            )
        elif Path(item).is_file():
            paths.append(item)
        else:
            problems.append((item, "no such file or folder"))
    seen: set[str] = set()
    unique = [p for p in paths if not (p in seen or seen.add(p))]
    return unique, problems
