"""Union-find over name keys with the evidence of every union, for explainable entity clusters."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass
class Linker:
    """Disjoint sets of hashable nodes; ``union`` records why two sets were joined."""

    parent: dict[Hashable, Hashable] = field(default_factory=dict)
    edges: list[tuple[Hashable, Hashable, str, float]] = field(default_factory=list)

    def add(self, node: Hashable) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: Hashable) -> Hashable:
        root = self.parent.setdefault(node, node)
        while root != self.parent[root]:
            root = self.parent[root]
        while node != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: Hashable, b: Hashable, rule: str, score: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Only the unions that joined two sets are kept: a spanning tree explains the cluster.
            self.edges.append((a, b, rule, score))
            # The smaller root (by repr) wins so that the result does not depend on input order.
            keep, drop = sorted((ra, rb), key=repr)
            self.parent[drop] = keep

    def groups(self) -> dict[Hashable, list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = {}
        for node in self.parent:
            out.setdefault(self.find(node), []).append(node)
        return out
