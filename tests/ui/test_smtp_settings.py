"""The e-mail section of the settings page (SPEC U4): saved settings, a real test mail, the keyring."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGroupBox
from uihelpers import FakeInteraction

from mandant_desktop.ui import tasks
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings_page.smtp import SmtpSection


class Collected:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Collected]]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    handler = Collected()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def smtp_section(window: MainWindow) -> SmtpSection:
    assert window.show_page("settings")
    section = window.current_page().findChild(QGroupBox, "smtpSettings")  # type: ignore[union-attr]
    assert isinstance(section, SmtpSection)
    return section


def sent_off_the_gui_thread(section: SmtpSection) -> None:
    """S5, E3: wait for "Send test mail", which talks to the server on a worker."""
    deadline = time.monotonic() + 20
    while section.test_task is not None and tasks.runner().active():
        assert time.monotonic() < deadline, "the test mail was not sent within 20 s"
        QTest.qWait(10)


def local_server_typed_in(window: MainWindow, port: int) -> SmtpSection:
    """The settings page's e-mail section with the test server on ``port`` typed in, not saved."""
    section = smtp_section(window)
    section.host.setText("127.0.0.1")
    section.security.setCurrentIndex(section.security.findData("none"))
    section.port.setValue(port)
    section.sender_edit.setText("noreply@example.de")
    return section


def test_send_test_mail_through_a_real_server(
    window: MainWindow, interactions: FakeInteraction, smtp_server: tuple[int, Collected]
) -> None:
    """U4: the operator enters the server, saves, and "Send test mail" delivers at once."""
    port, collected = smtp_server
    section = local_server_typed_in(window, port)
    interactions.text_answers.append("pruefer@example.de")
    section.test_button.click()
    sent_off_the_gui_thread(section)
    assert section.message.text() == "The test mail has been sent to pruefer@example.de."
    [mail] = collected.messages
    assert mail["To"] == "pruefer@example.de" and mail["Subject"] == "Test mail from Mandant Desktop"
    services = window.context.app.services
    assert services.mail.smtp_settings(window.context.operator).port == port


def test_bad_input_is_said_in_words_and_no_keyring_is_reported(window: MainWindow) -> None:
    """U4, S6: a server without a sender is refused under the form; with no keyring the password
    cannot be stored and the form says why instead of failing."""
    section = smtp_section(window)
    section.host.setText("mail.example.de")
    assert not section.save()
    assert section.message.is_error and "sender address" in section.message.text()
    section.sender_edit.setText("noreply@example.de")
    section.password.setText("geheim")
    assert not section.save()
    assert "cannot be saved" in section.message.text()
    section.password.clear()
    assert section.save() and section.message.text() == "Saved."
    assert section.password.placeholderText() == "not stored"


def test_settings_saved_elsewhere_meanwhile_show_the_conflict(
    window: MainWindow, interactions: FakeInteraction
) -> None:
    """S4, U4, C3: SMTP settings and the naming pattern saved on another workstation while the page
    was open: the save is refused with the conflict dialog (the input listed), nothing is
    overwritten, and "Reload" brings the other change into the form."""
    from mandant_desktop.domain.rights_group_names import Element, NamingPattern
    from mandant_desktop.services.mail import AccountSettings, SmtpSettings
    from mandant_desktop.services.operator import system_operator
    from mandant_desktop.ui.settings_page.page import SettingsPage

    section = smtp_section(window)
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    services, other = window.context.app.services, system_operator("kollege")
    services.mail.save_settings(
        other,
        SmtpSettings(host="mail.kollege.de", sender="k@example.de"),
        AccountSettings(),
        expected_version=services.mail.settings_version(other),
    )
    section.host.setText("mail.meins.de")
    section.sender_edit.setText("m@example.de")
    interactions.reload_answer = True
    assert not section.save()
    [conflict] = interactions.of_kind("conflict")
    assert "kollege" in conflict.text and ("SMTP server", "mail.meins.de") in interactions.conflict_inputs[0]
    assert services.mail.smtp_settings(other).host == "mail.kollege.de"
    assert section.host.text() == "mail.kollege.de"  # reloaded
    section.sender_edit.setText("m@example.de")
    assert section.save() and services.mail.smtp_settings(other).sender == "m@example.de"

    naming = page.naming_section
    _, version = services.rights_naming.pattern_and_version(other)
    services.rights_naming.save(other, NamingPattern("X", Element.NAME, Element.NUMBER), expected_version=version)
    naming.prefix_edit.setText("Y")
    interactions.reload_answer = False
    naming.save_button.click()
    assert len(interactions.of_kind("conflict")) == 2
    assert services.rights_naming.pattern(other).prefix == "X"
    assert naming.prefix_edit.text() == "Y"  # the input stays when the user keeps it


