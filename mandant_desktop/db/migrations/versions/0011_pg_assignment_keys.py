"""PostgreSQL: the four foreign keys of ``role_assignment`` checked once per statement instead of
once per row (issue 8).

Revision ID: 0011_pg_assignment_keys
Revises: 0010_pg_customer_search_rls
Create Date: 2026-12-03

PostgreSQL checks a foreign key with one query per inserted row and key: ticking "inherit" at the
root of 5,000 units inserts 10,000 assignment rows, and their 40,000 key checks took about 150 of
the statement's 210 ms (the INSERT without them: 60 ms; EXPLAIN ANALYZE and the timings in
/work/profiles/pg-writes-*.txt). The same rules, kept by triggers that look at all rows of a
statement at once (transition tables), cost about 10 ms:

* **insert or update of an assignment** (``AFTER … FOR EACH STATEMENT``): every user, role and org
  unit the statement's new rows name (``inherited_from_id`` where it is not NULL) must exist. The
  referenced rows are locked ``FOR KEY SHARE`` until the end of the transaction, as PostgreSQL's
  own check locks them, so that no other transaction can delete them or change their key before
  this one ends; a referenced row deleted by a transaction that committed meanwhile is not found
  (READ COMMITTED re-reads it), and the statement fails. The error is PostgreSQL's own: SQLSTATE
  23503 with the constraint's name, "Key (column)=(value) is not present in table …", so
  ``IntegrityError`` reaches the services as before;
* **delete of a user, role or org unit** (``AFTER DELETE … FOR EACH STATEMENT``): their assignments
  are deleted in the same statement's end, as ``ON DELETE CASCADE`` did (for an org unit those in
  it and those inherited from it). The function runs as the caller: the assignment check of
  revision 0009 judges the cascaded rows for the operator, as it judged PostgreSQL's cascade (whose
  triggers fired after the outer statement, for the caller; an operator may not delete a unit whose
  assignments lie outside their units). A delete that waited for the lock of a transaction that inserted assignments
  naming the row sees those rows once it goes on (each statement of the function reads what has
  been committed; the application works in READ COMMITTED, PostgreSQL's default, and so do the
  CLI and the demo generator);
* **change of a user's, role's or org unit's id** (``NO ACTION``): refused while assignments name
  the old id (a row trigger with ``WHEN (OLD.id IS DISTINCT FROM NEW.id)``, so an ordinary update
  does not even call it; the application never changes ids);
* **TRUNCATE** of one of the three tables is refused while assignments exist, as PostgreSQL refuses
  it for a referenced table.

The downgrade drops the triggers and adds the four foreign keys again (checked against the rows).
The models keep declaring the foreign keys; SQLite and MariaDB keep them: this revision does
nothing there. ``tests/db/test_migrations.py`` knows that these four are kept by triggers here.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_pg_assignment_keys"
down_revision: str | Sequence[str] | None = "0010_pg_customer_search_rls"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "role_assignment"
#: constraint name → (column, referenced table); all reference ``id`` with ON DELETE CASCADE
KEYS = {
    "fk_role_assignment_user_id_app_user": ("user_id", "app_user"),
    "fk_role_assignment_role_id_role": ("role_id", "role"),
    "fk_role_assignment_org_unit_id_org_unit": ("org_unit_id", "org_unit"),
    "fk_role_assignment_inherited_from_id_org_unit": ("inherited_from_id", "org_unit"),
}
PARENTS = ("app_user", "role", "org_unit")
CHECK = "mandant_assignment_keys"
CASCADE = "mandant_assignment_keys_cascade"
KEPT = "mandant_assignment_keys_kept"
TRUNCATE = "mandant_assignment_keys_truncate"


def _keys_of(parent: str) -> list[tuple[str, str]]:
    """(constraint, column) of the keys that reference ``parent``."""
    return [(name, column) for name, (column, referenced) in KEYS.items() if referenced == parent]


def _named(parent: str) -> str:
    """The distinct values the new rows give the keys that reference ``parent`` (NULL left out by IN
    and count)."""
    return " UNION ".join(f"SELECT {column} AS id FROM new_rows" for _, column in _keys_of(parent))


def _checks() -> str:
    """One query locks every referenced row the new rows name (``FOR KEY SHARE``, as PostgreSQL's
    own check) and counts them against the distinct values named; only when fewer were found are
    the keys looked at one by one, to raise for the first key that names a missing row (its lowest
    value), as PostgreSQL's own check would."""
    found = " + ".join(
        f"(SELECT count(*) FROM (SELECT 1 FROM {parent} p WHERE p.id IN ({_named(parent)}) FOR KEY SHARE OF p) l)"
        for parent in PARENTS
    )
    wanted = " + ".join(f"(SELECT count(DISTINCT k.id) FROM ({_named(parent)}) k)" for parent in PARENTS)
    raises = "".join(
        f"""
        SELECT min(n.{column}) INTO missing FROM new_rows n
        WHERE n.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = n.{column});
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'insert or update on table "{TABLE}" violates foreign key constraint "{name}"'
                USING ERRCODE = '23503', CONSTRAINT = '{name}', TABLE = '{TABLE}',
                      DETAIL = format('Key ({column})=(%s) is not present in table "{parent}".', missing);
        END IF;"""
        for name, (column, parent) in KEYS.items()
    )
    return f"""
    SELECT {found}, {wanted} INTO found, wanted;
    IF found < wanted THEN {raises}
        RAISE EXCEPTION 'insert or update on table "{TABLE}" violates a foreign key' USING ERRCODE = '23503', TABLE = '{TABLE}';
    END IF;"""


