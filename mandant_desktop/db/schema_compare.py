"""What Alembic's schema comparison looks at, and how: one set of options for the migration
environment (``migrations/env.py``, autogenerate) and for the tests that prove a migrated database
matches the models (``tests/db/test_migrations.py``).

Left out of the comparison:

* the customer search's tables (:func:`mandant_desktop.db.customer_search.include_name`) and the
  invisible virtual columns of MariaDB: the customers' number length, and the lower-case names of
  the users and the contacts lists (:func:`mandant_desktop.db.user_order.is_order_object`,
  :func:`mandant_desktop.db.contact_order.is_mariadb_object`): they exist on some backends only, and
  the models do not describe them (they declare the indexes on the columns by their names);
* an index of the models that is not made on this backend (``Index.ddl_if``: the order indexes
  on expressions, which MariaDB cannot have, and their MariaDB variants on virtual columns).

No index is left out: one that the models do not declare is a difference. Alembic itself skips,
with a warning, an index on an expression on SQLite, which SQLAlchemy cannot reflect there. The
tests compare every index, these too, from each backend's catalogue
(``tests/db/test_migrated_schema.py``).

Compared more strictly than Alembic does by itself: a date-time column's fractional seconds.
Alembic takes MariaDB's ``DATETIME`` and ``DATETIME(6)`` for the same type; here they differ
(:func:`compare_type`), so a migration that adds a date-time column without microseconds on MariaDB
shows as a difference from the models (revision 0024).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Index
from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeEngine

from mandant_desktop.db import contact_order, customer_search, user_order


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's ``include_name`` hook: the objects the models describe (see the module's text)."""
    return (
        customer_search.include_name(name, type_, parent_names)
        and not user_order.is_order_object(name, type_, parent_names)
        and not contact_order.is_mariadb_object(name, type_, parent_names)
    )


def index_applies(index: Index, dialect_name: str) -> bool:
    """Whether the models make ``index`` on this backend (its ``ddl_if``, when it has one)."""
    condition = getattr(index, "_ddl_if", None)
    if condition is None or condition.dialect is None:
        return True
    wanted = condition.dialect
    return dialect_name in ((wanted,) if isinstance(wanted, str) else tuple(wanted))


def include_object_for(dialect_name: str) -> Callable[[Any, str | None, str, bool, Any], bool]:
    """Alembic's ``include_object`` hook on this backend: leaves out the model indexes that the
    backend does not have."""

    def include_object(obj: Any, _name: str | None, type_: str, reflected: bool, _compare_to: Any) -> bool:
        return type_ != "index" or reflected or not isinstance(obj, Index) or index_applies(obj, dialect_name)

    return include_object


def _is_date_time(type_: TypeEngine[Any]) -> bool:
    affinity = type_._type_affinity  # a TypeDecorator's is its implementation's
    return affinity is not None and issubclass(affinity, DateTime)


def _datetime_ddl(type_: TypeEngine[Any], dialect: Dialect) -> str:
    return dialect.type_compiler_instance.process(type_).upper()


def compare_type(
    context: Any,
    _inspected_column: Any,
    _metadata_column: Any,
    inspected_type: TypeEngine[Any],
    metadata_type: TypeEngine[Any],
) -> bool | None:
    """Alembic's ``compare_type`` hook: a date-time column differs when its DDL on this backend
    differs, fractional seconds included (``DATETIME`` against ``DATETIME(6)``); any other type is
    left to Alembic (None)."""
    if not (_is_date_time(inspected_type) and _is_date_time(metadata_type)):
        return None
    dialect = context.dialect
    return _datetime_ddl(inspected_type, dialect) != _datetime_ddl(metadata_type, dialect)


def comparison_options(dialect_name: str) -> dict[str, Any]:
    """The options of Alembic's migration context that make its comparison this module's."""
    return {
        "compare_type": compare_type,
        "include_name": include_name,
        "include_object": include_object_for(dialect_name),
    }
