"""The latest run (bench/last.json) as the Markdown table of the README's "Performance" section.

.venv/bin/python -m bench.table [bench/last.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _number(value: object, unit: str = "") -> str:
    if not isinstance(value, int | float):
        return "—"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return f"{text} {unit}".strip()


def table(record: dict[str, object]) -> str:
    lines = ["| figure | ours | baseline (same run) | ratio | target | ok |", "|---|---|---|---|---|---|"]
    figures = record["figures"]
    assert isinstance(figures, list)
    for f in figures:
        unit = str(f.get("unit", ""))
        lines.append(
            f"| `{f['name']}` | {_number(f.get('value'), unit)} | {_number(f.get('baseline'), unit)} "
            f"| {_number(f.get('ratio'))} | {f.get('target', '')} | {'yes' if f.get('ok') else '**no**'} |"
        )
    return "\n".join(lines)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "last.json"
    record = json.loads(path.read_text())
    print(f"Measured {record['measured']} on {record['cpus']} cores (load average {record['load_average']}):\n")
    print(table(record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
