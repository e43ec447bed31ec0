"""The org-unit tree and the role assignments on it, planned in memory (SPEC A5, A6, section 8).

Inheritance is computed here in Python rather than by the assignment service: a million rows go
in as a few set-based inserts, and the rules the service enforces hold by construction:

* an inheritance source (user, unit) has the user's roles at that unit as direct rows;
* every descendant of a source where the user has no direct role holds the same role set with
  ``inherited_from_id`` = the source ("keep existing", SPEC A5);
* one user's sources never nest, so each inherited row has exactly one source, and within one
  unit a user's roles are all direct or all inherited (SPEC A6).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.services.demo import names
from mandant_desktop.services.demo.context import DemoContext, Row

ROOT_NAME = "Konzern"

#: predefined role keys with their weight when a role is drawn for an ordinary user
_ROLE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("reader", 30),
    ("author", 25),
    ("editor", 28),
    ("auditor", 8),
    ("data_protection_officer", 4),
    ("administrator", 2),
)
#: depth of an inheriting unit, weighted: mostly departments and teams, rarely a whole division
_SOURCE_DEPTH_WEIGHTS: dict[int, int] = {1: 6, 2: 30, 3: 38, 4: 26}


@dataclass(slots=True)
class OrgTree:
    root: int
    parent: dict[int, int | None] = field(default_factory=dict)
    depth: dict[int, int] = field(default_factory=dict)
    name: dict[int, str] = field(default_factory=dict)
    sort_order: dict[int, int] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    #: units in depth-first order; a subtree is the slice ``preorder[pos[u]:end[u]]``
    preorder: list[int] = field(default_factory=list)
    pos: dict[int, int] = field(default_factory=dict)
    end: dict[int, int] = field(default_factory=dict)
    #: insertion order: level by level, so that a parent is always inserted before its children
    ids: list[int] = field(default_factory=list)

    def descendants(self, unit: int) -> list[int]:
        return self.preorder[self.pos[unit] + 1 : self.end[unit]]

    def contains(self, ancestor: int, unit: int) -> bool:
        """``unit`` lies in the subtree of ``ancestor`` (itself included)."""
        return self.pos[ancestor] <= self.pos[unit] < self.end[ancestor]

    def units_at(self, depth: int) -> list[int]:
        return [u for u in self.ids if self.depth[u] == depth]

    def rows(self, ctx: DemoContext) -> list[Row]:
        return [
            {
                "id": unit,
                "name": self.name[unit],
                "search_key": search_key((self.name[unit],)),  # bulk rows pass no insert default
                "parent_id": self.parent[unit],
                "depth": self.depth[unit],
                "sort_order": self.sort_order[unit],
                "created_at": ctx.now,
                **ctx.versioned(),
            }
            for unit in self.ids
        ]


def build_org_tree(ctx: DemoContext) -> OrgTree:
    rng = ctx.rng
    root = ctx.new_id("org_unit")
    tree = OrgTree(root=root)
    tree.parent[root] = None
    tree.depth[root] = 0
    tree.name[root] = ROOT_NAME
    tree.children[root] = []
    tree.ids.append(root)
    level = [root]
    for depth, count in enumerate(ctx.config.units_per_level[1:], start=1):
        # Every unit of the level above gets a child while there are enough, the rest go at random:
        # a tree with bushy and thin branches, as grown organisations have.
        covered = rng.sample(level, min(count, len(level)))
        parents = covered + [rng.choice(level) for _ in range(count - len(covered))]
        next_level: list[int] = []
        for parent in parents:
            unit = ctx.new_id("org_unit")
            tree.parent[unit] = parent
            tree.depth[unit] = depth
            tree.children[unit] = []
            tree.children[parent].append(unit)
            tree.ids.append(unit)
            next_level.append(unit)
        for parent in level:
            _name_children(ctx, tree, parent)
        level = next_level
    _index(tree)
    return tree


def _name_children(ctx: DemoContext, tree: OrgTree, parent: int) -> None:
    kids = tree.children[parent]
    if not kids:
        return
    depth = tree.depth[parent] + 1
    if depth == 1:
        pool: Sequence[str] = names.DIVISIONS
    elif depth == 2:
        pool = names.DEPARTMENTS
    else:
        pool = [f"{word} {place}" for word in names.TEAM_WORDS[:3] for place in (*names.TEAM_NAMES, *names.CITIES)]
    picked = ctx.rng.sample(pool, min(len(kids), len(pool)))
    while len(picked) < len(kids):  # more children than words: number the rest
        picked.append(f"{pool[len(picked) % len(pool)]} {len(picked) // len(pool) + 1}")
    for order, (unit, label) in enumerate(sorted(zip(kids, picked, strict=True), key=lambda pair: pair[1])):
        tree.name[unit] = label
        tree.sort_order[unit] = order
    tree.children[parent] = sorted(kids, key=lambda u: tree.sort_order[u])


def _index(tree: OrgTree) -> None:
    tree.sort_order[tree.root] = 0
    stack: list[tuple[int, bool]] = [(tree.root, False)]
    while stack:
        unit, done = stack.pop()
        if done:
            tree.end[unit] = len(tree.preorder)
            continue
        tree.pos[unit] = len(tree.preorder)
        tree.preorder.append(unit)
        stack.append((unit, True))
        stack.extend((child, False) for child in reversed(tree.children[unit]))


# --------------------------------------------------------------------------- role assignments


@dataclass(slots=True)
class UserRoles:
    direct: dict[int, tuple[int, ...]] = field(default_factory=dict)
    sources: list[int] = field(default_factory=list)


@dataclass(slots=True)
class RolePlan:
    tree: OrgTree
    users: dict[int, UserRoles] = field(default_factory=dict)
    count: int = 0

    def user(self, user_id: int) -> UserRoles:
        return self.users.setdefault(user_id, UserRoles())

    def add_direct(self, user_id: int, unit: int, roles: tuple[int, ...]) -> bool:
        """Direct roles where the user has none yet and none arrive by inheritance."""
        plan = self.user(user_id)
        if unit in plan.direct:
            return False
        source = self._source_above(plan, unit)
        if source is not None:
            if source == unit:
                return False
            # The unit stops receiving the inherited set ("keep existing" leaves direct roles alone).
            self.count -= len(plan.direct[source])
        plan.direct[unit] = roles
        self.count += len(roles)
        return True

    def add_source(self, user_id: int, unit: int, roles: tuple[int, ...]) -> bool:
        """Tick "inherit" at ``unit``; refused when it would nest with another source of the user."""
        plan = self.user(user_id)
        tree = self.tree
        if any(tree.contains(s, unit) or tree.contains(unit, s) for s in plan.sources):
            return False
        if unit not in plan.direct:
            plan.direct[unit] = roles
            self.count += len(roles)
        role_set = plan.direct[unit]
        receiving = tree.end[unit] - tree.pos[unit] - 1
        receiving -= sum(1 for d in plan.direct if d != unit and tree.contains(unit, d))
        plan.sources.append(unit)
        self.count += receiving * len(role_set)
        return True

    def _source_above(self, plan: UserRoles, unit: int) -> int | None:
        for source in plan.sources:
            if self.tree.contains(source, unit):
                return source
        return None

    def assignment_rows(self, ctx: DemoContext) -> Iterator[Row]:
        tree = self.tree
        for user_id in sorted(self.users):
            plan = self.users[user_id]
            for unit, roles in sorted(plan.direct.items()):
                for role in roles:
                    yield _assignment(ctx, user_id, role, unit, None)
            for source in plan.sources:
                roles = plan.direct[source]
                for unit in tree.descendants(source):
                    if unit in plan.direct:
                        continue
                    for role in roles:
                        yield _assignment(ctx, user_id, role, unit, source)

    def source_rows(self, ctx: DemoContext) -> list[Row]:
        return [
            {"user_id": user_id, "org_unit_id": unit, "created_at": ctx.now, "created_by": ctx.by}
            for user_id, plan in sorted(self.users.items())
            for unit in plan.sources
        ]


def _assignment(ctx: DemoContext, user_id: int, role: int, unit: int, source: int | None) -> Row:
    return {
        "user_id": user_id,
        "role_id": role,
        "org_unit_id": unit,
        "inherited_from_id": source,
        "created_at": ctx.now,
        "created_by": ctx.by,
    }


def plan_roles(
    ctx: DemoContext,
    tree: OrgTree,
    *,
    admin_id: int,
    dpo_id: int | None,
    staff: Sequence[int],
    without_roles: Sequence[int],
) -> RolePlan:
    """Roles for ``admin_id`` (Administrator at the root, inherited everywhere), for the data
    protection officer ``dpo_id`` (likewise, with their own role) and for ``staff``.

    ``without_roles`` are left out so that the users page shows its "cannot log in" warning on
    them (SPEC U1, R3).
    """
    rng = ctx.rng
    plan = RolePlan(tree)
    plan.add_source(admin_id, tree.root, (ctx.roles["administrator"],))
    if dpo_id is not None:
        plan.add_source(dpo_id, tree.root, (ctx.roles["data_protection_officer"],))
    skipped = {admin_id, dpo_id, *without_roles}
    ordinary = [u for u in staff if u not in skipped]
    keys = [key for key, _ in _ROLE_WEIGHTS]
    weights = [weight for _, weight in _ROLE_WEIGHTS]

    def draw_roles() -> tuple[int, ...]:
        picked = {rng.choices(keys, weights)[0] for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))}
        return tuple(sorted(ctx.roles[key] for key in picked))

    all_units = tree.ids[1:] or [tree.root]
    for user_id in ordinary:
        for _ in range(rng.randint(1, 3)):
            plan.add_direct(user_id, rng.choice(all_units), draw_roles())

    by_depth = {d: tree.units_at(d) for d in _SOURCE_DEPTH_WEIGHTS}
    depths = [d for d in _SOURCE_DEPTH_WEIGHTS if any(tree.children[u] for u in by_depth[d])]
    inner = {d: [u for u in by_depth[d] if tree.children[u]] for d in depths}
    depth_weights = [_SOURCE_DEPTH_WEIGHTS[d] for d in depths]
    attempts = 0
    # Keep ticking "inherit" on random units for random users until the target is met; the cap
    # only guards against a configuration whose target cannot be reached.
    while ordinary and depths and plan.count < ctx.config.role_assignments and attempts < 50 * len(ordinary):
        attempts += 1
        depth = rng.choices(depths, depth_weights)[0]
        plan.add_source(rng.choice(ordinary), rng.choice(inner[depth]), draw_roles())
    return plan
