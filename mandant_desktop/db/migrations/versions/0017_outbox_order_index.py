"""An index for the outbox's order, newest first (SPEC U4, section 8; issue 8).

Revision ID: 0017_outbox_order_index
Revises: 0016_outbox_mail_language
Create Date: 2026-12-03

The outbox lists mails by ``created_at`` and ``id``, newest first, a window at a time. Every mail
the program writes stays there, so it grows with the users (each activation, resend and
confirmation); without an index each window sorted all mails: at 100,000 mails 20-34 ms for the
first window and 37-69 ms at offset 50,000 (SQLite / PostgreSQL), on the GUI thread. Mails are
written seldom, so the index costs nothing that matters.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017_outbox_order_index"
down_revision: str | Sequence[str] | None = "0016_outbox_mail_language"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_outbox_mail_created_at", "outbox_mail", ["created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_mail_created_at", table_name="outbox_mail")
