"""Issue 8: ``python -m bench.table`` prints README's Performance table from the runs' JSON files,
SQLite, PostgreSQL and MariaDB side by side (section 8's figures on every backend of S6)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import table


def _record(backend: str, figures: list[dict[str, Any]], login: str | None = None) -> dict[str, Any]:
    return {
        "measured": "2026-12-03 14:00:00 UTC",
        "database": f"{backend}://…",
        "connected_as": login,
        "seconds": 120.4,
        "cpus": 2,
        "load_average": [1.0, 1.2, 1.3],
        "figures": [{"backend": backend, **figure} for figure in figures],
    }


def _figure(name: str, value: float, ok: bool = True, **extra: Any) -> dict[str, Any]:
    return {"name": name, "value": value, "unit": "ms", "target": f"{name} target", "ok": ok, **extra}


def test_three_backends_side_by_side() -> None:
    """Section 8, S6: one row per figure of any run, four columns per backend; a figure one backend
    lacks shows dashes there; the first run's order first, then the others' new figures."""
    sqlite = _record(
        "sqlite", [_figure("startup", 700.0, False, baseline=400.0, ratio=1.75), _figure("bulk_insert", 5)]
    )
    postgresql = _record("postgresql", [_figure("startup", 880.0)], "mandant_bench_desk")
    mariadb = _record("mariadb", [_figure("startup", 900.0), _figure("mariadb_only", 1.5)], "root")

    lines = table.table(sqlite, postgresql, mariadb).splitlines()

    assert lines[0] == (
        "| figure | SQLite | baseline | ratio | ok | PostgreSQL | baseline | ratio | ok"
        " | MariaDB | baseline | ratio | ok | target |"
    )
    assert lines[1] == "|" + "---|" * 14
    rows = {line.split(" | ")[0][3:-1]: line.split(" | ") for line in lines[2:]}
    assert list(rows) == ["startup", "bulk_insert", "mariadb_only"]
    assert rows["startup"][1:5] == ["700 ms", "400 ms", "1.75", "**no**"]
    assert rows["startup"][9] == "900 ms"
    assert rows["bulk_insert"][9:13] == ["—"] * 4
    assert rows["mariadb_only"][1:9] == ["—"] * 8
    assert rows["mariadb_only"][-1] == "mariadb_only target |"


def test_main_reads_the_files_and_names_the_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The lead's end-of-day table: ``python -m bench.table`` with the three files (here given as
    arguments), the load and login of each run above the table, a missing run said plainly."""
    sqlite, mariadb = tmp_path / "last.json", tmp_path / "last-mariadb.json"
    sqlite.write_text(json.dumps(_record("sqlite", [_figure("startup", 700.0)])))
    mariadb.write_text(json.dumps(_record("mariadb", [_figure("startup", 900.0)], "root")))
    assert table.main([str(sqlite), str(tmp_path / "none.json"), str(mariadb)]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("SQLite: measured 2026-12-03 14:00:00 UTC on 2 cores, load average 1.0, 1.2, 1.3")
    assert out[1] == "PostgreSQL: not measured."
    assert out[2].startswith("MariaDB: measured 2026-12-03 14:00:00 UTC as root on 2 cores")
    assert out[4].startswith("| figure | SQLite |")
    assert out[6].startswith("| `startup` | 700 ms |") and "| 900 ms |" in out[6]


def test_only_some_backends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--only mariadb``: that run's line and columns alone (README's MariaDB table)."""
    mariadb = tmp_path / "last-mariadb.json"
    mariadb.write_text(json.dumps(_record("mariadb", [_figure("startup", 900.0)], "root")))

    assert table.main([str(tmp_path / "a.json"), str(tmp_path / "b.json"), str(mariadb), "--only", "MariaDB"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("MariaDB: measured") and out[1] == ""
    assert out[2] == "| figure | MariaDB | baseline | ratio | ok | target |"
    assert out[4] == "| `startup` | 900 ms | — | — | yes | startup target |"
    with pytest.raises(SystemExit):
        table.main(["--only", "oracle"])