def _cascade(parent: str) -> str:
    deletes = "".join(
        f"\n        DELETE FROM {TABLE} WHERE {column} IN (SELECT id FROM old_rows);" for _, column in _keys_of(parent)
    )
    return f"IF TG_TABLE_NAME = '{parent}' THEN{deletes}\n    END IF;"


def _kept(parent: str) -> str:
    checks = "".join(
        f"""
        IF EXISTS (SELECT 1 FROM {TABLE} WHERE {column} = OLD.id) THEN
            RAISE EXCEPTION 'update or delete on table "{parent}" violates foreign key constraint "{name}" on table "{TABLE}"'
                USING ERRCODE = '23503', CONSTRAINT = '{name}', TABLE = '{parent}',
                      DETAIL = format('Key (id)=(%s) is still referenced from table "{TABLE}".', OLD.id);
        END IF;"""
        for name, column in _keys_of(parent)
    )
    return f"IF TG_TABLE_NAME = '{parent}' THEN{checks}\n    END IF;"


def _functions(schema: str) -> str:
    # The checks: SECURITY DEFINER with the migration's schema, as PostgreSQL's own checks run as the
    # tables' owner, untouched by the caller's rights, row security or search_path. The cascade runs
    # as the caller (see the module's notes), with the same search_path.
    checks = _checks()
    cascades = "\n    ".join(_cascade(parent) for parent in PARENTS)
    kept = "\n    ".join(_kept(parent) for parent in PARENTS)
    header = f"RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS"
    return f"""
CREATE FUNCTION {CHECK}() {header} $body$
DECLARE
    wanted bigint;
    found bigint;
    missing integer;
BEGIN{checks}
    RETURN NULL;
END
$body$;
CREATE FUNCTION {CASCADE}() {header.replace(" SECURITY DEFINER", "")} $body$
BEGIN
    {cascades}
    RETURN NULL;
END
$body$;
CREATE FUNCTION {KEPT}() {header} $body$
BEGIN
    {kept}
    RETURN NULL;
END
$body$;
CREATE FUNCTION {TRUNCATE}() {header} $body$
BEGIN
    IF EXISTS (SELECT 1 FROM {TABLE}) THEN
        RAISE EXCEPTION 'cannot truncate a table referenced in a foreign key constraint'
            USING ERRCODE = '0A000', DETAIL = format('Table "{TABLE}" references "%s".', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$body$;
"""


_TRIGGERS = [
    f"CREATE TRIGGER {CHECK}_insert AFTER INSERT ON {TABLE} REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {CHECK}()",
    f"CREATE TRIGGER {CHECK}_update AFTER UPDATE ON {TABLE} REFERENCING NEW TABLE AS new_rows "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {CHECK}()",
    *(
        statement
        for parent in PARENTS
        for statement in (
            f"CREATE TRIGGER {CASCADE} AFTER DELETE ON {parent} REFERENCING OLD TABLE AS old_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {CASCADE}()",
            f"CREATE TRIGGER {KEPT} AFTER UPDATE ON {parent} FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) "
            f"EXECUTE FUNCTION {KEPT}()",
            f"CREATE TRIGGER {TRUNCATE} BEFORE TRUNCATE ON {parent} FOR EACH STATEMENT EXECUTE FUNCTION {TRUNCATE}()",
        )
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    bind = op.get_bind()
    schema = bind.dialect.identifier_preparer.quote(bind.exec_driver_sql("SELECT current_schema()").scalar_one())
    op.execute(_functions(schema))
    for name in KEYS:
        op.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT {name}")
    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP TRIGGER IF EXISTS {CHECK}_insert ON {TABLE}")
    op.execute(f"DROP TRIGGER IF EXISTS {CHECK}_update ON {TABLE}")
    for parent in PARENTS:
        for trigger in (CASCADE, KEPT, TRUNCATE):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {parent}")
    for function in (CHECK, CASCADE, KEPT, TRUNCATE):
        op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    for name, (column, parent) in KEYS.items():
        op.execute(
            f"ALTER TABLE {TABLE} ADD CONSTRAINT {name} FOREIGN KEY ({column}) REFERENCES {parent} (id) "
            "ON DELETE CASCADE"
        )
