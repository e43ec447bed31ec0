"""Migration 0003_users: roles that configure mail may read the outbox (SPEC U4, S9)."""

from __future__ import annotations

from pathlib import Path

from dbhelpers import database_at_revision
from sqlalchemy import select, text

from mandant_desktop.db.engine import create_engine_for
from mandant_desktop.db.migrate import upgrade_database
from mandant_desktop.db.models import RolePermission


def test_roles_with_smtp_rights_receive_the_outbox_permission(tmp_path: Path) -> None:
    """S9: on a database made before the users feature, a role that may configure the e-mail server
    can read the outbox after the upgrade; other roles cannot."""
    with database_at_revision("sqlite", "0002_exact_keys", tmp_path) as url:
        _upgrade_and_check(url, tmp_path)


def _upgrade_and_check(url: str, tmp_path: Path) -> None:
    engine = create_engine_for(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO permission (code, scope, area, sort_order) "
                    "VALUES ('settings.smtp', 'admin', 'settings', 1)"
                )
            )
            for role_id, name in ((1, "Mailadmin"), (2, "Leser")):
                conn.execute(
                    text(
                        "INSERT INTO role (id, name, name_key, description, created_at, version) "
                        "VALUES (:id, :name, :key, '', '2026-01-01', 1)"
                    ),
                    {"id": role_id, "name": name, "key": name.lower()},
                )
            conn.execute(text("INSERT INTO role_permission (role_id, permission_code) VALUES (1, 'settings.smtp')"))
        upgrade_database(engine, backup_dir=tmp_path)
        with engine.connect() as conn:
            holders = (
                conn.execute(select(RolePermission.role_id).where(RolePermission.permission_code == "mail.view"))
                .scalars()
                .all()
            )
        assert 1 in holders and 2 not in holders
    finally:
        engine.dispose()
