"""Initial schema: every table of models.py (SPEC sections 3 to 6).

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22

Written out in full rather than derived from the models at run time, so that later changes to the
models never change what this revision creates. Enumerations are short strings with a named CHECK,
exactly as the models declare them (``native_enum=False``), so the schema is the same on all three
backends.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("operator_name", sa.String(length=100), nullable=False),
        sa.Column("workstation", sa.String(length=255), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=True),
        sa.Column("object_type", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index("ix_audit_log_object", "audit_log", ["object_type", "object_id"], unique=False)
    op.create_index(op.f("ix_audit_log_tenant_id"), "audit_log", ["tenant_id"], unique=False)
    op.create_table(
        "deleted_customer_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deleted_customer_number")),
    )
    op.create_index(op.f("ix_deleted_customer_number_number"), "deleted_customer_number", ["number"], unique=False)
    op.create_table(
        "org_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["org_unit.id"], name=op.f("fk_org_unit_parent_id_org_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit")),
    )
    op.create_index(op.f("ix_org_unit_parent_id"), "org_unit", ["parent_id"], unique=False)
    op.create_table(
        "outbox_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("error", sa.String(length=1000), nullable=True),
        sa.CheckConstraint("status IN ('queued', 'sent', 'failed', 'outbox')", name=op.f("ck_outbox_mail_mail_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_mail")),
    )
    op.create_table(
        "permission",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=24), nullable=False),
        sa.Column("area", sa.String(length=64), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint("scope IN ('admin', 'portal')", name=op.f("ck_permission_permission_scope")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_permission")),
    )
    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("predefined_key", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role")),
        sa.UniqueConstraint("name_key", name=op.f("uq_role_name_key")),
        sa.UniqueConstraint("predefined_key", name=op.f("uq_role_predefined_key")),
    )
    op.create_table(
        "tenant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("database_url", sa.String(length=500), nullable=True),
        sa.Column("newsroom_name", sa.String(length=100), nullable=True),
        sa.Column("newsroom_slug", sa.String(length=100), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["tenant.id"], name=op.f("fk_tenant_parent_id_tenant"), ondelete="RESTRICT"
        ),
        sa.CheckConstraint("kind IN ('inner', 'separate')", name=op.f("ck_tenant_tenant_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenant")),
        sa.UniqueConstraint("name_key", name=op.f("uq_tenant_name_key")),
        sa.UniqueConstraint("newsroom_slug", name=op.f("uq_tenant_newsroom_slug")),
    )
    op.create_index(op.f("ix_tenant_parent_id"), "tenant", ["parent_id"], unique=False)
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=False),
        sa.Column("remote_access", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("is_agency", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("quota_mb", sa.Integer(), nullable=True),
        sa.Column("default_agency_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint("quota_mb IS NULL OR quota_mb >= 0", name=op.f("ck_customer_quota_non_negative")),
        sa.ForeignKeyConstraint(
            ["default_agency_id"],
            ["customer.id"],
            name=op.f("fk_customer_default_agency_id_customer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_customer_tenant_id_tenant"), ondelete="RESTRICT"
        ),
        sa.CheckConstraint("status IN ('active', 'deactivated')", name=op.f("ck_customer_customer_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer")),
        sa.UniqueConstraint("number", name=op.f("uq_customer_number")),
    )
    op.create_index(op.f("ix_customer_default_agency_id"), "customer", ["default_agency_id"], unique=False)
    op.create_index("ix_customer_name", "customer", ["name"], unique=False)
    op.create_index("ix_customer_short_name", "customer", ["short_name"], unique=False)
    op.create_index(op.f("ix_customer_tenant_id"), "customer", ["tenant_id"], unique=False)
    op.create_table(
        "distribution_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_distribution_list_tenant_id_tenant"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution_list")),
    )
    op.create_index(op.f("ix_distribution_list_tenant_id"), "distribution_list", ["tenant_id"], unique=False)
    op.create_table(
        "role_permission",
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("permission_code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["permission_code"],
            ["permission.code"],
            name=op.f("fk_role_permission_permission_code_permission"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["role.id"], name=op.f("fk_role_permission_role_id_role"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("role_id", "permission_code", name=op.f("pk_role_permission")),
    )
    op.create_index(op.f("ix_role_permission_permission_code"), "role_permission", ["permission_code"], unique=False)
    op.create_table(
        "template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_template_tenant_id_tenant"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template")),
        sa.UniqueConstraint("tenant_id", "name", name=op.f("uq_template_tenant_id_name")),
    )
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("contact_type", sa.String(length=50), nullable=False),
        sa.Column("salutation", sa.String(length=30), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_contact_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_contact_tenant_id_tenant"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_customer_id"), "contact", ["customer_id"], unique=False)
    op.create_index("ix_contact_name", "contact", ["last_name", "first_name"], unique=False)
    op.create_index(op.f("ix_contact_tenant_id"), "contact", ["tenant_id"], unique=False)
    op.create_table(
        "rights_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("name_key", sa.String(length=150), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_rights_group_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("kind IN ('system', 'customer', 'custom')", name=op.f("ck_rights_group_rights_group_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_group")),
        sa.UniqueConstraint("customer_id", name=op.f("uq_rights_group_customer_id")),
        sa.UniqueConstraint("name_key", name=op.f("uq_rights_group_name_key")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("username_key", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("email_key", sa.String(length=254), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("sso", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("is_external_admin", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("activated_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_app_user_contact_id_contact"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customer.id"], name=op.f("fk_app_user_customer_id_customer"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("kind IN ('internal', 'external')", name=op.f("ck_app_user_user_kind")),
        sa.CheckConstraint("status IN ('pending', 'active', 'deactivated')", name=op.f("ck_app_user_user_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("email_key", name=op.f("uq_app_user_email_key")),
        sa.UniqueConstraint("username_key", name=op.f("uq_app_user_username_key")),
    )
    op.create_index(op.f("ix_app_user_contact_id"), "app_user", ["contact_id"], unique=False)
    op.create_index(op.f("ix_app_user_customer_id"), "app_user", ["customer_id"], unique=False)
    op.create_table(
        "person_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contact.id"], name=op.f("fk_person_role_contact_id_contact"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_person_role_tenant_id_tenant"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_role")),
    )
    op.create_index(op.f("ix_person_role_contact_id"), "person_role", ["contact_id"], unique=False)
    op.create_index(op.f("ix_person_role_tenant_id"), "person_role", ["tenant_id"], unique=False)
    op.create_table(
        "rights_group_permission",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("permission_code", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["rights_group.id"],
            name=op.f("fk_rights_group_permission_group_id_rights_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["permission_code"],
            ["permission.code"],
            name=op.f("fk_rights_group_permission_permission_code_permission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "permission_code", name=op.f("pk_rights_group_permission")),
    )
    op.create_table(
        "activation_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_activation_token_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activation_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_activation_token_token_hash")),
    )
    op.create_index(op.f("ix_activation_token_user_id"), "activation_token", ["user_id"], unique=False)
    op.create_table(
        "customer_contact_person",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_customer_contact_person_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_customer_contact_person_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("customer_id", "user_id", name=op.f("pk_customer_contact_person")),
    )
    op.create_index(op.f("ix_customer_contact_person_user_id"), "customer_contact_person", ["user_id"], unique=False)
    op.create_table(
        "distribution_list_member",
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("person_role_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["distribution_list.id"],
            name=op.f("fk_distribution_list_member_list_id_distribution_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_role_id"],
            ["person_role.id"],
            name=op.f("fk_distribution_list_member_person_role_id_person_role"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("list_id", "person_role_id", name=op.f("pk_distribution_list_member")),
    )
    op.create_index(
        op.f("ix_distribution_list_member_person_role_id"), "distribution_list_member", ["person_role_id"], unique=False
    )
    op.create_table(
        "inheritance_source",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["org_unit_id"],
            ["org_unit.id"],
            name=op.f("fk_inheritance_source_org_unit_id_org_unit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_inheritance_source_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "org_unit_id", name=op.f("pk_inheritance_source")),
    )
    op.create_index(op.f("ix_inheritance_source_org_unit_id"), "inheritance_source", ["org_unit_id"], unique=False)
    op.create_table(
        "rights_group_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["rights_group.id"],
            name=op.f("fk_rights_group_member_group_id_rights_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_rights_group_member_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("group_id", "user_id", name=op.f("pk_rights_group_member")),
    )
    op.create_index(op.f("ix_rights_group_member_user_id"), "rights_group_member", ["user_id"], unique=False)
    op.create_table(
        "role_assignment",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("inherited_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["inherited_from_id"],
            ["org_unit.id"],
            name=op.f("fk_role_assignment_inherited_from_id_org_unit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_unit_id"], ["org_unit.id"], name=op.f("fk_role_assignment_org_unit_id_org_unit"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["role_id"], ["role.id"], name=op.f("fk_role_assignment_role_id_role"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_role_assignment_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_role_assignment")),
        sa.UniqueConstraint(
            "user_id", "org_unit_id", "role_id", name=op.f("uq_role_assignment_user_id_org_unit_id_role_id")
        ),
    )
    op.create_index(
        op.f("ix_role_assignment_inherited_from_id"), "role_assignment", ["inherited_from_id"], unique=False
    )
    op.create_index(op.f("ix_role_assignment_role_id"), "role_assignment", ["role_id"], unique=False)
    op.create_index("ix_role_assignment_unit_user", "role_assignment", ["org_unit_id", "user_id"], unique=False)
    op.create_table(
        "tenant_access",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=24), nullable=False),
        sa.Column("private_data", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenant.id"], name=op.f("fk_tenant_access_tenant_id_tenant"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_tenant_access_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("level IN ('full', 'read_only', 'hidden')", name=op.f("ck_tenant_access_access_level")),
        sa.PrimaryKeyConstraint("tenant_id", "user_id", name=op.f("pk_tenant_access")),
    )
    op.create_index(op.f("ix_tenant_access_user_id"), "tenant_access", ["user_id"], unique=False)
    op.create_table(
        "user_setting",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_setting_user_id_app_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name=op.f("pk_user_setting")),
    )


def downgrade() -> None:
    # MariaDB/MySQL refuse to drop an index a foreign key needs; there the table takes its indexes with it.
    on_mysql = op.get_bind().dialect.name in ("mysql", "mariadb")

    def drop_index(name: str, table_name: str) -> None:
        if not on_mysql:
            op.drop_index(name, table_name=table_name)

    op.drop_table("user_setting")
    drop_index(op.f("ix_tenant_access_user_id"), table_name="tenant_access")
    op.drop_table("tenant_access")
    drop_index("ix_role_assignment_unit_user", table_name="role_assignment")
    drop_index(op.f("ix_role_assignment_role_id"), table_name="role_assignment")
    drop_index(op.f("ix_role_assignment_inherited_from_id"), table_name="role_assignment")
    op.drop_table("role_assignment")
    drop_index(op.f("ix_rights_group_member_user_id"), table_name="rights_group_member")
    op.drop_table("rights_group_member")
    drop_index(op.f("ix_inheritance_source_org_unit_id"), table_name="inheritance_source")
    op.drop_table("inheritance_source")
    drop_index(op.f("ix_distribution_list_member_person_role_id"), table_name="distribution_list_member")
    op.drop_table("distribution_list_member")
    drop_index(op.f("ix_customer_contact_person_user_id"), table_name="customer_contact_person")
    op.drop_table("customer_contact_person")
    drop_index(op.f("ix_activation_token_user_id"), table_name="activation_token")
    op.drop_table("activation_token")
    op.drop_table("rights_group_permission")
    drop_index(op.f("ix_person_role_tenant_id"), table_name="person_role")
    drop_index(op.f("ix_person_role_contact_id"), table_name="person_role")
    op.drop_table("person_role")
    drop_index(op.f("ix_app_user_customer_id"), table_name="app_user")
    drop_index(op.f("ix_app_user_contact_id"), table_name="app_user")
    op.drop_table("app_user")
    op.drop_table("rights_group")
    drop_index(op.f("ix_contact_tenant_id"), table_name="contact")
    drop_index("ix_contact_name", table_name="contact")
    drop_index(op.f("ix_contact_customer_id"), table_name="contact")
    op.drop_table("contact")
    op.drop_table("template")
    drop_index(op.f("ix_role_permission_permission_code"), table_name="role_permission")
    op.drop_table("role_permission")
    drop_index(op.f("ix_distribution_list_tenant_id"), table_name="distribution_list")
    op.drop_table("distribution_list")
    drop_index(op.f("ix_customer_tenant_id"), table_name="customer")
    drop_index("ix_customer_short_name", table_name="customer")
    drop_index("ix_customer_name", table_name="customer")
    drop_index(op.f("ix_customer_default_agency_id"), table_name="customer")
    op.drop_table("customer")
    drop_index(op.f("ix_tenant_parent_id"), table_name="tenant")
    op.drop_table("tenant")
    op.drop_table("role")
    op.drop_table("permission")
    op.drop_table("outbox_mail")
    drop_index(op.f("ix_org_unit_parent_id"), table_name="org_unit")
    op.drop_table("org_unit")
    drop_index(op.f("ix_deleted_customer_number_number"), table_name="deleted_customer_number")
    op.drop_table("deleted_customer_number")
    drop_index(op.f("ix_audit_log_tenant_id"), table_name="audit_log")
    drop_index("ix_audit_log_object", table_name="audit_log")
    drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("app_setting")
