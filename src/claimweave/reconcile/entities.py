"""Cross-document entity linking: one Entity per real-world person, place or organisation.

Steps (all blocked, never all pairs):
1. every DocEntity becomes a unit with folded name tokens (see ``names``);
2. full names (and every non-person name) are linked globally, pairs compared only within blocks
   that share the blocking key (consonant skeleton, repeats made one) of the surname (persons) or of
   every word (others);
3. an acronym joins the name it is defined beside ("Social Democratic Party (SDP)"), see ``acronyms``,
   and a generic organisation name its only qualified form ("Supreme Court"), see ``qualified``;
4. a bare surname joins the full name its own document uses; otherwise the only full name in the run
   with that surname; when several people share it, the one whose roles match; else it stays a
   separate, per-document entity rather than a guess.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from claimweave.extract.common import stable_id
from claimweave.models import DocEntity, DocResult, Entity, MatchEvidence
from claimweave.reconcile.generic import generic_node, is_generic, link_generic
from claimweave.reconcile.acronyms import is_acronym, link_acronyms
from claimweave.reconcile.linker import Linker
from claimweave.reconcile.qualified import link_qualified
from claimweave.reconcile.names import block_key, compare_names, display_name, name_tokens, skeleton, token_similarity
from claimweave.reconcile.rules import linkage, name_rules, nationalities


@dataclass
class Unit:
    """One DocEntity with what linking needs to know about it."""

    doc_id: str
    entity: DocEntity
    family: str
    tokens: tuple[str, ...]
    display: str
    titles: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()


@dataclass
class EntityIndex:
    """The linked entities and how to find the entity of a per-document entity or name."""

    entities: list[Entity]
    by_doc_entity: dict[str, str] = field(default_factory=dict)
    by_doc_name: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)
    by_doc_surname: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def resolve(self, doc_id: str, *, entity_id: str | None = None, text: str | None = None) -> str | None:
        """The reconciled entity id of a DocEntity id, or of a name as written in a document."""
        if entity_id and entity_id in self.by_doc_entity:
            return self.by_doc_entity[entity_id]
        if not text:
            return None
        for family in ("PERSON", "PLACE", "ORG", "NORP"):
            tokens = name_tokens(text, family=family)
            if (found := self.by_doc_name.get((doc_id, tokens))) is not None:
                return found
            if family == "PERSON" and tokens:
                candidates = self.by_doc_surname.get((doc_id, tokens[-1]), set())
                if len(candidates) == 1:
                    return next(iter(candidates))
        return None

    def resolve_anywhere(self, text: str, *, family: str = "ORG") -> str | None:
        """The one reconciled entity any document names ``text`` (as an organisation), or None when there
        are none or several: a name the tagger missed in one document but found in others."""
        tokens = name_tokens(text, family=family)
        found = {v for (_, t), v in self.by_doc_name.items() if t == tokens} if tokens else set()
        return next(iter(found)) if len(found) == 1 else None


def family_of(label: str) -> str:
    """The name family a label is normalized as (PERSON, PLACE, ORG, ...)."""
    return linkage().families.get(label, label)


def link_family(family: str) -> str:
    """Persons link with persons; every other name links with every other, since small NER
    models label one place or organisation GPE, ORG, FAC or NORP from one sentence to the next."""
    return "PERSON" if family == "PERSON" else "NAME"


def make_units(results: Iterable[DocResult]) -> list[Unit]:
    """One Unit per DocEntity; a one-word non-person name that is the surname of a person in its document is relabelled."""
    units = []
    for result in results:
        linked: dict[str, list] = defaultdict(list)
        named: dict[tuple[str, ...], list] = defaultdict(list)
        for role in result.roles:
            if role.person_entity_id:
                linked[role.person_entity_id].append(role)
            else:
                named[name_tokens(role.person, family="PERSON")].append(role)
        doc_units = []
        for ent in result.entities:
            family = family_of(ent.label)
            tokens = name_tokens(ent.name, family=family) or (ent.name.casefold(),)
            roles = linked.get(ent.id, [])
            titles = frozenset(r.title_normalized for r in roles)
            display = display_name(ent.name, family=family)
            affiliations = frozenset(affiliation_key(r.affiliation) for r in roles if r.affiliation)
            doc_units.append(Unit(result.document.id, ent, link_family(family), tokens, display, titles, affiliations))
        _relabel_person_parts(doc_units)
        for unit in doc_units:
            if unit.family == "PERSON" and not unit.titles:
                unit.titles = frozenset(r.title_normalized for r in named.get(unit.tokens, []))
        units.extend(doc_units)
    _relabel_bare_surnames(units)
    _relabel_lone_persons(units)
    return units


def _as_person(unit: Unit) -> None:
    unit.family = "PERSON"
    unit.tokens = name_tokens(unit.entity.name, family="PERSON")
    unit.display = display_name(unit.entity.name, family="PERSON")


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Folded country names and nationality words: never a person's given name or surname here."""
    table = nationalities()
    return frozenset(t for text in (*table, *table.values()) for t in name_tokens(text, family="PLACE"))


