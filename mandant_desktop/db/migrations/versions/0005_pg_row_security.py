"""PostgreSQL defence in depth: row-level security, a database-side assignment check, an insert-only
audit log for the application role (SPEC S1, S3, T8).

Revision ID: 0005_pg_row_security
Revises: 0004_german_role_names
Create Date: 2026-11-22

Trust model (README, "Who holds which credentials"): the schema owner runs migrations, the CLI and
the demo generator and is trusted — PostgreSQL exempts a table's owner from row-level security, and
the triggers below let the owner through as well. Daily work uses a login role that is a member of
the group role ``mandant_app`` created here; for that role

* tenant-scoped rows (customer, contact, person_role, distribution_list, distribution_list_member,
  template) are visible only for tenants in which the operator named by the transaction setting
  ``app.operator_id`` has full or read-only access, and writable only with full access;
* a role assignment may be added, changed or removed only in an org unit where that operator holds
  ``assignments.assign``; a tenant-access row only by an operator with ``tenants.manage_access`` and
  full access to that tenant (otherwise one could grant oneself a hidden tenant);
* the audit log may be read and appended to, never updated or deleted.

The unit of work sets ``app.operator_id`` with ``set_config(…, true)`` at the start of every
transaction (``services.unit_of_work``). SQLite and MariaDB have no such features: this revision
does nothing there.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_pg_row_security"
down_revision: str | Sequence[str] | None = "0004_german_role_names"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "mandant_app"
#: tables with their own tenant_id column
TENANT_TABLES = ("customer", "contact", "person_role", "distribution_list", "template")
#: tables whose tenant is that of a parent row: (table, parent table, foreign key column)
CHILD_TABLES = (("distribution_list_member", "distribution_list", "list_id"),)
_VISIBLE = "((SELECT mandant_visible_tenants())::integer[])"
_EDITABLE = "((SELECT mandant_editable_tenants())::integer[])"

_FUNCTIONS = r"""
CREATE FUNCTION mandant_operator_id() RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('app.operator_id', true), '')::integer
$$;

-- The schema owner (and members of it, and superusers): migrations, CLI, demo data. PostgreSQL
-- exempts the same roles from row-level security.
CREATE FUNCTION mandant_is_trusted() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, c.relowner, 'USAGE')
           OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
    FROM pg_class c WHERE c.oid = 'audit_log'::regclass
$$;

CREATE FUNCTION mandant_visible_tenants() RETURNS integer[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(tenant_id), '{}') FROM tenant_access
    WHERE user_id = mandant_operator_id() AND level IN ('full', 'read_only')
$$;

CREATE FUNCTION mandant_editable_tenants() RETURNS integer[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(tenant_id), '{}') FROM tenant_access
    WHERE user_id = mandant_operator_id() AND level = 'full'
$$;

CREATE FUNCTION mandant_holds_in_unit(permission text, unit integer) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM role_assignment held
        JOIN role_permission rp ON rp.role_id = held.role_id
        WHERE held.user_id = mandant_operator_id() AND held.org_unit_id = unit AND rp.permission_code = permission
    )
$$;

CREATE FUNCTION mandant_check_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF mandant_is_trusted() THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT mandant_holds_in_unit('assignments.assign', OLD.org_unit_id) THEN
        RAISE EXCEPTION 'role assignment outside the operator''s org units (unit %)', OLD.org_unit_id
            USING ERRCODE = '42501';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT mandant_holds_in_unit('assignments.assign', NEW.org_unit_id) THEN
        RAISE EXCEPTION 'role assignment outside the operator''s org units (unit %)', NEW.org_unit_id
            USING ERRCODE = '42501';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$;

