"""The stored naming pattern of customer rights groups (SPEC C3), a database-wide setting."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import AppSetting
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.domain.rights_group_names import NamingPattern
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork, check_version

SETTING_KEY = "customers.rights_group_pattern"


def load_pattern(session: Session) -> NamingPattern:
    row = session.get(AppSetting, SETTING_KEY)
    return NamingPattern.from_json(row.value if row is not None else None)


class RightsNamingService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def pattern(self, operator: Operator) -> NamingPattern:
        operator.require("settings.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return load_pattern(uow.session)

    def pattern_and_version(self, operator: Operator) -> tuple[NamingPattern, int]:
        """The pattern and the version of its row (0: never saved), to hand back to :meth:`save` (S4)."""
        operator.require("settings.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return load_pattern(uow.session), setting_version(uow.session, SETTING_KEY)

    def save(self, operator: Operator, pattern: NamingPattern, *, expected_version: int) -> int:
        """Store ``pattern`` for customer groups created from now on; existing groups keep their names.
        Refused as a conflict when another workstation saved the pattern since ``expected_version`` (S4).
        Returns the version the save left, for the next save."""
        operator.require("settings.edit")
        with UnitOfWork(self._factory, operator) as uow:
            row = uow.session.get(AppSetting, SETTING_KEY)
            check_setting_version(row, expected_version)
            if row is None:
                uow.session.add(AppSetting(key=SETTING_KEY, value=pattern.to_json()))
            elif row.value != pattern.to_json():
                row.value = pattern.to_json()
            uow.session.flush()
            saved = setting_version(uow.session, SETTING_KEY)
            uow.commit()
        return saved


def setting_version(session: Session, key: str) -> int:
    """The version of a database-wide setting, 0 while it was never saved (S4)."""
    row = session.get(AppSetting, key)
    return row.version if row is not None else 0


def check_setting_version(row: AppSetting | None, expected_version: int) -> None:
    """Refuse saving a setting that another workstation saved since the user read it (S4)."""
    if row is None:
        if expected_version != 0:
            raise ConflictError(
                "This {object} was deleted on another workstation in the meantime. Reload to continue.",
                object="AppSetting",
            )
        return
    check_version(row, expected_version, "AppSetting")
