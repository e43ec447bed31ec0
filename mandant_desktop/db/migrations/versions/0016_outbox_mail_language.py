"""The outbox keeps the language each mail was written in (SPEC U4, E1).

Revision ID: 0016_outbox_mail_language
Revises: 0015_user_sort_indexes
Create Date: 2026-12-03

A mail goes out in the language of the operator who caused it. The outbox told that language from
the subject, which differs for each kind of mail and language; a new mail now stores it. Mails
written before are given the language their subject tells, with the subjects as the program wrote
them when this revision was made (a later change of a text must not change what this revision
does); a mail whose subject is none of them keeps no language.

No grant is needed on PostgreSQL: the application role's rights are on the table, new columns
included; its row security does not look at this column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_outbox_mail_language"
down_revision: str | Sequence[str] | None = "0015_user_sort_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the subjects of the mails the program wrote, by language (domain/mail_texts.py and its German
#: catalogue at this revision)
SUBJECTS: dict[str, tuple[str, ...]] = {
    "de": ("Aktivieren Sie Ihr Konto", "Ihr Konto ist aktiv", "Test-E-Mail von Mandant Desktop"),
    "en": ("Activate your account", "Your account is active", "Test mail from Mandant Desktop"),
}


def upgrade() -> None:
    op.add_column("outbox_mail", sa.Column("language", sa.String(length=16), nullable=True))
    outbox = sa.table("outbox_mail", sa.column("subject", sa.String()), sa.column("language", sa.String()))
    for language, subjects in SUBJECTS.items():
        op.execute(
            outbox.update().where(outbox.c.subject.in_(subjects), outbox.c.language.is_(None)).values(language=language)
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox_mail") as batch:
        batch.drop_column("language")
