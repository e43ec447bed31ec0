"""The latest runs as the Markdown table of the README's "Performance" section: SQLite
(``bench/last.json``, ``make bench``), PostgreSQL (``bench/last-postgresql.json``,
``make bench-postgresql``) and MariaDB (``bench/last-mariadb.json``, ``make bench-mariadb``) side
by side, one row per figure. A backend whose file is missing keeps its columns, with dashes.

.venv/bin/python -m bench.table [SQLITE_JSON [POSTGRESQL_JSON [MARIADB_JSON]]]
.venv/bin/python -m bench.table --only mariadb     # some backends' columns only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: the backends in the table's order, each with the file its ``make`` target writes
BACKENDS = (
    ("SQLite", HERE / "last.json"),
    ("PostgreSQL", HERE / "last-postgresql.json"),
    ("MariaDB", HERE / "last-mariadb.json"),
)
DEFAULTS = tuple(path for _label, path in BACKENDS)


def _number(value: object, unit: str = "") -> str:
    if not isinstance(value, int | float):
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{text} {unit}".strip()


def _cells(figure: dict[str, Any] | None) -> list[str]:
    """ours, baseline, ratio, ok of one backend's figure; dashes where it was not measured."""
    if figure is None:
        return ["—", "—", "—", "—"]
    unit = str(figure.get("unit", ""))
    return [
        _number(figure.get("value"), unit),
        _number(figure.get("baseline"), unit),
        _number(figure.get("ratio")),
        "yes" if figure.get("ok") else "**no**",
    ]


def _by_name(record: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    figures = record["figures"] if record else []
    assert isinstance(figures, list)
    return {str(f["name"]): f for f in figures}


def table(*records: dict[str, Any] | None, labels: tuple[str, ...] | None = None) -> str:
    """One row per figure of any run, in the order they ran (the first run's first), four columns
    per backend of ``labels`` (default SQLite, PostgreSQL, MariaDB), the target in words at the end."""
    labels = labels or tuple(label for label, _path in BACKENDS)[: max(len(records), 1)]
    records = records + (None,) * (len(labels) - len(records))
    columns = [_by_name(record) for record in records]
    names: list[str] = []
    for figures in columns:
        names += [name for name in figures if name not in names]
    header = ["figure", *(cell for label in labels for cell in (label, "baseline", "ratio", "ok")), "target"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in names:
        target = next((figures[name].get("target", "") for figures in columns if name in figures), "")
        cells = [f"`{name}`", *(cell for figures in columns for cell in _cells(figures.get(name))), str(target)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text()) if path.exists() else None


def _measured(label: str, record: dict[str, Any] | None) -> str:
    if record is None:
        return f"{label}: not measured."
    # the login the figures ran as (PostgreSQL: the application role's by default; MariaDB: the URL's user)
    login = f" as {record['connected_as']}" if record.get("connected_as") else ""
    return (
        f"{label}: measured {record['measured']}{login} on {record['cpus']} cores, load average "
        f"{', '.join(f'{x:.1f}' for x in record['load_average'])}, {record['seconds']:.0f} s for the run."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="the runs' JSON files, in the order SQLite, PostgreSQL, MariaDB"
    )
    labels = tuple(label for label, _path in BACKENDS)
    parser.add_argument("--only", help="comma-separated backends: " + ", ".join(label.lower() for label in labels))
    args = parser.parse_args(argv)
    if len(args.files) > len(BACKENDS):
        parser.error(f"at most {len(BACKENDS)} files")
    paths = list(args.files) + list(DEFAULTS[len(args.files) :])
    chosen = {name.strip().lower() for name in args.only.split(",")} if args.only else {x.lower() for x in labels}
    if unknown := chosen - {label.lower() for label in labels}:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    shown = [(label, _load(path)) for label, path in zip(labels, paths, strict=True) if label.lower() in chosen]
    for index, (label, record) in enumerate(shown):
        print(_measured(label, record) + ("\n" if index == len(shown) - 1 else ""))
    print(table(*(record for _label, record in shown), labels=tuple(label for label, _record in shown)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
