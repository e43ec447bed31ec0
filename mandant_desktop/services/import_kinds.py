"""What the Excel imports (SPEC S8) are and the right each needs, apart from the import service:
the pages' "Import…" buttons need only these, and the service's module (openpyxl's readers, the
exports' layouts, the assignment and customer rules) is imported when an import is first opened,
not with the page (issue 8)."""

from __future__ import annotations

from enum import StrEnum


class ImportKind(StrEnum):
    ASSIGNMENTS = "assignments"
    USERS = "users"
    CUSTOMERS = "customers"


#: the right each import needs (delegated units and tenant scope are checked per row)
PERMISSIONS = {
    ImportKind.ASSIGNMENTS: "assignments.assign",
    ImportKind.USERS: "users.edit",
    ImportKind.CUSTOMERS: "customers.edit",
}
