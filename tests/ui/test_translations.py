"""The German translation is complete and compiled, and the error catalogue is current (SPEC E1)."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import keyring.backends.fail
import pytest

from mandant_desktop.services.secrets import KeyringSecretStore
from mandant_desktop.ui import service_texts

ROOT = Path(__file__).resolve().parents[2]


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tool = load_tool()
FIX = "run `python tools/update_translations.py` (make translations) and fill tools/translations_de.py"


def test_the_ts_has_no_unfinished_entries() -> None:
    missing = [f"[{e.context}] {e.source!r}" for e in tool.unfinished(tool.TS_PATH)]
    assert not missing, f"untranslated ({FIX}):\n" + "\n".join(missing)


def test_the_error_catalogue_is_current() -> None:
    """Every DomainError template of the code is in ui/error_catalog.py, and nothing else."""
    expected = tool.render_catalog(tool.collect_catalog())
    assert tool.CATALOG_PATH.read_text(encoding="utf-8") == expected, f"error_catalog.py is stale: {FIX}"


def test_every_source_string_has_a_translation(tmp_path: Path) -> None:
    """A fresh lupdate over the code finds nothing the .ts does not translate already."""
    copy = tmp_path / "check_de.ts"
    shutil.copyfile(tool.TS_PATH, copy)
    tool.run_lupdate(copy)
    missing = [f"[{e.context}] {e.source!r}" for e in tool.unfinished(copy)]
    assert not missing, f"strings in the code without German ({FIX}):\n" + "\n".join(missing)


def test_the_committed_qm_is_a_fresh_lrelease_of_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    tool.run_lrelease(tool.TS_PATH, fresh)
    assert tool.QM_PATH.read_bytes() == fresh.read_bytes(), f"the .qm is stale: {FIX}"


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%s|%L?n|%\d")


@pytest.mark.parametrize("entry", tool.read_entries(tool.TS_PATH), ids=lambda e: f"{e.context}:{e.source[:30]}")
def test_translations_keep_placeholders_and_accelerators(entry: object) -> None:
    """A text with a count has two German forms (singular, plural): each keeps the placeholders."""
    source = entry.source  # type: ignore[attr-defined]
    for german in entry.forms or (entry.translation,):  # type: ignore[attr-defined]
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(german)), (source, german)
        accelerator = re.compile(r"&(?!&|\s)")
        assert bool(accelerator.search(source)) == bool(accelerator.search(german)), (source, german)


def test_counts_read_as_german_in_singular_and_plural(language: object) -> None:
    """E1: "1 Organisationseinheit", "5.000 Organisationseinheiten" — no "(en)", and the thousands
    separator — through Qt's plural forms of the German catalogue."""
    from PySide6.QtCore import QCoreApplication

    language.choose("de")  # type: ignore[attr-defined]

    def said(n: int) -> str:
        return QCoreApplication.translate("RolesPage", "%Ln org unit(s)", None, n)

    assert (said(1), said(5000)) == ("1 Organisationseinheit", "5.000 Organisationseinheiten")


def test_service_texts_match_what_the_services_say() -> None:
    """The keyring's reason reaches the user translated only while both texts are equal."""
    failing = KeyringSecretStore(backend=keyring.backends.fail.Keyring())
    assert failing.reason == service_texts.KEYRING_UNAVAILABLE


def test_check_mode_of_the_tool_passes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


#: words of the German UI that the glossary (SPEC section 2) spells otherwise
OFF_GLOSSARY = {
    "Rechtegruppe": "Rechte-Gruppe",
    "Untermandant": "Tochtermandant",
}


def test_the_german_texts_keep_to_the_glossary() -> None:
    """E1, SPEC section 2: one German word for one thing. The rights-naming settings said
    "Rechtegruppe" beside "Rechte-Gruppe" everywhere else, and the tenants page "Untermandanten"
    beside its own button "Auf Tochtermandanten übertragen"."""
    offenders = [
        f"{word} (say {right}): {german}"
        for entry in tool.read_entries(tool.TS_PATH)
        for german in entry.forms or (entry.translation,)
        for word, right in OFF_GLOSSARY.items()
        if word in german
    ]
    assert not offenders, "German off the glossary:\n" + "\n".join(offenders)


def test_no_message_sits_in_the_nameless_context() -> None:
    """E1: a module-level helper named ``tr`` calling ``tr("…")`` is read by lupdate as context "",
    while the program asks ``translate("AssignmentsPage", …)``; such texts stayed English (the
    question before a role is removed on the assignment and org-unit pages)."""
    nameless = [entry.source for entry in tool.read_entries(tool.TS_PATH) if not entry.context]
    assert not nameless, "texts without a context (never found at run time):\n" + "\n".join(nameless)


def test_the_role_removal_question_is_german(language: object) -> None:
    """A1, A7, E1: the confirmation of "×" on a role chip speaks German, the last-role warning too."""
    from uihelpers import FakeInteraction

    from mandant_desktop.services.assignments import Chip, GridUser
    from mandant_desktop.ui import interaction
    from mandant_desktop.ui.assignments.page import ask_role_removal

    language.choose("de")  # type: ignore[attr-defined]
    fake = FakeInteraction()
    user = GridUser(7, "Mia Maier", "mmaier", None)
    with interaction.installed(fake):
        ask_role_removal(None, user, "Vertrieb", Chip(3, "Leser"), last=True)  # type: ignore[arg-type]
    (question,) = fake.messages
    assert question.title == "Rolle entfernen"
    assert question.text.startswith("Die Rolle „Leser“ von „Mia Maier“ in „Vertrieb“ entfernen?")
    assert "Dies ist die letzte Rolle von „Mia Maier“: Danach hat" in question.text


def test_a_moment_reads_am_date_and_time() -> None:
    """S4, E1: {when} is a date and a time ("03.12.2026 21:59"); German says "am 03.12.2026 21:59".
    The conflict message of a stale save said "um 03.12.2026 21:59", unlike the undo messages."""
    wrong = [
        german
        for entry in tool.read_entries(tool.TS_PATH)
        for german in entry.forms or (entry.translation,)
        if "{when}" in german and "am {when}" not in german
    ]
    assert not wrong, "\n".join(wrong)