def _relabel_person_parts(doc_units: list[Unit]) -> None:
    """A one-word place or organisation that is the surname, or the given name of exactly one person,
    of a person named in full in its document is that person's name: spaCy's small models often tag
    a bare surname ("Tudjman") as ORG and an unfamiliar given name ("Kenji") as GPE."""
    full = [u for u in doc_units if u.family == "PERSON" and len(u.tokens) > 1]
    surnames = {u.tokens[-1] for u in full}
    given = Counter(u.tokens[0] for u in {u.tokens: u for u in full}.values())
    for unit in doc_units:
        if unit.family == "PERSON" or len(unit.tokens) != 1:
            continue
        token = unit.tokens[0]
        if (token in surnames or given[token] == 1) and token not in _country_words() and not unit.entity.name.isupper():
            _as_person(unit)


def _bare_surnames(units: list[Unit]) -> dict[str, set[str]]:
    """Per surname, the documents that call a person by it alone (a one-word mention of a person
    named in full, or a one-word PERSON entity)."""
    surnames = {u.tokens[-1] for u in units if u.family == "PERSON" and len(u.tokens) > 1}
    docs: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        if unit.family != "PERSON":
            continue
        for mention in unit.entity.mentions:
            tokens = name_tokens(mention.text, family="PERSON")
            if len(tokens) == 1 and tokens[0] in surnames and tokens[0] == unit.tokens[-1]:
                docs[tokens[0]].add(unit.doc_id)
    return docs


def _relabel_bare_surnames(units: list[Unit]) -> None:
    """A one-word ORG that other documents of the same story use as a person's surname alone is that
    person ("Fujimori" tagged ORG throughout an article that never gives the first name).

    Same story: the documents share at least two other names. A name that is a place anywhere in
    the run is left alone (Jordan, Washington)."""
    bare = _bare_surnames(units)
    places = {u.tokens for u in units if family_of(u.entity.label) == "PLACE"}
    names_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for unit in units:
        names_of[unit.doc_id].add(unit.tokens)
    least = name_rules().linking.same_story_names
    limit = linkage().max_block
    for unit in units:
        if unit.family == "PERSON" or len(unit.tokens) != 1 or unit.entity.label != "ORG" or unit.entity.name.isupper():
            continue
        if unit.tokens in places or unit.tokens[0] not in bare or len(bare[unit.tokens[0]]) > limit:
            continue  # a surname used alone in that many documents is too common to place by story
        mine = names_of[unit.doc_id] - {unit.tokens}
        if any(len(mine & names_of[other]) >= least for other in bare[unit.tokens[0]] - {unit.doc_id}):
            _as_person(unit)


def _relabel_lone_persons(units: list[Unit]) -> None:
    """A one-word PERSON that is nobody's surname in the run but is a place or organisation
    elsewhere (``SANA``, ``Hmeimim``) is that place or organisation."""
    surnames = {u.tokens[-1] for u in units if u.family == "PERSON" and len(u.tokens) > 1}
    things = {u.tokens for u in units if u.family != "PERSON"}
    for unit in units:
        if unit.family == "PERSON" and len(unit.tokens) == 1 and unit.tokens[0] not in surnames and unit.tokens in things:
            unit.family = "NAME"


