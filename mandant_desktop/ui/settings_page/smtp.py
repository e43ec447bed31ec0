"""The e-mail section of the settings page (SPEC U2, U4): SMTP server, activation link, password
policy, and the language every mail is written in (E1).

The settings belong to the database (every workstation sends the same way); the SMTP password goes
to the OS keyring of this workstation only. "Send test mail" sends at once and says what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mandant_desktop.domain import mail_texts
from mandant_desktop.domain.errors import ConflictError, DomainError
from mandant_desktop.services.mail import SECURITY_CHOICES, AccountSettings, MailStatus, SmtpSettings
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.conflict_dialog import dialog_inputs, report_stale_save
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.forms import MessageLabel, line_edit, password_edit, text_width
from mandant_desktop.ui.mail_texts import translate_mail
from mandant_desktop.ui.page import PageContext

_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class SmtpSection(QGroupBox):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtpSettings")
        self.context = context
        self._mail = context.app.services.mail
        self.host = line_edit("smtpHost", max_length=253)
        self.port = QSpinBox()
        self.port.setObjectName("smtpPort")
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        self.security.setObjectName("smtpSecurity")
        for choice in SECURITY_CHOICES:
            self.security.addItem("", choice)
        self.username = line_edit("smtpUser", max_length=254)
        self.password = password_edit("smtpPassword")
        self.sender_edit = line_edit("smtpSender", max_length=254)
        self.portal_url = line_edit("activationPortalUrl", max_length=500)
        self.min_length = QSpinBox()
        self.min_length.setObjectName("passwordMinLength")
        self.min_length.setRange(6, 64)
        self.mail_language = QComboBox()
        self.mail_language.setObjectName("mailLanguage")
        for choice in ("", *mail_texts.MAIL_LANGUAGES):
            self.mail_language.addItem("", choice)
        self.save_button = QPushButton()
        self.save_button.setObjectName("smtpSaveButton")
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton()
        self.test_button.setObjectName("smtpTestButton")
        self.test_button.clicked.connect(self.send_test)
        self.message = MessageLabel("smtpMessage")
        self.version = (0, 0)
        self.test_task: tasks.Task[MailStatus] | None = None
        self._labels = [QLabel() for _ in range(9)]
        form = QFormLayout(self)
        fields = (
            self.host,
            self.port,
            self.security,
            self.username,
            self.password,
            self.sender_edit,
            self.portal_url,
            self.min_length,
            self.mail_language,
        )
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.security.currentIndexChanged.connect(self._security_changed)
        editable = context.operator.can("settings.smtp")
        for widget in (*fields, self.save_button, self.test_button):
            widget.setEnabled(editable)
        self.setMaximumWidth(text_width(self, 120))
        self.retranslateUi()
        self.load()

    def load(self) -> None:
        # The version first: a change saved between the reads then conflicts rather than being lost (S4).
        version = run_action(self, self._mail.settings_version, self.context.current_operator())
        smtp = run_action(self, self._mail.smtp_settings, self.context.current_operator())
        account = run_action(self, self._mail.account_settings, self.context.current_operator())
        if version is None or smtp is None or account is None:
            return
        self.version = version
        self.host.setText(smtp.host)
        self.security.blockSignals(True)
        self.security.setCurrentIndex(max(0, self.security.findData(smtp.security)))
        self.security.blockSignals(False)
        self.port.setValue(smtp.port)
        self.username.setText(smtp.username)
        self.sender_edit.setText(smtp.sender)
        self.portal_url.setText(account.portal_url)
        self.min_length.setValue(account.password_min_length)
        self.mail_language.setCurrentIndex(max(0, self.mail_language.findData(account.mail_language)))
        self.password.clear()
        self._password_hint()

    def _password_hint(self) -> None:
        try:
            stored = self._mail.has_smtp_password()
        except Exception:  # a broken keyring backend must not break the settings page
            stored = False
        self.password.setPlaceholderText(
            self.tr("stored in the keyring; type to replace") if stored else self.tr("not stored")
        )

    def _security_changed(self, index: int) -> None:
        if self.port.value() in _PORTS.values():
            self.port.setValue(_PORTS.get(str(self.security.itemData(index)), 587))

    def settings(self) -> tuple[SmtpSettings, AccountSettings]:
        return (
            SmtpSettings(
                host=self.host.text(),
                port=self.port.value(),
                security=str(self.security.currentData()),
                username=self.username.text(),
                sender=self.sender_edit.text(),
            ),
            AccountSettings(
                portal_url=self.portal_url.text(),
                password_min_length=self.min_length.value(),
                mail_language=str(self.mail_language.currentData() or ""),
            ),
        )

    def save(self) -> bool:
        smtp, account = self.settings()
        password = self.password.text() or None
        try:
            self.version = self._mail.save_settings(
                self.context.current_operator(), smtp, account, expected_version=self.version, password=password
            )
        except ConflictError as exc:
            # S4: who saved the settings and when; the input beside what is saved now, "Reload"
            # reads them again (the form keeps the input otherwise).
            report_stale_save(self, self.message.show_error, exc, compared=self._input_and_stored)
            return False
        except DomainError as exc:
            self.message.show_error(message_for(exc))
            return False
        self.message.show_info(self.tr("Saved."))
        self.password.clear()
        self._password_hint()
        return True

    def _input_and_stored(self) -> tuple[list[tuple[str, str]], list[str] | None]:
        """The form's input (the password never shows) and, row by row, the settings saved now as
        the form would show them; without the stored column when they cannot be read."""
        inputs = dialog_inputs(self)
        operator = self.context.current_operator()
        try:
            smtp, account = self._mail.smtp_settings(operator), self._mail.account_settings(operator)
        except DomainError:
            return inputs, None
        security = self.security.itemText(max(0, self.security.findData(smtp.security)))
        stored = [smtp.host, str(smtp.port), security, smtp.username, smtp.sender, account.portal_url]
        stored.append(str(account.password_min_length))
        stored.append(self.mail_language.itemText(max(0, self.mail_language.findData(account.mail_language))))
        if len(stored) != len(inputs):
            return inputs, None
        return inputs, stored

    def send_test(self) -> None:
        if not self.save():
            return
        recipient = interaction.get().ask_text(
            self,
            self.tr("Send test mail"),
            self.tr("Send a test mail to:"),
            text=self.sender_edit.text(),
        )
        if not recipient:
            return
        # On a worker with a progress note (S5, E3): a server that does not answer holds the
        # connection up to the mail service's timeout, and the window stayed frozen that long.
        self.test_task = tasks.run_with_progress(
            self,
            self.tr("Send test mail"),
            self.tr("Sending the test mail to %1…").replace("%1", recipient),
            self._mail.send_test_mail,
            self.context.current_operator(),
            recipient,
            subject=translate_mail(mail_texts.TEST_SUBJECT),
            body=translate_mail(mail_texts.TEST_BODY),
            language=mail_texts.language_of(translate_mail),
            on_done=lambda status: self._test_mail_outcome(recipient, status),
            on_error=lambda exc: self.message.show_error(message_for(exc)),
            writes=True,
            reports=False,
            shows_error=True,
        )

    def _test_mail_outcome(self, recipient: str, status: MailStatus) -> None:
        if status == MailStatus.SENT:
            self.message.show_info(self.tr("The test mail has been sent to %1.").replace("%1", recipient))
        else:
            self.message.show_info(self.tr("No e-mail server is set up: the test mail is in the outbox."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("E-mail and account activation"))
        texts = (
            self.tr("SMTP se&rver:"),
            self.tr("P&ort:"),
            self.tr("Securit&y:"),
            self.tr("SMTP &user:"),
            self.tr("SMTP pass&word:"),
            self.tr("Sen&der address:"),
            self.tr("&Activation page:"),
            self.tr("&Minimum password length:"),
            self.tr("La&nguage of the mails:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        names = {
            "starttls": self.tr("STARTTLS"),
            "ssl": self.tr("SSL/TLS"),
            "none": self.tr("None (only inside a trusted network)"),
        }
        for row, choice in enumerate(SECURITY_CHOICES):
            self.security.setItemText(row, names[choice])
        languages = {
            "": self.tr("That of the operator who sends them"),
            "de": self.tr("German"),
            "en": self.tr("English"),
        }
        for row in range(self.mail_language.count()):
            self.mail_language.setItemText(row, languages[str(self.mail_language.itemData(row))])
        self.mail_language.setToolTip(
            self.tr(
                "Activation links and confirmations go out in this language, whichever workstation sends them. "
                "The test mail goes to you and is written in your language."
            )
        )
        self.host.setPlaceholderText(self.tr("empty: mails are kept in the outbox"))
        self.portal_url.setToolTip(
            self.tr("The page of the customer portal that activation links open; the token is added to it.")
        )
        self.save_button.setText(self.tr("Save e-ma&il settings"))
        self.test_button.setText(self.tr("Send &test mail…"))
        self._password_hint()