def test_a_test_mail_kept_in_the_outbox_stores_the_language_it_was_written_in(
    window: MainWindow, interactions: FakeInteraction, language: LanguageManager
) -> None:
    """U4, E1: without an e-mail server the test mail is kept in the outbox, written in the
    operator's language, and the outbox stores that language with it."""
    language.choose("de")
    section = smtp_section(window)
    interactions.text_answers.append("pruefer@example.de")
    section.test_button.click()
    sent_off_the_gui_thread(section)
    services, operator = window.context.app.services, window.context.operator
    [mail] = services.mail.outbox_page(operator, 0, 10)
    assert (mail.subject, mail.language) == ("Test-E-Mail von Mandant Desktop", "de")


def test_e_mail_settings_saved_elsewhere_get_their_own_conflict_report(
    window: MainWindow, interactions: FakeInteraction, language: LanguageManager
) -> None:
    """S4, U4, E1: the e-mail section's conflict says what was saved elsewhere (the e-mail
    settings, who, when) and that a typed password was not stored either, in German; the dialog
    lists the input beside the settings saved now, as the form shows them (the security by its
    name), the password never; the message stays under the form."""
    from mandant_desktop.services.mail import AccountSettings, SmtpSettings
    from mandant_desktop.services.operator import system_operator

    language.choose("de")
    section = smtp_section(window)
    services, other = window.context.app.services, system_operator("kollege")
    services.mail.save_settings(
        other,
        SmtpSettings(host="mail.kollege.de", port=465, security="ssl", sender="k@example.de"),
        AccountSettings(password_min_length=12),
        expected_version=services.mail.settings_version(other),
    )
    section.host.setText("mail.meins.de")
    section.sender_edit.setText("m@example.de")
    section.password.setText("geheim-123")
    interactions.reload_answer = False
    assert not section.save()
    [conflict] = interactions.of_kind("conflict")
    assert conflict.text.startswith("kollege hat die E-Mail-Einstellungen am ")
    assert "nicht einmal ein eingegebenes Passwort" in conflict.text
    assert section.message.text() == conflict.text
    inputs, stored = interactions.conflict_inputs[0], interactions.conflict_stored[0]
    assert stored is not None
    side_by_side = {label: (typed, now) for (label, typed), now in zip(inputs, stored, strict=True)}
    assert side_by_side["SMTP-Server"] == ("mail.meins.de", "mail.kollege.de")
    assert side_by_side["Verschlüsselung"][1] == "SSL/TLS"
    assert side_by_side["Mindestlänge des Passworts"][1] == "12"
    assert not any("geheim-123" in typed for typed, _ in side_by_side.values())
    assert section.password.text() == "geheim-123"  # kept in the form, not stored
    assert services.mail.smtp_settings(other).host == "mail.kollege.de"
    assert not services.mail.has_smtp_password()


