"""PostgreSQL: the key check of revision 0011 reads the statement's new rows once (issue 8).

Revision ID: 0020_pg_assignment_keys_once
Revises: 0019_customer_search_short
Create Date: 2026-12-03

Revision 0011 checks the four keys of ``role_assignment`` with one statement trigger
(``mandant_assignment_keys``). Its query named the new rows' values once for the rows it locks and
once for the values it counts, per key: eight scans of the transition table plus two hash
aggregates over the org units' 20,000 values. Ticking "inherit" at the root of 5,000 units inserts
10,000 rows; the check took 27-35 ms of that INSERT (EXPLAIN ANALYZE's trigger time,
docs/profiles/2026-12-03e/).

The check now reads the new rows once, into one sorted array of distinct values per key, and locks
the referenced rows of each parent table with one scan (``= ANY``), planned for each statement
(``EXECUTE``, as revision 0014 did for the checks of 0009 and 0012, so that a plan made for a few
rows is not kept for thousands). The rules are 0011's, unchanged: every user, role and org unit the
new rows name (``inherited_from_id`` where it is not NULL) must exist; the rows found are locked
``FOR KEY SHARE`` until the transaction ends; when fewer are found than named, the first key in
0011's order that names a missing row raises SQLSTATE 23503 with the constraint's name and its
lowest missing value. The function runs as before (``SECURITY DEFINER``, the migration's schema).

The downgrade puts back 0011's function. SQLite and MariaDB: nothing (their foreign keys are
constraints).
"""

from collections.abc import Sequence

from alembic import op

from mandant_desktop.db.migrate import revision_module

revision: str = "0020_pg_assignment_keys_once"
down_revision: str | Sequence[str] | None = "0019_customer_search_short"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "role_assignment"
CHECK = "mandant_assignment_keys"
#: the keys in the order 0011 reports them: constraint name → (column, referenced table, the
#: function's array of the column's distinct values in the new rows)
KEYS = {
    "fk_role_assignment_user_id_app_user": ("user_id", "app_user", "users"),
    "fk_role_assignment_role_id_role": ("role_id", "role", "roles"),
    "fk_role_assignment_org_unit_id_org_unit": ("org_unit_id", "org_unit", "units"),
    "fk_role_assignment_inherited_from_id_org_unit": ("inherited_from_id", "org_unit", "sources"),
}
#: referenced table → the function's array of the distinct values the new rows name there
NAMED = {"app_user": "users", "role": "roles", "org_unit": "all_units"}


def _lock_all() -> str:
    """One query: per parent table, the rows whose id the arrays name, locked, counted."""
    counts = " + ".join(
        f"(SELECT count(*) FROM (SELECT 1 FROM {parent} p WHERE p.id = ANY(${number}) FOR KEY SHARE OF p) l)"
        for number, parent in enumerate(NAMED, start=1)
    )
    return f"EXECUTE 'SELECT {counts}' INTO found USING {', '.join(NAMED.values())};"


def _body() -> str:
    values = ",\n           ".join(
        f"array_agg(DISTINCT n.{column}) FILTER (WHERE n.{column} IS NOT NULL)" for column, _, _ in KEYS.values()
    )
    into = ", ".join(array for _, _, array in KEYS.values())
    raises = "".join(
        f"""
        SELECT min(k.id) INTO missing FROM unnest({array}) k(id)
        WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = k.id);
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'insert or update on table "{TABLE}" violates foreign key constraint "{name}"'
                USING ERRCODE = '23503', CONSTRAINT = '{name}', TABLE = '{TABLE}',
                      DETAIL = format('Key ({column})=(%s) is not present in table "{parent}".', missing);
        END IF;"""
        for name, (column, parent, array) in KEYS.items()
    )
    wanted = " + ".join(f"coalesce(cardinality({array}), 0)" for array in NAMED.values())
    return f"""
    -- the new rows, read once: each key's distinct values
    SELECT {values}
    INTO {into} FROM new_rows n;
    all_units := ARRAY(SELECT DISTINCT k.id FROM unnest(units || sources) k(id));
    {_lock_all()}
    IF found < {wanted} THEN {raises}
        RAISE EXCEPTION 'insert or update on table "{TABLE}" violates a foreign key' USING ERRCODE = '23503', TABLE = '{TABLE}';
    END IF;"""


_DECLARE = (
    "".join(f"\n    {array} integer[];" for array in [*(a for _, _, a in KEYS.values()), "all_units"])
    + """
    found bigint;
    missing integer;"""
)


def _function(schema: str, declare: str, body: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {CHECK}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {schema}, pg_temp AS $body$
DECLARE{declare}
BEGIN{body}
    RETURN NULL;
END
$body$;
"""


def _schema() -> str:
    bind = op.get_bind()
    return bind.dialect.identifier_preparer.quote(bind.exec_driver_sql("SELECT current_schema()").scalar_one())


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_function(_schema(), _DECLARE, _body()))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    declare = """
    wanted bigint;
    found bigint;
    missing integer;"""
    op.execute(_function(_schema(), declare, revision_module("0011_pg_assignment_keys")._checks()))
