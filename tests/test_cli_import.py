"""``mandant-admin import assignments|users|customers FILE [--dry-run]`` (SPEC E9, S8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from xlsxhelpers import write_xlsx

from mandant_desktop.cli import EXIT_FILE, EXIT_OK, EXIT_REFUSED, main
from mandant_desktop.services.imports import USER_HEADERS


def test_import_round_trip_dry_run_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """E9, S8: an exported file imports back unchanged; a dry run writes nothing; a bad row fails
    the whole file with exit code 6 and names row and column; a renamed file exits with 5."""
    db = ["--db", str(tmp_path / "cli.sqlite")]
    assert main(["db", "upgrade", *db]) == EXIT_OK
    assert main(["demo", "--scale", "small", "--seed", "2", *db]) == EXIT_OK
    exported = tmp_path / "kunden.xlsx"
    assert main(["export", "customers", str(exported), *db]) == EXIT_OK
    capsys.readouterr()
    assert main(["import", "customers", str(exported), *db]) == EXIT_OK
    assert "0 added" in capsys.readouterr().out

    new_users = users_file(tmp_path / "u.xlsx", [("neu.nutzer", "neu@firma.example", "Neu", "Nutzer", "no")])
    assert main(["import", "users", str(new_users), "--dry-run", *db]) == EXIT_OK
    out = capsys.readouterr().out
    assert "+ neu.nutzer <neu@firma.example>" in out and "1 would be added" in out
    assert main(["import", "users", str(new_users), *db]) == EXIT_OK
    assert "1 added" in capsys.readouterr().out
    assert main(["import", "users", str(new_users), *db]) == EXIT_OK
    assert "0 added, 1 unchanged" in capsys.readouterr().out

    bad = users_file(
        tmp_path / "bad.xlsx",
        [("ok.user", "ok@firma.example", "O", "K", "no"), ("böse name", "b@firma.example", "B", "N", "no")],
    )
    assert main(["import", "users", str(bad), *db]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "row 3, column User name:" in err and "nothing was imported" in err
    assert (
        main(
            [
                "import",
                "users",
                str(users_file(tmp_path / "ok.xlsx", [("ok.user", "ok@firma.example", "O", "K", "no")])),
                "--dry-run",
                *db,
            ]
        )
        == EXIT_OK
    )
    assert "1 would be added" in capsys.readouterr().out  # the refused file wrote nothing

    renamed = tmp_path / "liste.xlsx"
    renamed.write_text("a;b\n", encoding="utf-8")
    assert main(["import", "customers", str(renamed), *db]) == EXIT_FILE
    assert "is not an Excel workbook" in capsys.readouterr().err
    assert main(["import", "customers", str(tmp_path / "fehlt.xlsx"), *db]) == EXIT_FILE


def users_file(path: Path, rows: list[tuple[str, ...]]) -> Path:
    return write_xlsx(path, USER_HEADERS, rows)
