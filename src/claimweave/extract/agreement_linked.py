"""Sides an agreement shares with the other agreements of its story: the counterpart of a group it
is one of ("Colombia and Peru negotiated deals with the U.S. ... Peru has ratified the pact"), the
sides of a group that lists it or of one named with it, the same agreement told twice, and the sides
of a later agreement that replaces it. A mixin of ``AgreementExtractor``, which supplies
``sides_window``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimweave.extract.agreement_story import LIKE_WORDS
from claimweave.extract.agreement_terms import same_name
from claimweave.extract.agreement_types import Term

if TYPE_CHECKING:
    from claimweave.extract.agreements import Draft

# what a later agreement does to an earlier one between the same sides
_SUCCEEDING = ("replace", "supersede", "supplement", "succeed", "follow", "amend", "update")


class LinkedSides:
    """The passes of ``AgreementExtractor`` that share sides between a story's agreements."""

    def _shared_counterpart(self, drafts: list[Draft]) -> None:
        """"Colombia and Peru negotiated trade deals with the U.S. ... Peru has ratified the pact;
        Colombia plans to sign its agreement": one of several deals made with the same counterpart,
        told by one side alone, is with that counterpart too."""
        for k, d in enumerate(drafts):
            m = d.kind_mention
            if m.plural or not m.definite or len(d.terms.parties) != 1:
                continue
            group = next((
                g for g in reversed(drafts[:k])
                if g.kind_mention.plural and 0 <= d.first_sentence - g.last_sentence <= self.sides_window
            ), None)
            if group is None:
                continue
            with_ = [p for p in group.terms.parties if p.rule == "party.with"]
            own = d.terms.parties[0].value[0]
            if len(with_) == 1 and not same_name(with_[0].value[0], own):
                d.terms.parties.append(Term(with_[0].value, with_[0].start, with_[0].end, "party.group_counterpart"))

    def _group_member(self, doc: Doc, drafts: list[Draft]) -> None:
        """"X signed two agreements with Y. One accord waives visas for ...": one of a group just named
        is between the group's sides, not the places its own sentence mentions."""
        for k, d in enumerate(drafts):
            m = d.kind_mention
            opening = doc[m.start].lower_
            if m.plural or opening not in ("one", "another", "other") and not (opening == "the" and m.start + 1 < len(doc) and doc[m.start + 1].lower_ == "other"):
                continue
            if any(p.rule not in ("party.clause", "party.name") for p in d.terms.parties) or opening == "another" and d.terms.parties:
                continue  # "One accord, with Japan, ...", "another deal was signed by X and Y": its own sides
            group = next((
                g for g in reversed(drafts[:k])
                if g.kind_mention.plural and len(g.terms.parties) >= 2 and 0 < d.first_sentence - g.last_sentence <= self.sides_window
            ), None)
            if group is not None:
                d.terms.parties = sides_of(group, "party.group_member")

    @staticmethod
    def _included_members(doc: Doc, drafts: list[Draft]) -> None:
        """"X and Y sealed 13 agreements on Tuesday, including a pact on A and a protocol on B": the
        agreements named after "including" are between the group's sides and made on its day."""
        for d in drafts:
            item = doc[d.kind_mention.head]
            joined = item.dep_ == "conj"
            while item.dep_ == "conj" and item.head != item:
                item = item.head
            if joined and not (item.dep_ == "pobj" and item.head.lower_ in ("including", "like")):
                # ("including a pact to reopen the pass and a protocol on X": the parser may join the
                # second to a word of the first's clause)
                item = next((a for a in item.ancestors if a.dep_ == "pobj" and a.head.lower_ in ("including", "like")), item)
            if item.dep_ != "pobj" or item.head.lower_ not in ("including", "like"):
                continue
            anchor = item.head.head
            group = next((g for g in drafts if g is not d and g.kind_mention.plural and doc[g.kind_mention.head] in (anchor, *anchor.children)), None)
            if group is None:
                continue
            # (not one that names its own sides: "including a contract between Petrobras and Sinopec")
            own = any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in doc[d.kind_mention.head].children)
            if not own and all(p.rule in ("party.clause", "party.name") for p in d.terms.parties) and len(group.terms.parties) >= 2:
                d.terms.parties = sides_of(group, "party.group_member")
            if not d.terms.signed:
                d.terms.signed = relabelled(group.terms.signed, "signed.group")

    @staticmethod
    def _coordinated_objects(doc: Doc, drafts: list[Draft]) -> None:
        """"China and Vietnam signed a land border treaty in 1999 and an agreement on the Beibu Gulf in
        December 2000": an agreement joined by "and" to another that one verb signs, naming no side of
        its own, is between the same sides."""
        heads = {d.kind_mention.head: d for d in drafts}
        for d in drafts:
            item = doc[d.kind_mention.head]
            # (its own sides, "with X", but not "together with a fisheries agreement")
            own = any(c.dep_ == "prep" and c.lower_ in ("between", "with") and not any(g.i in heads for g in c.children) for c in item.children)
            together = item.dep_ == "pobj" and item.head.lower_ == "with" and any(c.lower_ == "together" for c in item.head.children)
            if together and item.head.head.i in heads and not d.terms.parties:
                # ("... in December 2000, together with a fisheries agreement for the gulf": made with it)
                known = heads[item.head.head.i]
                d.terms.parties = sides_of(known, "party.coordinated")
                d.terms.signed = d.terms.signed or relabelled(known.terms.signed, "signed.coordinated")
                continue
            if d.terms.parties or item.dep_ != "conj" or own:
                continue
            first = item
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            if first.pos_ == "VERB":
                # ("signed a treaty in 1999 and an agreement on X in 2000": the parser may join the second to the verb)
                first = next((c for c in first.children if c.dep_ == "dobj" and c.i < item.i), first)
            known = heads.get(first.i)
            if known is None or known is d or first.dep_ not in ("dobj", "nsubjpass") or len(known.terms.parties) < 2:
                continue
            d.terms.parties = sides_of(known, "party.coordinated")

    @staticmethod
    def _same_agreement(drafts: list[Draft]) -> None:
        """"the 1992 Rome peace accords" ... "the 1992 peace accords, which ended a war between X and
        Y": an agreement named again with the same year, kind and fewer words is the same one, so one
        with no sides takes those the other is told with."""
        for d in drafts:
            m = d.kind_mention
            if d.terms.parties or not m.definite or not d.terms.signed or not d.words:
                continue
            years = {s.value[:4] for s in d.terms.signed}
            other = next((
                e for e in drafts
                if e is not d and e.terms.parties and e.kind_mention.definite and e.kind_mention.rule.kind == m.rule.kind
                and e.kind_mention.plural == m.plural and {s.value[:4] for s in e.terms.signed} == years
                and e.words and (e.words <= d.words or d.words <= e.words)
            ), None)
            if other is not None:
                d.terms.parties = sides_of(other, "party.same_agreement")


    def _succeeded(self, doc: Doc, drafts: list[Draft]) -> None:
        """"The treaty supplements a 1985 border treaty", "It replaces a 1995 security agreement": an
        earlier agreement that a later one replaces, amends or follows, told with none or only some of
        the later one's sides, is between the same sides."""
        heads = {m.head: d for d in drafts for m in d.mentions}
        for d in drafts:
            for m in d.mentions:
                obj = doc[m.head]
                verb = obj.head
                if obj.dep_ != "dobj" or verb.lemma_ not in _SUCCEEDING or verb.pos_ != "VERB":
                    continue
                if any(c.dep_ == "amod" and c.lower_ in LIKE_WORDS for c in obj.children):
                    continue  # ("It follows a similar agreement signed in March": one made by others)
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    continue
                later = heads.get(subject.i)
                if later is None and subject.lower_ in ("it", "this"):
                    # (the agreement the sentences just before told, the one "it" stands for)
                    told = [e for e in drafts if e is not d and any(x.end <= subject.i for x in e.mentions)]
                    later = max(told, key=lambda e: max(x.end for x in e.mentions if x.end <= subject.i), default=None)
                    if later is not None and subject.sent.start - max(x.end for x in later.mentions if x.end <= subject.i) > 80:
                        later = None
                if later is None or later is d or len(later.terms.parties) < 2 or len(d.terms.parties) >= len(later.terms.parties):
                    continue
                sides = [p.value[0] for p in later.terms.parties]
                if all(any(same_name(p.value[0], s) for s in sides) for p in d.terms.parties):
                    d.terms.parties = sides_of(later, "party.succeeded")
                break


def sides_of(draft: Draft, rule: str) -> list[Term]:
    """Another agreement's sides, as the sides of this one found by ``rule``."""
    return relabelled(draft.terms.parties, rule)


def relabelled(terms: list[Term], rule: str) -> list[Term]:
    """Terms read for another agreement, as this one's found by ``rule``."""
    return [Term(t.value, t.start, t.end, rule) for t in terms]
