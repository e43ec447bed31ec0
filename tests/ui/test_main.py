"""``mandant-desktop`` in-process: screenshots, automation log-in, no display (SPEC section 9, S1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from uihelpers import ADMIN

import mandant_desktop.__main__ as entry
from mandant_desktop import bootstrap
from mandant_desktop.ui.launcher import SCREENSHOT_SIZE
from mandant_desktop.ui.pages import PAGE_IDS


def assert_png(path: Path) -> None:
    image = QImage(str(path))
    assert not image.isNull(), path
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    # Not a blank picture: the navigation and the page put several colours on it.
    assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}) > 3


def test_page_ids_of_the_command_line_are_the_pages() -> None:
    assert entry.PAGE_IDS == PAGE_IDS


def test_screenshot_of_every_page_on_the_demo_database(tmp_path: Path) -> None:
    """Section 9: ``--demo --screenshot PNG --page ID`` renders each page offscreen and exits 0."""
    for page_id in PAGE_IDS:
        target = tmp_path / "shots" / f"{page_id}.png"
        assert entry.main(["--demo", "--screenshot", str(target), "--page", page_id, "--lang", "en"]) == 0
        assert_png(target)
    demo = Path(bootstrap.demo_database_url().removeprefix("sqlite:///"))
    assert demo.is_relative_to(tmp_path), "the demo database must live in the (test) user data directory"


@pytest.fixture
def admin_file(admin_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MANDANT_USER", ADMIN.username)
    monkeypatch.setenv("MANDANT_PASSWORD", ADMIN.password)
    return admin_url


def test_screenshot_logs_in_with_the_environment(admin_file: str, tmp_path: Path) -> None:
    """Section 9: MANDANT_USER/MANDANT_PASSWORD log in without the dialog; --db picks the database."""
    target = tmp_path / "users.png"
    assert entry.main(["--db", admin_file, "--screenshot", str(target), "--page", "org-units", "--lang", "de"]) == 0
    assert_png(target)


def test_mandant_db_url_is_used_without_db(admin_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MANDANT_DB_URL", admin_file)
    target = tmp_path / "audit.png"
    assert entry.main(["--screenshot", str(target), "--page", "audit"]) == 0
    assert target.exists()


def test_a_wrong_pair_is_refused_with_exit_3(
    admin_file: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """S1: the automation log-in is refused like a typed one."""
    monkeypatch.setenv("MANDANT_PASSWORD", "falsch-falsch")
    target = tmp_path / "never.png"
    assert entry.main(["--db", admin_file, "--screenshot", str(target), "--page", "tenants", "--lang", "en"]) == 3
    assert not target.exists()
    assert "The user name or the password is wrong." in capsys.readouterr().err


def test_screenshot_without_credentials_needs_the_variables(
    admin_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "never.png"
    assert entry.main(["--db", admin_url, "--screenshot", str(target), "--page", "tenants", "--lang", "en"]) == 2
    assert "MANDANT_USER" in capsys.readouterr().err


def test_an_unreachable_database_ends_with_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MANDANT_USER", "a")
    monkeypatch.setenv("MANDANT_PASSWORD", "b")
    url = "postgresql://mandant:streng-geheim@127.0.0.1:1/mandant"
    assert entry.main(["--db", url, "--screenshot", str(tmp_path / "x.png"), "--page", "tenants"]) == 3
    err = capsys.readouterr().err
    assert "Cannot connect to" in err and "streng-geheim" not in err
    assert len(err.strip().splitlines()) == 1


def test_no_display_prints_one_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM the program explains itself instead of aborting."""
    monkeypatch.setattr(entry.sys, "platform", "linux")
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    assert entry.main([]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "xvfb-run" in err and "--screenshot" in err


def test_screenshot_needs_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        entry.main(["--screenshot", "x.png"])
    assert usage.value.code == 2