def _block_key(family: str, tokens: tuple[str, ...]) -> tuple:
    if family == "PERSON":
        return (family, block_key(tokens[-1]))
    return (family, tuple(block_key(t) for t in tokens))


def affiliation_key(text: str) -> str:
    """A rough key under which "Syria", "Syrian" and "Syria's" agree: the first letters of the folded name."""
    tokens = name_tokens(text, family="PLACE")
    return tokens[0][:4] if tokens else text.casefold()


def _link_names(
    linker: Linker, keys: list[tuple[str, tuple[str, ...]]], affiliations: dict[tuple, set[str]] | None = None
) -> None:
    """Union the global name keys that denote the same entity, comparing pairs within blocks only.

    Roles are evidence against a spelling match: two similar names whose people are affiliated
    with different countries or organisations (and never the same one) are not merged.
    """
    affiliations = affiliations or {}
    blocks: dict[tuple, list] = defaultdict(list)
    for key in keys:
        blocks[_block_key(*key)].append(key)
    limit = linkage().max_block
    for block in blocks.values():
        if len(block) > limit:
            # A very common surname: compare only names that also share the first name's skeleton.
            sub: dict[tuple, list] = defaultdict(list)
            for key in block:
                sub[(block_key(key[1][0]), len(key[1]))].append(key)
            parts = list(sub.values())
        else:
            parts = [block]
        for part in parts:
            for a, b in combinations(sorted(part), 2):
                match = compare_names(a[1], b[1], family=a[0])
                aff_a, aff_b = affiliations.get(a), affiliations.get(b)
                if match and aff_a and aff_b and not aff_a & aff_b:
                    continue
                if match:
                    linker.union(("name", *a), ("name", *b), match.rule, match.score)


def link_entities(results: list[DocResult]) -> EntityIndex:
    """Link the DocEntities of all ``results`` into reconciled entities."""
    units = make_units(results)
    linker = Linker()
    node_of: dict[int, Hashable] = {}
    short: list[int] = []
    keys = set()
    for i, unit in enumerate(units):
        if unit.family == "PERSON" and len(unit.tokens) == 1:
            short.append(i)
            continue
        if is_generic(unit):
            # "Congress" in a story about Washington and in one about Delhi: see reconcile.generic.
            node_of[i] = generic_node(unit)
            linker.add(node_of[i])
            continue
        node = ("name", unit.family, unit.tokens)
        linker.add(node)
        node_of[i] = node
        keys.add((unit.family, unit.tokens))
    affiliations: dict[tuple, set[str]] = defaultdict(set)
    for unit in units:
        affiliations[(unit.family, unit.tokens)] |= unit.affiliations
    _link_names(linker, sorted(keys), affiliations)
    link_generic(units, node_of, linker)
    link_acronyms(units, node_of, linker)
    link_qualified(units, node_of, linker)
    attachments = _attach_short_forms(units, short, node_of, linker)
    return _build(units, node_of, linker, attachments)


def _first(unit: Unit) -> int:
    return min((m.start for m in unit.entity.mentions), default=0)