CREATE FUNCTION mandant_check_tenant_access() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    manages boolean;
BEGIN
    IF mandant_is_trusted() THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    SELECT EXISTS (
        SELECT 1 FROM role_assignment held JOIN role_permission rp ON rp.role_id = held.role_id
        WHERE held.user_id = mandant_operator_id() AND rp.permission_code = 'tenants.manage_access'
    ) INTO manages;
    IF NOT manages
       OR (TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.tenant_id = ANY (mandant_editable_tenants()))
       OR (TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.tenant_id = ANY (mandant_editable_tenants())) THEN
        RAISE EXCEPTION 'tenant access changed without the right to manage it' USING ERRCODE = '42501';
    END IF;
    RETURN COALESCE(NEW, OLD);
END
$$;

CREATE TRIGGER mandant_check_assignment BEFORE INSERT OR UPDATE OR DELETE ON role_assignment
    FOR EACH ROW EXECUTE FUNCTION mandant_check_assignment();
CREATE TRIGGER mandant_check_tenant_access BEFORE INSERT OR UPDATE OR DELETE ON tenant_access
    FOR EACH ROW EXECUTE FUNCTION mandant_check_tenant_access();
"""

# The group role is cluster-wide: another database on the server may have created it already, and a
# schema owner without CREATEROLE cannot create it (then an administrator does, see README).
_APP_ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        CREATE ROLE {APP_ROLE} NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
    WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create role {APP_ROLE}; an administrator must create it and repeat the grants';
END
$$;
DO $$
DECLARE
    schema_name text := current_schema();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO {APP_ROLE}', schema_name);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO {APP_ROLE}', schema_name);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO {APP_ROLE}', schema_name);
    -- tables of later revisions, created by the same owner
    EXECUTE format(
        'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE}',
        schema_name
    );
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO {APP_ROLE}', schema_name);
    -- S3: the log is appended to, never rewritten; the schema version belongs to migrations
    REVOKE UPDATE, DELETE ON audit_log FROM {APP_ROLE};
    REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {APP_ROLE};
END
$$;
"""


def _policies() -> list[str]:
    statements = []
    for table in TENANT_TABLES:
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY mandant_read ON {table} FOR SELECT USING (tenant_id = ANY {_VISIBLE})",
            f"CREATE POLICY mandant_insert ON {table} FOR INSERT WITH CHECK (tenant_id = ANY {_EDITABLE})",
            f"CREATE POLICY mandant_update ON {table} FOR UPDATE USING (tenant_id = ANY {_EDITABLE}) "
            f"WITH CHECK (tenant_id = ANY {_EDITABLE})",
            f"CREATE POLICY mandant_delete ON {table} FOR DELETE USING (tenant_id = ANY {_EDITABLE})",
        ]
    for table, parent, column in CHILD_TABLES:
        # Reading the parent is itself filtered by its read policy.
        visible = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column})"
        editable = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column} AND p.tenant_id = ANY {_EDITABLE})"
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY mandant_read ON {table} FOR SELECT USING ({visible})",
            f"CREATE POLICY mandant_insert ON {table} FOR INSERT WITH CHECK ({editable})",
            f"CREATE POLICY mandant_update ON {table} FOR UPDATE USING ({editable}) WITH CHECK ({editable})",
            f"CREATE POLICY mandant_delete ON {table} FOR DELETE USING ({editable})",
        ]
    return statements


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTIONS)
    for statement in _policies():
        op.execute(statement)
    op.execute(_APP_ROLE)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in (*TENANT_TABLES, *(child for child, _, _ in CHILD_TABLES)):
        for policy in ("mandant_read", "mandant_insert", "mandant_update", "mandant_delete"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TRIGGER IF EXISTS mandant_check_assignment ON role_assignment")
    op.execute("DROP TRIGGER IF EXISTS mandant_check_tenant_access ON tenant_access")
    for function in (
        "mandant_check_assignment()",
        "mandant_check_tenant_access()",
        "mandant_holds_in_unit(text, integer)",
        "mandant_editable_tenants()",
        "mandant_visible_tenants()",
        "mandant_is_trusted()",
        "mandant_operator_id()",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
