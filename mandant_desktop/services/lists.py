"""Distribution lists (SPEC T7, T10) and templates with export and import (T12).

T10: a list of tenant X may hold person-roles of other tenants. It is editable only with full
access to X and to every tenant of its members; anyone else sees it read only, and the members
they may not see are counted ("3 members hidden") but never shown. Membership is read and
written set-based: a list of thousands of members costs the same few statements as one of three.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import Contact, DistributionList, DistributionListMember, PersonRole, Template, utcnow
from mandant_desktop.domain.errors import PermissionDeniedError, ValidationError
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.domain.validation import clean_name
from mandant_desktop.services.contacts import (
    RoleRow,
    TenantDataService,
    _role_row,
    in_group,
    not_found,
    tenant_names,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_data import TenantWork, check_same_database, sessions_for
from mandant_desktop.services.unit_of_work import _changed_by, check_version
from mandant_desktop.services.xlsx import ExportFileError, check_target

LIST = "DistributionList"
TEMPLATE = "Template"
TEMPLATE_FILE_FORMAT = "mandant-desktop-templates"
TEMPLATE_FILE_VERSION = 1


@dataclass(frozen=True, slots=True)
class ListRow:
    tenant_id: int
    id: int
    version: int
    tenant: str
    name: str
    description: str
    members: int  # visible members
    hidden_members: int
    editable: bool

    @property
    def key(self) -> tuple[int, int]:
        return (self.tenant_id, self.id)


@dataclass(frozen=True, slots=True)
class ListDetails:
    row: ListRow
    members: list[RoleRow]


@dataclass(frozen=True, slots=True)
class TemplateRow:
    tenant_id: int
    id: int
    version: int
    tenant: str
    name: str
    subject: str
    body: str
    editable: bool

    @property
    def key(self) -> tuple[int, int]:
        return (self.tenant_id, self.id)


class OnClash(StrEnum):
    """T12: what an import does with a template whose name the target tenant has already."""

    SKIP = "skip"
    RENAME = "rename"
    OVERWRITE = "overwrite"


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    skipped: int
    renamed: int
    overwritten: int


def _member_tenants(session: Session, list_ids: list[int]) -> dict[int, dict[int, int]]:
    """``list id → {member tenant → member count}``, from one query."""
    result: dict[int, dict[int, int]] = {}
    if not list_ids:
        return result
    rows = session.execute(
        select(DistributionListMember.list_id, PersonRole.tenant_id, func.count())
        .join(PersonRole, PersonRole.id == DistributionListMember.person_role_id)
        .where(DistributionListMember.list_id.in_(list_ids))
        .group_by(DistributionListMember.list_id, PersonRole.tenant_id)
    )
    for list_id, tenant_id, count in rows:
        result.setdefault(list_id, {})[tenant_id] = count
    return result


def _list_row(dl: DistributionList, members: dict[int, int], scope: TenantScope, names: dict[int, str]) -> ListRow:
    visible = sum(count for tenant, count in members.items() if scope.sees(tenant))
    hidden = sum(count for tenant, count in members.items() if not scope.sees(tenant))
    return ListRow(
        tenant_id=dl.tenant_id,
        id=dl.id,
        version=dl.version,
        tenant=names.get(dl.tenant_id, ""),
        name=dl.name,
        description=dl.description,
        members=visible,
        hidden_members=hidden,
        editable=scope.can_edit(dl.tenant_id) and scope.all_editable(members),
    )


class ListService(TenantDataService):
    # ------------------------------------------------------------------ distribution lists

    def list_lists(self, operator: Operator) -> list[ListRow]:
        operator.require("contacts.view")
        scope, names = self._read_scope(operator)
        result: list[ListRow] = []
        for session, ids in sessions_for(self._router, scope.visible_ids(), operator):
            lists = list(
                session.scalars(select(DistributionList).where(*in_group(DistributionList.tenant_id, ids, scope)))
            )
            members = _member_tenants(session, [dl.id for dl in lists])
            result.extend(_list_row(dl, members.get(dl.id, {}), scope, names) for dl in lists)
        result.sort(key=lambda r: (r.name.casefold(), r.tenant.casefold(), r.id))
        return result

    def get_list(self, operator: Operator, tenant_id: int, list_id: int) -> ListDetails:
        """The list with the members the operator may see; the others only counted (T10)."""
        operator.require("contacts.view")
        with TenantWork(self._router, operator, tenant_id, write=False) as work:
            scope = work.scope
            scope.require_visible(tenant_id, LIST)
            dl = work.session.get(DistributionList, list_id)
            if dl is None or dl.tenant_id != tenant_id:
                raise not_found(LIST)
            names = tenant_names(work.main_session, scope)
            members = _member_tenants(work.session, [list_id]).get(list_id, {})
            rows = work.session.execute(
                select(PersonRole, Contact.first_name, Contact.last_name)
                .join(DistributionListMember, DistributionListMember.person_role_id == PersonRole.id)
                .join(Contact, Contact.id == PersonRole.contact_id)
                .where(DistributionListMember.list_id == list_id, *in_group(PersonRole.tenant_id, None, scope))
                .order_by(Contact.last_name, Contact.first_name, PersonRole.id)
            )
            shown = [_role_row(role, f"{last}, {first}" if first else last, scope, names) for role, first, last in rows]
            return ListDetails(_list_row(dl, members, scope, names), shown)

    def save_list(
        self,
        operator: Operator,
        tenant_id: int,
        name: str,
        description: str,
        members: set[tuple[int, int]],
        list_id: int | None = None,
        version: int | None = None,
    ) -> int:
        """Create or change a list with exactly ``members`` (person-roles as (tenant, id)) as members.

        T10: needs full access to the list's tenant and to every tenant its members, old and new,
        belong to; members must live in the list's database (T6).
        """
        operator.require("contacts.edit")
        clean = clean_name(name, field="list name", max_length=200)
        text = clean_name(description, field="description", max_length=500, required=False)
        with TenantWork(self._router, operator, tenant_id) as work:
            scope, session = work.scope, work.session
            scope.require_edit(tenant_id, LIST)
            if list_id is None:
                dl = DistributionList(tenant_id=tenant_id, name=clean, description=text)
                session.add(dl)
                session.flush()
                before: set[int] = set()
            else:
                found = session.get(DistributionList, list_id)
                if found is None or found.tenant_id != tenant_id:
                    raise not_found(LIST)
                check_version(found, version, LIST)
                dl = found
                old_tenants = _member_tenants(session, [list_id]).get(list_id, {})
                if not scope.all_editable(old_tenants):
                    raise PermissionDeniedError(
                        "This distribution list has members of tenants you may not change; it is read only for you."
                    )
                before = set(
                    session.scalars(
                        select(DistributionListMember.person_role_id).where(DistributionListMember.list_id == list_id)
                    )
                )
                if dl.name != clean or dl.description != text:
                    dl.name, dl.description = clean, text
                else:
                    # Membership is part of the list: touching it bumps the version, so a concurrent save conflicts.
                    dl.updated_at = utcnow()
            # Members must live in the list's database (T6); only then do their ids mean anything here.
            check_same_database(self._router, tenant_id, {member_tenant for member_tenant, _ in members})
            with work.watch(DistributionListMember, DistributionListMember.list_id == dl.id):
                new_members = {role_id for _, role_id in members}
                added, removed = new_members - before, before - new_members
                if added:
                    found_roles: dict[int, int] = {
                        row.id: row.tenant_id
                        for row in session.execute(
                            select(PersonRole.id, PersonRole.tenant_id).where(PersonRole.id.in_(sorted(added)))
                        )
                    }
                    claimed = dict((role_id, member_tenant) for member_tenant, role_id in members)
                    missing = {role_id for role_id in added if found_roles.get(role_id) != claimed[role_id]}
                    if missing:
                        raise ValidationError(
                            "{count} of the chosen person-roles no longer exist or live in another tenant's database.",
                            count=len(missing),
                        )
                    for role_tenant in set(found_roles.values()):
                        scope.require_edit(role_tenant, "PersonRole")
                    made = {"created_at": utcnow(), "created_by": operator.username[:100]}
                    session.execute(
                        insert(DistributionListMember),
                        [{"list_id": dl.id, "person_role_id": pid, **made} for pid in sorted(added)],
                    )
                if removed:
                    session.execute(
                        delete(DistributionListMember).where(
                            and_(
                                DistributionListMember.list_id == dl.id,
                                DistributionListMember.person_role_id.in_(sorted(removed)),
                            )
                        )
                    )
                if added or removed:
                    work.audit(
                        "DistributionListMember",
                        dl.id,
                        "update",
                        tenant_id=tenant_id,
                        changes={"added": [None, sorted(added)], "removed": [sorted(removed), None]},
                        summary=f"+{len(added)} / -{len(removed)}",
                    )
            session.flush()
            new_id = dl.id
            work.commit()
            return new_id

    def delete_list(self, operator: Operator, tenant_id: int, list_id: int, version: int) -> None:
        operator.require("contacts.delete")
        with TenantWork(self._router, operator, tenant_id) as work:
            work.scope.require_edit(tenant_id, LIST)
            dl = work.session.get(DistributionList, list_id)
            if dl is None or dl.tenant_id != tenant_id:
                raise not_found(LIST)
            if dl.version != version:
                raise _changed_by(dl.updated_by, dl.updated_at, LIST)
            if not work.scope.all_editable(_member_tenants(work.session, [list_id]).get(list_id, {})):
                raise PermissionDeniedError(
                    "This distribution list has members of tenants you may not change; it is read only for you."
                )
            with work.watch(DistributionListMember, DistributionListMember.list_id == list_id):
                work.session.execute(delete(DistributionListMember).where(DistributionListMember.list_id == list_id))
            work.session.delete(dl)
            work.commit()

    # ------------------------------------------------------------------ templates (T12)

    def list_templates(self, operator: Operator) -> list[TemplateRow]:
        operator.require("contacts.view")
        scope, names = self._read_scope(operator)
        result: list[TemplateRow] = []
        for session, ids in sessions_for(self._router, scope.visible_ids(), operator):
            for t in session.scalars(select(Template).where(*in_group(Template.tenant_id, ids, scope))):
                result.append(
                    TemplateRow(
                        tenant_id=t.tenant_id,
                        id=t.id,
                        version=t.version,
                        tenant=names.get(t.tenant_id, ""),
                        name=t.name,
                        subject=t.subject,
                        body=t.body,
                        editable=scope.can_edit(t.tenant_id),
                    )
                )
        result.sort(key=lambda r: (r.name.casefold(), r.tenant.casefold(), r.id))
        return result

    def save_template(
        self,
        operator: Operator,
        tenant_id: int,
        name: str,
        subject: str,
        body: str,
        template_id: int | None = None,
        version: int | None = None,
    ) -> int:
        operator.require("contacts.edit")
        clean = clean_name(name, field="template name", max_length=200)
        subject = clean_name(subject, field="subject", max_length=500, required=False)
        with TenantWork(self._router, operator, tenant_id) as work:
            work.scope.require_edit(tenant_id, TEMPLATE)
            session = work.session
            clash = session.scalar(
                select(Template.id).where(
                    Template.tenant_id == tenant_id, Template.name == clean, Template.id != (template_id or -1)
                )
            )
            if clash is not None:
                raise ValidationError(
                    "This tenant has a template named {name} already.", field="template name", name=clean
                )
            if template_id is None:
                template = Template(tenant_id=tenant_id, name=clean, subject=subject, body=body)
                session.add(template)
            else:
                found = session.get(Template, template_id)
                if found is None or found.tenant_id != tenant_id:
                    raise not_found(TEMPLATE)
                check_version(found, version, TEMPLATE)
                template = found
                template.name, template.subject, template.body = clean, subject, body
            session.flush()
            new_id = template.id
            work.commit()
            return new_id

    def delete_template(self, operator: Operator, tenant_id: int, template_id: int, version: int) -> None:
        operator.require("contacts.delete")
        with TenantWork(self._router, operator, tenant_id) as work:
            work.scope.require_edit(tenant_id, TEMPLATE)
            found = work.session.get(Template, template_id)
            if found is None or found.tenant_id != tenant_id:
                raise not_found(TEMPLATE)
            if found.version != version:
                raise _changed_by(found.updated_by, found.updated_at, TEMPLATE)
            work.session.delete(found)
            work.commit()

    def export_templates(self, operator: Operator, keys: list[tuple[int, int]], path: str | os.PathLike[str]) -> int:
        """T12: the chosen templates to a JSON file (written atomically, S7); hidden ones never."""
        operator.require("contacts.export")
        target = Path(path)
        check_target(target)
        wanted = set(keys)
        chosen = [t for t in self.list_templates(operator) if t.key in wanted]
        payload = {
            "format": TEMPLATE_FILE_FORMAT,
            "version": TEMPLATE_FILE_VERSION,
            "templates": [{"name": t.name, "subject": t.subject, "body": t.body} for t in chosen],
        }
        handle, temporary = tempfile.mkstemp(prefix=".templates-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, indent=2)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return len(chosen)

    def read_template_file(self, path: str | os.PathLike[str]) -> list[dict[str, str]]:
        """The templates of an export file, validated before anything is written (S8)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ExportFileError("{path} is not a template file of this application.", path=str(path)) from None
        if not isinstance(data, dict) or data.get("format") != TEMPLATE_FILE_FORMAT:
            raise ExportFileError("{path} is not a template file of this application.", path=str(path))
        result: list[dict[str, str]] = []
        for number, item in enumerate(data.get("templates") or [], start=1):
            if not isinstance(item, dict) or not all(
                isinstance(item.get(k, ""), str) for k in ("name", "subject", "body")
            ):
                raise ValidationError("Template {number} in the file is damaged; nothing was imported.", number=number)
            name = clean_name(str(item.get("name", "")), field="template name", max_length=200)
            result.append(
                {"name": name, "subject": str(item.get("subject", ""))[:500], "body": str(item.get("body", ""))}
            )
        return result

    def import_templates(
        self, operator: Operator, path: str | os.PathLike[str], tenant_id: int, on_clash: OnClash
    ) -> ImportReport:
        """T12: every template of the file into ``tenant_id``, all or nothing, with ``on_clash``
        deciding about names the tenant has already."""
        operator.require("contacts.import")
        items = self.read_template_file(path)
        created = skipped = renamed = overwritten = 0
        with TenantWork(self._router, operator, tenant_id) as work:
            work.scope.require_edit(tenant_id, TEMPLATE)
            session = work.session
            existing = {t.name: t for t in session.scalars(select(Template).where(Template.tenant_id == tenant_id))}
            for item in items:
                name = item["name"]
                current = existing.get(name)
                if current is not None:
                    if on_clash is OnClash.SKIP:
                        skipped += 1
                        continue
                    if on_clash is OnClash.OVERWRITE:
                        current.subject, current.body = item["subject"], item["body"]
                        overwritten += 1
                        continue
                    name = _free_name(name, existing)
                    renamed += 1
                else:
                    created += 1
                template = Template(tenant_id=tenant_id, name=name, subject=item["subject"], body=item["body"])
                session.add(template)
                existing[name] = template
            work.commit()
        return ImportReport(created, skipped, renamed, overwritten)


def _free_name(name: str, taken: dict[str, Template]) -> str:
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = name[: 200 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1
