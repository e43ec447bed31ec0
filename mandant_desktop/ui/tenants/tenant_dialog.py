"""Tenant properties: name, parent, kind (inner / separate with its database), newsroom, active
(SPEC T1, T5, T6, T11)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mandant_desktop.domain.tenants import descendants
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantInput, TenantKind, TenantRow, TenantService
from mandant_desktop.ui.forms import line_edit, open_at_least, password_edit
from mandant_desktop.ui.tenants.form_dialog import FormDialog


class TenantDialog(FormDialog):
    """New tenant (``tenant`` None) or the properties of one; ``saved_id`` after OK."""

    def __init__(
        self,
        service: TenantService,
        operator: Operator,
        tenants: list[TenantRow],
        tenant: TenantRow | None = None,
        *,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tenantDialog")
        self._service = service
        self._operator = operator
        self._tenant = tenant
        self._sub_tenant = tenant is None and parent_id is not None
        self.saved_id: int | None = None

        self.name_edit = line_edit("tenantNameEdit", max_length=100)
        self.parent_combo = QComboBox()
        self.parent_combo.setObjectName("tenantParentCombo")
        self.parent_combo.addItem("", None)
        below = set(descendants({t.id: t.parent_id for t in tenants}, tenant.id)) if tenant else set()
        for candidate in tenants:
            if tenant is not None and (candidate.id == tenant.id or candidate.id in below):
                continue
            if candidate.editable:
                self.parent_combo.addItem(candidate.name, candidate.id)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("tenantKindCombo")
        self.kind_combo.addItem("", TenantKind.INNER.value)
        self.kind_combo.addItem("", TenantKind.SEPARATE.value)
        self.url_edit = line_edit("tenantDatabaseUrlEdit", max_length=500)
        self.password_edit = password_edit("tenantDatabasePasswordEdit")
        self.url_note = QLabel()
        self.url_note.setWordWrap(True)
        self.newsroom_edit = line_edit("tenantNewsroomEdit", max_length=100)
        self.slug_edit = line_edit("tenantSlugEdit", max_length=100)
        self.active_box = QCheckBox()
        self.active_box.setObjectName("tenantActiveCheckBox")
        self.active_box.setChecked(True)

        self._labels = [QLabel() for _ in range(7)]
        rows: list[QWidget] = [
            self.name_edit,
            self.parent_combo,
            self.kind_combo,
            self.url_edit,
            self.password_edit,
            self.newsroom_edit,
            self.slug_edit,
        ]
        for label, widget in zip(self._labels, rows, strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.form.addRow("", self.active_box)
        # Below the form, not in it: a form row gives a wrapped label no height for its lines.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.url_note)
        self.fields = {
            "tenant name": self.name_edit,
            "parent": self.parent_combo,
            "database": self.url_edit,
            "database password": self.password_edit,
            "newsroom name": self.newsroom_edit,
            "newsroom slug": self.slug_edit,
        }
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        if tenant is not None:
            self.name_edit.setText(tenant.name)
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(tenant.parent_id)))
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(tenant.kind.value)))
            self.url_edit.setText(tenant.database_url or "")
            self.newsroom_edit.setText(tenant.newsroom_name or "")
            self.slug_edit.setText(tenant.newsroom_slug or "")
            self.active_box.setChecked(tenant.active)
            # A separate tenant's data lives in its database: it stays where it is.
            self.kind_combo.setEnabled(tenant.kind is TenantKind.INNER)
            self.url_edit.setReadOnly(tenant.kind is TenantKind.SEPARATE)
        elif parent_id is not None:
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent_id)))
        open_at_least(self, 93)
        self._kind_changed()
        # S1: without tenants.edit, or without full access to the tenant, the properties are shown,
        # not edited: read-only inputs and no OK button (the service refuses a save regardless).
        self.read_only = tenant is not None and not (operator.can("tenants.edit") and tenant.editable)
        if self.read_only:
            for edit in (self.name_edit, self.url_edit, self.newsroom_edit, self.slug_edit):
                edit.setReadOnly(True)
            for widget in (self.parent_combo, self.kind_combo, self.password_edit, self.active_box):
                widget.setEnabled(False)
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            if ok is not None:
                ok.hide()
        self.retranslateUi()

    def _separate(self) -> bool:
        return bool(self.kind_combo.currentData() == TenantKind.SEPARATE.value)

    def _kind_changed(self) -> None:
        separate = self._separate()
        for widget in (self.url_edit, self.password_edit, self.url_note):
            widget.setVisible(separate)
        for label in self._labels[3:5]:
            label.setVisible(separate)
        self.resize(
            self.width(), self.heightForWidth(self.width()) if self.hasHeightForWidth() else self.sizeHint().height()
        )

    def data(self) -> TenantInput:
        return TenantInput(
            name=self.name_edit.text(),
            parent_id=self.parent_combo.currentData(),
            kind=TenantKind(self.kind_combo.currentData()),
            database_url=self.url_edit.text() if self._separate() else "",
            database_password=self.password_edit.text() or None,
            newsroom_name=self.newsroom_edit.text(),
            newsroom_slug=self.slug_edit.text(),
            active=self.active_box.isChecked(),
        )

    def save(self) -> None:
        if self._tenant is None:
            self.saved_id = self._service.create_tenant(self._operator, self.data())
        else:
            self._service.update_tenant(self._operator, self._tenant.id, self._tenant.version, self.data())
            self.saved_id = self._tenant.id

    def retranslateUi(self) -> None:
        if self._tenant is not None:
            self.setWindowTitle(self.tr("Tenant properties"))
        else:
            self.setWindowTitle(self.tr("New sub-tenant") if self._sub_tenant else self.tr("New tenant"))
        texts = (
            self.tr("&Name:"),
            self.tr("&Main tenant:"),
            self.tr("&Kind:"),
            self.tr("&Database:"),
            self.tr("&Password:"),
            self.tr("News&room name:"),
            self.tr("Newsroom &slug:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.parent_combo.setItemText(0, self.tr("(none: a main tenant)"))
        self.kind_combo.setItemText(0, self.tr("Inner tenant (data in this database)"))
        self.kind_combo.setItemText(1, self.tr("Separate tenant (data in its own database)"))
        self.url_note.setText(
            self.tr(
                "A SQLite file or a PostgreSQL / MariaDB database; it is created and set up when you save. "
                "The password is kept only in the system's password store."
            )
        )
        self.active_box.setText(self.tr("&Active"))
        self.url_edit.setPlaceholderText(self.tr("e.g. postgresql://mandant@db.example.org/client_x or a file path"))
        self.slug_edit.setPlaceholderText(self.tr("e.g. press-north"))