def _attach_short_forms(units: list[Unit], short: list[int], node_of: dict[int, Hashable], linker: Linker) -> list:
    """Give every one-word person name a node: its full name's, or its own (global or per document).

    In order: a full name with this surname written earlier in the same document (a surname
    before any full name is someone famous enough to need no introduction, not the relative
    introduced later: "Fujimori's son, Kenji Fujimori"); the one person in the run with this surname,
    else the one whose roles match, else the one the other documents call by the surname alone; if
    nobody has this surname, the one person of the document with this given name, else the one
    person in the run with this given name whose surname the document names ("his brother Pedro").
    Else it stays apart.
    """
    least = linkage().token_similarity
    by_surname: dict[str, list[int]] = defaultdict(list)
    by_given: dict[str, list[int]] = defaultdict(list)
    doc_full: dict[str, list[int]] = defaultdict(list)
    doc_surnames: dict[str, set[str]] = defaultdict(set)
    for i, node in node_of.items():
        unit = units[i]
        if unit.family == "PERSON":
            by_surname[block_key(unit.tokens[-1])].append(i)
            by_given[block_key(unit.tokens[0])].append(i)
            doc_full[unit.doc_id].append(i)
            doc_surnames[unit.doc_id].add(unit.tokens[-1])
    for i in short:
        doc_surnames[units[i].doc_id].add(units[i].tokens[0])
    root_titles: dict[Hashable, set[str]] = defaultdict(set)
    for i, node in node_of.items():
        root_titles[linker.find(node)] |= units[i].titles
    bare = _bare_surnames(units)
    usual_docs: dict[Hashable, set[str]] = defaultdict(set)
    for i, node in node_of.items():
        unit = units[i]
        if unit.family == "PERSON" and unit.doc_id in bare.get(unit.tokens[-1], ()):
            usual_docs[linker.find(node)].add(unit.doc_id)
    attachments = []
    lonely: list[int] = []
    for i in short:
        unit = units[i]
        token = unit.tokens[0]

        def roots(candidates: list[int], part: int = -1) -> dict[Hashable, tuple[int, float]]:
            found: dict[Hashable, tuple[int, float]] = {}
            for j in candidates:
                score = token_similarity(token, units[j].tokens[part])
                if score >= least:
                    root = linker.find(node_of[j])
                    if root not in found or score > found[root][1]:
                        found[root] = (j, score)
            return found

        here = _first(unit)
        scope, rule = roots([j for j in doc_full[unit.doc_id] if _first(units[j]) < here]), "same_document_full_name"
        if not scope:
            scope, rule = roots(by_surname[block_key(token)]), "only_full_name_in_run"
        if len(scope) > 1 and unit.titles:
            fitting = {r: v for r, v in scope.items() if root_titles[r] & unit.titles}
            scope, rule = (fitting, "role_match") if len(fitting) == 1 else (scope, rule)
        if len(scope) > 1:
            scope, rule = _usual_short_name(scope, usual_docs, unit.doc_id, rule)
        if not scope:
            given = roots(doc_full[unit.doc_id], 0)
            scope, rule = (given, "same_document_given_name") if len(given) == 1 else ({}, rule)
        if not scope:
            family = {r: v for r, v in roots(by_given[block_key(token)], 0).items() if units[v[0]].tokens[-1] in doc_surnames[unit.doc_id]}
            scope, rule = (family, "given_name_and_family_in_document") if len(family) == 1 else ({}, rule)
        if len(scope) == 1:
            root, (j, score) = next(iter(scope.items()))
            node_of[i] = root
            attachments.append((unit.display, units[j].display, root, rule, round(score, 3)))
        elif len(scope) > 1:
            # Several people share this surname and nothing tells them apart: do not guess.
            node = ("doc", unit.doc_id, unit.family, unit.tokens)
            linker.add(node)
            node_of[i] = node
        else:
            lonely.append(i)
    keys = sorted({(units[i].family, units[i].tokens) for i in lonely})
    for i in lonely:
        node_of[i] = ("name", units[i].family, units[i].tokens)
        linker.add(node_of[i])
    _link_names(linker, keys)
    return attachments


def _usual_short_name(scope: dict, usual_docs: dict[Hashable, set[str]], doc_id: str, rule: str) -> tuple[dict, str]:
    """Of several people sharing a surname, the one other documents call by the surname alone, when
    enough documents do so and those for anyone else are fewer than a third as many."""
    counts = sorted(((len(usual_docs[r] - {doc_id}), repr(r), r) for r in scope), reverse=True)
    (top, _, root), (second, _, _) = counts[0], counts[1]
    if top >= name_rules().linking.usual_short_name_docs and top >= 3 * second:
        return {root: scope[root]}, "usual_short_name"
    return scope, rule


