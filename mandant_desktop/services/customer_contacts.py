"""A customer's contacts and their external portal users (SPEC C10, C12).

An external user exists only for a contact of a customer with remote access: a row of
``app_user`` of kind external with the customer and the contact, an argon2id hash, and the
memberships of the customer's rights group and RemoteUsers (and RemoteAdministrators for an
external administrator). Being such a row is all it takes to appear under "External" in user
administration.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import Contact, Customer, RightsGroup, User, UserKind, UserStatus, utcnow
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import NotFoundError, ValidationError
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.passwords import hash_password
from mandant_desktop.services.rights_groups import (
    REMOTE_ADMINS_GROUP,
    REMOTE_USERS_GROUP,
    add_memberships,
    system_group_id,
)
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.unit_of_work import UnitOfWork, check_version

CONTACT_TYPE_MAX = 50


@dataclass(frozen=True, slots=True)
class ExternalUserRow:
    id: int
    username: str
    active: bool
    is_external_admin: bool
    version: int


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    contact_type: str
    salutation: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    user: ExternalUserRow | None
    #: the contact's tenant: where the contacts service finds it to edit it
    tenant_id: int = 0

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class NewContact:
    last_name: str
    first_name: str = ""
    contact_type: str = ""
    salutation: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class NewExternalUser:
    contact_id: int
    username: str
    password: str
    password_repeat: str
    external_admin: bool = False


class CustomerContactService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    @staticmethod
    def _customer(session: Session, scope: TenantScope, customer_id: int, *, edit: bool) -> Customer:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Customer")
        if edit:
            scope.require_edit(customer.tenant_id, "Customer")
        else:
            scope.require_visible(customer.tenant_id, "Customer")
        return customer

    def contacts(self, operator: Operator, customer_id: int) -> list[ContactRow]:
        """The customer's contacts with their external user, personal fields masked without the
        private-data right (T8)."""
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            customer = self._customer(session, scope, customer_id, edit=False)
            users = {
                u.contact_id: u
                for u in session.scalars(
                    select(User).where(User.customer_id == customer.id, User.kind == UserKind.EXTERNAL)
                )
            }
            contacts = session.scalars(
                select(Contact)
                .where(Contact.customer_id == customer.id)
                .order_by(Contact.last_name, Contact.first_name, Contact.id)
            ).all()
            result = []
            for c in contacts:
                user = users.get(c.id)
                result.append(
                    ContactRow(
                        c.id,
                        c.contact_type,
                        c.salutation,
                        c.first_name,
                        c.last_name,
                        str(scope.mask(c.tenant_id, c.email)) if c.email else None,
                        str(scope.mask(c.tenant_id, c.phone)) if c.phone else None,
                        ExternalUserRow(
                            user.id,
                            user.username,
                            user.status != UserStatus.DEACTIVATED,
                            user.is_external_admin,
                            user.version,
                        )
                        if user is not None
                        else None,
                        c.tenant_id,
                    )
                )
            return result

    def create_contact(self, operator: Operator, customer_id: int, data: NewContact) -> int:
        """ "Create contact" (C10): a real person at the customer, in the customer's tenant."""
        operator.require("customers.edit")
        last = validation.clean_name(data.last_name, field="last name")
        first = validation.clean_name(data.first_name, field="first name", required=False)
        contact_type = validation.clean_name(
            data.contact_type, field="contact type", max_length=CONTACT_TYPE_MAX, required=False
        )
        salutation = validation.clean_name(data.salutation, field="salutation", max_length=30, required=False)
        email = validation.clean_email(data.email, required=False)
        phone = validation.clean_name(data.phone, field="phone", max_length=50, required=False) or None
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            customer = self._customer(session, load_tenant_scope(session, operator), customer_id, edit=True)
            contact = Contact(
                tenant_id=customer.tenant_id,
                customer_id=customer.id,
                contact_type=contact_type,
                salutation=salutation,
                first_name=first,
                last_name=last,
                email=email,
                phone=phone,
            )
            session.add(contact)
            session.flush()
            uow.commit()
            return contact.id

    def create_external_user(self, operator: Operator, data: NewExternalUser) -> int:
        """An external portal user for a contact (C10): member of the customer's rights group and
        RemoteUsers, and of RemoteAdministrators when external administrator.

        The account takes the contact's names, and its e-mail address only when the operator has
        the private data right in the contact's tenant (T8): user administration lists every
        user's address unmasked, so copying it for an operator to whom the contact's list shows
        "•••" would let them read it there. Without the right the account has no address; one who
        has the right gives it one by editing the contact or the user (services.contacts,
        services.users keep the same rule). SPEC C10 and seed 004 ("Bereich Benutzer") ask for
        user name and password only, no address."""
        operator.require("customers.manage_external_users")
        username = validation.clean_username(data.username)
        validation.check_password(data.password, data.password_repeat)
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            contact = session.get(Contact, data.contact_id)
            if contact is None or contact.customer_id is None:
                raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Contact")
            customer = self._customer(session, scope, contact.customer_id, edit=True)
            group_id = session.scalar(select(RightsGroup.id).where(RightsGroup.customer_id == customer.id))
            if not customer.remote_access or group_id is None:
                raise ValidationError(
                    "The customer has no remote access; switch it on in the customer's properties first."
                )
            if session.scalar(select(User.id).where(User.contact_id == contact.id)) is not None:
                raise ValidationError("This contact has a user account already.")
            key = validation.name_key(username)
            if session.scalar(select(User.id).where(User.username_key == key)) is not None:
                raise ValidationError("The user name {username} is taken.", field="username", username=username)
            user = User(
                username=username,
                username_key=key,
                email=contact.email if scope.sees_private(contact.tenant_id) else None,
                email_key=None,
                first_name=contact.first_name,
                last_name=contact.last_name,
                kind=UserKind.EXTERNAL,
                status=UserStatus.ACTIVE,
                password_hash=hash_password(data.password),
                customer_id=customer.id,
                contact_id=contact.id,
                is_external_admin=data.external_admin,
                activated_at=utcnow(),
            )
            session.add(user)
            session.flush()
            groups = [group_id, system_group_id(session, REMOTE_USERS_GROUP)]
            if data.external_admin:
                groups.append(system_group_id(session, REMOTE_ADMINS_GROUP))
            add_memberships(session, ((g, user.id) for g in groups))
            uow.commit()
            return user.id

    def set_external_user_active(
        self, operator: Operator, user_id: int, active: bool, *, expected_version: int
    ) -> None:
        """Deactivate or reactivate one external user (C12); refused as a conflict when the user
        changed since ``expected_version`` was read (S4)."""
        operator.require("customers.manage_external_users")
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            user = session.get(User, user_id)
            if user is None or user.kind is not UserKind.EXTERNAL or user.customer_id is None:
                raise NotFoundError("The {object} no longer exists or is not visible to you.", object="User")
            self._customer(session, load_tenant_scope(session, operator), user.customer_id, edit=True)
            check_version(user, expected_version, "User")
            wanted = UserStatus.ACTIVE if active else UserStatus.DEACTIVATED
            if user.status is not wanted:
                user.status = wanted
                if active:
                    user.failed_logins = 0
                    user.locked_until = None
            uow.commit()