def test_saving_twice_in_a_row_is_no_conflict_with_oneself(
    window: MainWindow, interactions: FakeInteraction, smtp_server: tuple[int, Collected]
) -> None:
    """S4, U4, C3: Save, then "Send test mail" (which saves first) or Save again: the second save
    goes through. The form knew only the version it had read, so the operator's own first save
    was taken for another workstation's and every later save was refused until a reload."""
    from mandant_desktop.ui.settings_page.page import SettingsPage

    port, collected = smtp_server
    section = local_server_typed_in(window, port)
    assert section.save()
    interactions.text_answers.append("pruefer@example.de")
    section.test_button.click()
    sent_off_the_gui_thread(section)
    assert section.message.text() == "The test mail has been sent to pruefer@example.de."
    assert len(collected.messages) == 1
    section.sender_edit.setText("verwaltung@example.de")
    assert section.save()
    assert not interactions.of_kind("conflict")

    page = window.current_page()
    assert isinstance(page, SettingsPage)
    naming = page.naming_section
    naming.prefix_edit.setText("Y")
    naming.save_button.click()
    naming.prefix_edit.setText("Z")
    naming.save_button.click()
    assert not interactions.of_kind("conflict") and not interactions.of_kind("error")
    services = window.context.app.services
    assert services.rights_naming.pattern(window.context.operator).prefix == "Z"


def test_a_server_that_does_not_answer_leaves_the_window_usable(
    window: MainWindow, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, E3, U4: "Send test mail" talks to the server on a worker, with a progress note; the
    window answers meanwhile. A server that did not answer froze the window for the mail service's
    whole timeout (15 s), with no word of what was going on. Its refusal is said under the form."""
    from mandant_desktop.domain.errors import DomainError

    services = window.context.app.services
    answer = threading.Event()

    def slow_server(*_args: object, **_kwargs: object) -> None:
        answer.wait(10)
        raise DomainError("The e-mail server {host} did not answer.", host="mail.example.de")

    monkeypatch.setattr(services.mail, "send_test_mail", slow_server)
    section = local_server_typed_in(window, 2525)
    interactions.text_answers.append("pruefer@example.de")
    section.test_button.click()  # returns while the server is being waited for
    assert not answer.is_set() and section.test_task is not None and tasks.runner().active()
    QTest.qWait(50)  # the event loop runs: the window answers
    answer.set()
    sent_off_the_gui_thread(section)
    assert section.message.is_error and "did not answer" in section.message.text()


def test_the_language_of_the_mails_is_chosen_for_every_workstation(
    window: MainWindow, interactions: FakeInteraction, language: LanguageManager
) -> None:
    """U2, U4, E1: the e-mail section offers the language of the mails (German on a German
    screen: "Die des Bearbeiters, der sie versendet", "Deutsch", "Englisch"); saved as German, a
    user added on an English screen gets a German activation mail, and the outbox says so."""
    from mandant_desktop.services.users import NewUser
    from mandant_desktop.ui.mail_texts import translate_mail

    language.choose("de")
    section = smtp_section(window)
    choices = [section.mail_language.itemText(row) for row in range(section.mail_language.count())]
    assert choices == ["Die des Bearbeiters, der sie versendet", "Deutsch", "Englisch"]
    assert section.mail_language.currentData() == ""
    section.mail_language.setCurrentIndex(section.mail_language.findData("de"))
    assert section.save() and section.message.text() == "Gespeichert."
    language.choose("en")
    QTest.qWait(10)  # the LanguageChange events are posted
    assert section.mail_language.currentText() == "German"
    services, operator = window.context.app.services, window.context.operator
    assert services.mail.account_settings(operator).mail_language == "de"
    new = NewUser(username="mia", email="mia@example.de", first_name="Mia", last_name="Muster")
    services.users.create(operator, new, translate=translate_mail)  # as the users page does
    [mail] = services.mail.outbox_page(operator, 0, 10)
    assert (mail.subject, mail.language) == ("Aktivieren Sie Ihr Konto", "de")
    assert mail.body.startswith("Guten Tag Mia Muster,")
    assert not interactions.of_kind("error")
