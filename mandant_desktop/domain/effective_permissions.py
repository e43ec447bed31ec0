"""One user's effective permissions in every org unit, kept compact (SPEC R3, A5; issue 8).

A user holds few roles but may hold them in thousands of units, inherited ones included. So the
index keeps what the database hands over, the units of each role and the codes of each role, and
answers from sets: a permission is allowed in a unit when the unit is among the units of a role
that grants it. Expanding that into a map unit → permissions is only done when asked for
(:attr:`PermissionIndex.by_unit`), and units holding the same roles share one set of codes.
"""

from __future__ import annotations

from collections.abc import Mapping

_NO_UNITS: frozenset[int] = frozenset()
_NO_CODES: frozenset[str] = frozenset()


class PermissionIndex:
    """The permissions of ``user_id``: ``units_of_role`` (role → the units the user holds it in,
    direct or inherited) and ``codes_of_role`` (role → the permission codes it grants)."""

    __slots__ = ("_by_unit", "_codes_of_roles", "_units_of", "codes_of_role", "units_of_role", "user_id")

    def __init__(
        self,
        user_id: int,
        units_of_role: Mapping[int, frozenset[int]],
        codes_of_role: Mapping[int, frozenset[str]],
    ) -> None:
        self.user_id = user_id
        self.units_of_role = {role: units for role, units in units_of_role.items() if units}
        self.codes_of_role = {role: codes_of_role.get(role, _NO_CODES) for role in self.units_of_role}
        #: permission → the units it is allowed in; permissions granted by the same roles share a set
        self._units_of: dict[str, frozenset[int]] = {}
        granting: dict[str, list[int]] = {}
        for role, codes in self.codes_of_role.items():
            for code in codes:
                granting.setdefault(code, []).append(role)
        united: dict[tuple[int, ...], frozenset[int]] = {}
        for code, roles in granting.items():
            if len(roles) == 1:
                self._units_of[code] = self.units_of_role[roles[0]]
                continue
            key = tuple(roles)
            units = united.get(key)
            if units is None:
                units = united[key] = frozenset().union(*(self.units_of_role[r] for r in roles))
            self._units_of[code] = units
        self._codes_of_roles: dict[tuple[int, ...], frozenset[str]] = {}
        self._by_unit: dict[int, frozenset[str]] | None = None

    def allows(self, unit_id: int, permission: str) -> bool:
        return unit_id in self._units_of.get(permission, _NO_UNITS)

    def units_with(self, permission: str) -> frozenset[int]:
        """The units in which ``permission`` is allowed."""
        return self._units_of.get(permission, _NO_UNITS)

    def permissions(self) -> frozenset[str]:
        """Every permission allowed in at least one unit."""
        return frozenset(self._units_of)

    def in_unit(self, unit_id: int) -> frozenset[str]:
        """The permissions allowed in ``unit_id`` (empty for a unit without roles)."""
        return self._codes_of(tuple(role for role, units in self.units_of_role.items() if unit_id in units))

    @property
    def by_unit(self) -> Mapping[int, frozenset[str]]:
        """unit → its permissions, for every unit with at least one; built on first use."""
        if self._by_unit is None:
            self._by_unit = self._expand()
        return self._by_unit

    def _codes_of(self, roles: tuple[int, ...]) -> frozenset[str]:
        codes = self._codes_of_roles.get(roles)
        if codes is None:
            codes = self._codes_of_roles[roles] = frozenset().union(*(self.codes_of_role[r] for r in roles))
        return codes

    def _expand(self) -> dict[int, frozenset[str]]:
        if len(self.units_of_role) == 1:  # the common case: one group, no set to build
            ((role, units),) = self.units_of_role.items()
            codes = self.codes_of_role[role]
            return dict.fromkeys(units, codes) if codes else {}
        # Split the units into groups holding the same roles with set operations (a few roles,
        # thousands of units: the work stays in C), then give each group its codes at once.
        groups: list[tuple[tuple[int, ...], frozenset[int]]] = [((), frozenset().union(*self.units_of_role.values()))]
        for role, units in self.units_of_role.items():
            split: list[tuple[tuple[int, ...], frozenset[int]]] = []
            for roles, members in groups:
                holding, lacking = members & units, members - units
                if holding:
                    split.append(((*roles, role), holding))
                if lacking:
                    split.append((roles, lacking))
            groups = split
        by_unit: dict[int, frozenset[str]] = {}
        for roles, members in groups:
            if codes := self._codes_of(roles):
                by_unit.update(dict.fromkeys(members, codes))
        return by_unit
