"""The predefined roles carry German names and descriptions.

Revision ID: 0004_german_role_names
Revises: 0003_users
Create Date: 2026-11-22

Databases made before this revision received the six predefined roles with English names
("Reader", "Editor" …), which the German UI then showed in English. A role that still has its
shipped English name and description is renamed here; a role its users renamed, or whose German
name another role already holds, is left as it is.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_german_role_names"
down_revision: str | Sequence[str] | None = "0003_users"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_role = sa.table(
    "role",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("name_key", sa.String),
    sa.column("description", sa.String),
    sa.column("predefined_key", sa.String),
)

#: key → (English name, English description, German name, German description), as shipped
_NAMES: dict[str, tuple[str, str, str, str]] = {
    "administrator": (
        "Administrator",
        "Everything, including roles and settings.",
        "Administrator",
        "Alles, auch Rollen und Einstellungen.",
    ),
    "data_protection_officer": (
        "Data protection officer",
        "Reads everything, exports personal data and the audit log.",
        "Datenschutzbeauftragte",
        "Liest alles, exportiert personenbezogene Daten und das Änderungsprotokoll.",
    ),
    "editor": (
        "Editor",
        "Maintains customers, contacts and distribution lists.",
        "Redakteur",
        "Pflegt Kunden, Kontakte und Verteiler.",
    ),
    "author": (
        "Author",
        "Creates and edits contacts and templates.",
        "Autor",
        "Legt Kontakte und Vorlagen an und bearbeitet sie.",
    ),
    "reader": ("Reader", "Reads customers and contacts.", "Leser", "Liest Kunden und Kontakte."),
    "auditor": (
        "Auditor",
        "Reads and exports the audit log.",
        "Auditor",
        "Liest und exportiert das Änderungsprotokoll.",
    ),
}


def _key(name: str) -> str:
    # the same case-insensitive form as domain.validation.name_key, frozen here with the migration
    return " ".join(name.split()).casefold()


def _rename(pick: int, put: int) -> None:
    bind = op.get_bind()
    for key, texts in _NAMES.items():
        old_name, old_description, new_name, new_description = texts[pick], texts[pick + 1], texts[put], texts[put + 1]
        holder = bind.execute(sa.select(_role.c.id).where(_role.c.name_key == _key(new_name))).scalar()
        values: dict[str, str] = {}
        row = bind.execute(
            sa.select(_role.c.id, _role.c.name, _role.c.description).where(_role.c.predefined_key == key)
        ).first()
        if row is None:
            continue
        if row.name == old_name and holder in (None, row.id):
            values.update(name=new_name, name_key=_key(new_name))
        if row.description == old_description:
            values["description"] = new_description
        if values:
            bind.execute(_role.update().where(_role.c.id == row.id).values(**values))


def upgrade() -> None:
    _rename(0, 2)


def downgrade() -> None:
    _rename(2, 0)
