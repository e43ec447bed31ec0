"""The latest runs as the Markdown table of the README's "Performance" section: SQLite
(``bench/last.json``, ``make bench``) and PostgreSQL (``bench/last-postgresql.json``,
``make bench-postgresql``) side by side, one row per figure.

.venv/bin/python -m bench.table [SQLITE_JSON [POSTGRESQL_JSON]]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULTS = (HERE / "last.json", HERE / "last-postgresql.json")


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


def table(sqlite: dict[str, Any] | None, postgresql: dict[str, Any] | None = None) -> str:
    """One row per figure of either run, in the order they ran; the target in words at the end."""
    left, right = _by_name(sqlite), _by_name(postgresql)
    names = list(left) + [name for name in right if name not in left]
    lines = [
        "| figure | SQLite | baseline | ratio | ok | PostgreSQL | baseline | ratio | ok | target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        target = (left.get(name) or right.get(name) or {}).get("target", "")
        cells = [f"`{name}`", *_cells(left.get(name)), *_cells(right.get(name)), str(target)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _load(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text()) if path.exists() else None


def _measured(label: str, record: dict[str, Any] | None) -> str:
    if record is None:
        return f"{label}: not measured."
    # PostgreSQL: the login the figures ran as (bench/databases.py: the application role's by default)
    login = f" as {record['connected_as']}" if record.get("connected_as") else ""
    return (
        f"{label}: measured {record['measured']}{login} on {record['cpus']} cores, load average "
        f"{', '.join(f'{x:.1f}' for x in record['load_average'])}, {record['seconds']:.0f} s for the run."
    )


def main() -> int:
    paths = [Path(arg) for arg in sys.argv[1:3]] + list(DEFAULTS[len(sys.argv[1:3]) :])
    sqlite, postgresql = _load(paths[0]), _load(paths[1])
    print(_measured("SQLite", sqlite))
    print(_measured("PostgreSQL", postgresql) + "\n")
    print(table(sqlite, postgresql))
    return 0


if __name__ == "__main__":
    sys.exit(main())