def _build(units: list[Unit], node_of: dict[int, Hashable], linker: Linker, attachments: list) -> EntityIndex:
    members: dict[Hashable, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        members[linker.find(node_of[i])].append(unit)
    evidence: dict[Hashable, set[tuple]] = defaultdict(set)
    display_of_node: dict[Hashable, str] = {}
    for i, unit in enumerate(units):
        if node_of[i][-1] == unit.tokens:
            display_of_node.setdefault(node_of[i], unit.display)
    for a, b, rule, score in linker.edges:
        evidence[linker.find(a)].add((display_of_node.get(a, _node_text(a)), display_of_node.get(b, _node_text(b)), rule, score))
    for short_name, full_name, root, rule, score in attachments:
        evidence[linker.find(root)].add((short_name, full_name, rule, score))
    for root, group in members.items():
        by_key: dict[tuple, set[str]] = defaultdict(set)
        for u in group:
            if len(u.tokens) > 1 or u.family != "PERSON":
                by_key[u.tokens].add(u.display)
        for spellings in by_key.values():
            first, *others = sorted(spellings)
            evidence[root] |= {(first, other, "same_folded_name", 1.0) for other in others}

    index = EntityIndex(entities=[])
    used: set[str] = set()
    canonical = {root: _canonical(group, root) for root, group in members.items()}
    for root in sorted(members, key=lambda r: (canonical[r], repr(r))):
        group = members[root]
        entity = _entity(canonical[root], group, evidence[root], used)
        index.entities.append(entity)
        for unit in group:
            index.by_doc_entity[unit.entity.id] = entity.id
            index.by_doc_name.setdefault((unit.doc_id, unit.tokens), entity.id)
            if unit.family == "PERSON":
                index.by_doc_surname.setdefault((unit.doc_id, unit.tokens[-1]), set()).add(entity.id)
    index.entities.sort(key=lambda e: (e.label, e.name.casefold(), e.id))
    return index


def _node_text(node: Hashable) -> str:
    return " ".join(node[-1]) if isinstance(node, tuple) else str(node)


def _canonical(group: list[Unit], root: Hashable) -> str:
    """A spelling-independent key for the id: the skeleton of the shortest full name (first in order)."""
    full = [u for u in group if len(u.tokens) > 1] or group
    shortest = min(len(u.tokens) for u in full)
    skeletons = sorted(" ".join(skeleton(t) for t in u.tokens) for u in full if len(u.tokens) == shortest)
    where = root[1] if root[0] == "doc" else ""
    return f"{group[0].family}|{skeletons[0]}|{where}"


def _entity(canonical: str, group: list[Unit], evidence: set[tuple], used: set[str]) -> Entity:
    family = group[0].family
    entity_id = stable_id("E", canonical)
    if entity_id in used:
        # Two entities with the same skeleton (e.g. Hama and a homonym): tell them apart by spelling.
        entity_id = stable_id("E", canonical, min(" ".join(u.tokens) for u in group), min(u.entity.id for u in group))
    used.add(entity_id)
    unique = {(m.doc_id, m.start, m.end, m.text): m for u in group for m in u.entity.mentions}
    mentions = sorted(unique)
    mention_models = [unique[k] for k in mentions]
    label_counts = Counter()
    name_counts = Counter()
    for unit in group:
        # a name relabelled as a person's counts as a person ("Kenji" tagged GPE)
        label_counts["PERSON" if unit.family == "PERSON" else unit.entity.label] += len(unit.entity.mentions)
        name_counts[unit.display] += len(unit.entity.mentions)
    label = min(label_counts, key=lambda lab: (-label_counts[lab], lab))
    # A person is best named in full; anything else by its most frequent spelling, written out
    # rather than as an acronym.
    if family == "PERSON":
        full_names = [n for n in name_counts if len(name_tokens(n, family=family)) > 1] or list(name_counts)
    else:
        full_names = [n for n in name_counts if not is_acronym(n)] or list(name_counts)
    name = min(full_names, key=lambda n: (-name_counts[n], -len(n), n))
    aliases = sorted({t for _, _, _, t in mentions} | set(name_counts))
    return Entity(
        id=entity_id,
        label=label,
        name=name,
        aliases=aliases,
        mentions=mention_models,
        sources=sorted({u.doc_id for u in group}),
        match_evidence=[
            MatchEvidence(names=(a, b), rule=rule, score=score)
            for a, b, rule, score in sorted(evidence)
            if a != b
        ],
    )
