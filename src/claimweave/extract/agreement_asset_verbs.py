"""Reading an agreement's asset from the verbs around it: the infinitive saying what it is for ("a deal
to provide Gaza with electricity", "the accord, signed in 1998 to allow ..."), a verb on its name or its
signing ("an accord liberalising air traffic", "a peace agreement ended the war"), the clause a verb of
permission opens ("to allow US troops return to the Philippines"), what is run under it ("the port is run
under a lease") and where a truce holds. A mixin of ``AssetReader``, which supplies the noun-phrase helpers."""

from __future__ import annotations

from claimweave.extract.agreement_asset_shapes import clause_end, of_list_item
from claimweave.extract.agreement_types import Mention
from claimweave.models import Timex


RIGHT_NOUNS = ("right", "permission", "authority", "licence", "license", "power", "option", "freedom")


# disputes whose "over X" names what the agreement settling them covers
_QUARREL_NOUNS = frozenset(("dispute", "row", "standoff", "stand-off", "stalemate", "deadlock", "impasse", "wrangling", "quarrel"))


class VerbAssets:
    """The verb-based asset readers of ``AssetReader`` (needs ``doc``, ``vocab``, ``_chars``, ``_np``,
    ``_object_np`` and ``_is_name`` from it)."""

    def _purpose_object(self, a: int, b: int, mentions: list[Mention], tx: list[Timex]) -> tuple[int, int] | None:
        """What an agreement is for, by the infinitive after it ("signed a deal with X to boost rural
        electrification" -> "rural electrification"), on its name or on the verb it is the object of."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            if head.pos_ == "VERB":
                continue
            # "the protocol, which aims to cut emissions": the infinitive under its relative clause of aim
            aims = {c.i for c in head.children if c.dep_ in ("relcl", "acl") and c.lemma_ in ("aim", "seek", "intend", "design")}
            # "an accord aimed at ending the border conflict": the gerund after "aimed at" (in text order
            # with the infinitives)
            aimed_at = [
                g for a_i in aims for p in doc[a_i].children if p.dep_ == "prep" and p.lower_ == "at"
                for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
            ]
            for v in sorted(self._infinitives(head, aims | self._purpose_owners(head)) + aimed_at, key=lambda t: t.i):
                if not m.end <= v.i < b or of_list_item(v, set(range(m.start, m.end))):
                    continue
                np = self._verb_object(v, m.end, b, tx)
                if np is not None:
                    return self._chars(*np)
        return None

    def _purpose_owners(self, head) -> set[int]:
        """Words other than the agreement's name and its signing verb that an infinitive saying what the
        agreement is for hangs on: the participle of its signing ("the accord, signed in 1998 to allow
        ..."), and the copula it or its aim is the subject of ("the deal was for the firm to make a
        satellite", "one of the deals is to ...", "the aim of the pact is to cut tariffs")."""
        doc, cues = self.doc, self.vocab.cues
        signing = set(cues.signed_verbs) | set(cues.reach_verbs)
        owners = {c.i for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in signing}
        # "a contract worth 5 million dollars to supply wheat": the parser hangs the infinitive on the value
        worth = [c for c in head.children if c.lower_ == "worth" and c.i > head.i]
        owners |= {t.i for w in worth for t in [w, *w.children] if t is w or t.dep_ in ("npadvmod", "pobj", "dobj")}
        up = head.head
        # "the Agreement (VFA), signed in 1998 between X and Y to allow ...": a reduced relative parsed as a clause
        if head.dep_ == "nsubj" and up.tag_ == "VBN" and up.lemma_ in signing and not any(c.dep_ in ("aux", "auxpass") for c in up.children):
            owners.add(up.i)
        subject = head
        if head.dep_ == "pobj" and up.lower_ == "of" and (up.head.lower_ in ("one", "some", "part") or up.head.lemma_.lower() in self.vocab.asset_words.aim_nouns):
            subject = up.head  # "one of several deals", "the aim of the deal"
        if subject.dep_ == "nsubj" and subject.head.lemma_ == "be" and subject.head.i > head.i:
            owners.add(subject.head.i)
        return owners

    def _infinitives(self, head, extra_owners: set[int] = frozenset()) -> list:
        """The infinitives saying what an agreement is for ("a deal to provide X with Y"), on its name
        ``head``, on the verb it is the object of, or on ``extra_owners``, in text order."""
        owners = {head.i} | ({head.head.i} if head.dep_ == "dobj" else set()) | set(extra_owners)
        found = (
            v for o in owners for v in self.doc[o].children
            if v.tag_ == "VB" and v.dep_ in ("advcl", "acl", "relcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        )
        return sorted((self._after_prefix(v) for v in found), key=lambda v: v.i)

    def _after_prefix(self, v):
        """"to re-open the crossing": the tokenizer splits "re", "-", "open"; the verb is the word after the hyphen."""
        doc = self.doc
        if v.i + 2 < len(doc) and not v.whitespace_ and doc[v.i + 1].text == "-" and not doc[v.i + 1].whitespace_ and doc[v.i + 2].pos_ == "VERB":
            return doc[v.i + 2]
        return v

    def _verb_object(self, v, after: int, b: int, tx: list[Timex]) -> tuple[int, int] | None:
        """A verb's object after token ``after`` as an asset, as tokens: its direct object, or what it
        supplies when that object is a name ("to provide Gaza with Egyptian electricity")."""
        # (of two objects, the thing given, not whom it is given to: "grants Occidental the right to explore X")
        obj = next((c for c in reversed(list(v.children)) if c.dep_ == "dobj"), None)
        if v.lemma_.lower() in self.vocab.asset_words.clause_verbs:
            got = self._clause_object(v, obj, after, b, tx)
            if got is not None:
                return got
        if obj is None or obj.left_edge.i < after:
            return None
        np = self._object_np(obj.left_edge.i, b, tx)
        if np is not None and self._is_name(*np):
            given = next((c for t in (v, obj) for c in t.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            what = next((c for c in given.children if c.dep_ == "pobj"), None) if given is not None else None
            words = self.vocab.asset_words
            if what is None and v.lemma_.lower() in words.named_object_verbs | words.creation_verbs:
                # "an agreement to reopen Rafah Crossing": the place or firm itself is what it covers; "the
                # deal sets up the UN Fund": so is the body it creates
                return self._whole_name(np, b)
            np = self._object_np(what.left_edge.i, b, tx) if what is not None else None
        if np is None or self._is_name(*np):
            return None
        return self._right_to(self._identified(self._whole_name(np, b), obj, b), b)

    def _whole_name(self, np: tuple[int, int], b: int) -> tuple[int, int]:
        """A phrase that ends inside a name carried to the name's end ("sets up the Regional Fund for
        Clean Water", not "the Regional Fund")."""
        ends = [x.end for x in self.doc.ents if np[0] <= x.start < np[1] < x.end <= b]
        return (np[0], max(ends)) if ends else np

    def _right_to(self, np: tuple[int, int], b: int) -> tuple[int, int]:
        """A right or permission with the infinitive that says what it allows ("gives Libya the right to
        try the men"); any other phrase as it is."""
        s, e = np
        doc = self.doc
        if e + 1 >= b or doc[e - 1].lemma_.lower() not in RIGHT_NOUNS or doc[e].lower_ != "to":
            return np
        verb = doc[e + 1]
        if verb.tag_ != "VB" or verb.head.i != e - 1:
            return np
        end = min(clause_end(verb, self.vocab.asset_words.subordinators), b)
        # (not its term or its date: "the right to explore the basin for 25 years")
        when = next((i for i in range(e + 2, end) if doc[i].ent_type_ == "DATE" and doc[i - 1].pos_ == "ADP" and doc[i - 1].head in verb.subtree), None)
        return s, (when - 1 if when is not None else end)

    def _identified(self, np: tuple[int, int], obj, b: int) -> tuple[int, int]:
        """A bare "the war" with the restrictive clause that says which one ("the war which pitted UNITA
        against the MPLA"); any other phrase as it is."""
        s, e = np
        doc = self.doc
        if e - s != 2 or doc[s].lower_ != "the" or e >= b or doc[e].lower_ not in ("which", "that"):
            return np
        clause = next((c for c in obj.children if c.dep_ == "relcl" and c.i > e), None)
        if clause is None or not any(c.i == e and c.dep_ == "nsubj" for c in clause.children):
            return np
        return s, min(clause_end(clause, self.vocab.asset_words.subordinators), b)

    def _clause_object(self, v, obj, after: int, b: int, tx: list[Timex]) -> tuple[int, int] | None:
        """What a verb of permission or outcome lets happen, as tokens: the object of the clause under it
        ("to permit the navy to use a naval base" -> "a naval base"), else the whole clause when it has
        none ("to allow US troops return to the Philippines")."""
        inner = next((c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX") and c.i > v.i), None)
        if inner is None:
            return None
        mark = next((c for c in inner.children if c.dep_ == "mark" and c.lower_ in self.vocab.asset_words.subordinators), None)
        if mark is not None:
            # "allows civilian cooperation even though X has developed weapons", parsed with the clause of
            # "though" as the verb's complement: a subject written before "though" is the verb's object
            first = next((c for c in inner.children if c.dep_ == "nsubj" and c.i < mark.i), None)
            if first is None or first.left_edge.i < after:
                return None
            np = (first.left_edge.i, min(first.right_edge.i + 1, b))
            return None if self._is_name(*np) else np
        subject = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), obj if obj is not None and obj.i < inner.i else None)
        if subject is None or subject.left_edge.i < after:
            return None
        got = self._verb_object(inner, after, b, tx)
        if got is not None:
            return got
        if subject.lower_ == "it":
            return None  # "ratified the convention, allowing it to enter into force": what it lets the agreement do
        end = min(clause_end(inner, self.vocab.asset_words.subordinators), b)
        if end <= inner.i + 1 and not any(c.dep_ == "prep" for c in inner.children):
            return None  # "to allow trade to resume": a bare verb says too little
        return subject.left_edge.i, end

    def _participle_object(self, b: int, mentions: list[Mention], words: set[str], tx: list[Timex]) -> tuple[int, int] | None:
        """What an agreement does, by a verb on its name ("an accord liberalising air traffic", "a pact that
        allows civilian nuclear cooperation") or a participle on its signing ("signed a deal, eliminating
        tariffs on steel"), as characters."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            if head.pos_ == "VERB":
                continue
            signing = head.head.i if head.dep_ == "dobj" else None
            for v in doc[m.end : b]:
                if v.lemma_.lower() not in words:
                    continue
                if v.lemma_ == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children):
                    continue  # "sets up a fund", not "set the stage"
                if any(c.dep_ == "advmod" and c.lower_ == "also" for c in v.children):
                    continue  # "the pact also covers investments": one more of the things it covers
                if v.lemma_.lower() in ("ban", "prohibit", "outlaw", "bar") and any(
                    c.dep_ == "prep" and c.lower_ == "from" and any(g.tag_ == "VBG" for g in c.children)
                    for t in [v, *(o for o in v.children if o.dep_ == "dobj")] for c in t.children
                ):
                    continue  # "banning foreign trawlers from fishing": whom the ban binds, not what it covers
                on_name = v.head.i == head.i and (v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"))
                effect = v.lemma_.lower() in self.vocab.asset_words.effect_verbs
                # "a peace agreement inked between X and the rebels, which ended a civil war": a "which" clause
                # the parser hung on a side of the signing
                on_name = on_name or effect and v.dep_ == "relcl" and self._on_signing_sides(v, head)
                # "signed a deal, eliminating tariffs" (but not "signed the deal, giving hope to investors")
                on_signing = v.head.i == signing and v.dep_ == "advcl" and v.tag_ == "VBG" and effect
                # "after a peace agreement ended a 21-year civil war", "the deal sets up a fund"
                # (not a verb of outlook: "the deal opens a wide range of opportunities")
                of_subject = head.dep_ == "nsubj" and v.i == head.head.i and effect and v.lemma_.lower() not in self.vocab.asset_words.outlook_verbs
                np = self._verb_object(v, m.end, b, tx) if on_name or on_signing or of_subject else None
                if np is not None and self._settled_dispute(v, m):
                    continue  # "a pay deal ending a six-week strike", "ending months of speculation": what it settled
                if np is not None:
                    return self._chars(*np)
        return None

    def _settled_dispute(self, v, m: Mention) -> bool:
        """True for a strike, a dispute or speculation an agreement (not a truce or peace accord, whose
        war is what it covers) ends: the occasion of the deal, not what it is about."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None:
            return False
        # ("months of speculation", "the threat of strikes": what the span is of)
        words = {obj.lemma_.lower(), *(g.lemma_.lower() for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")}
        peace = m.rule.kind == "ceasefire" or any(t.lower_ in ("peace", "truce", "ceasefire", "armistice") for t in self.doc[m.start : m.end])
        # ("ending a 20-year dispute over the Ganges waters": a dispute says what it was over)
        over = obj.lemma_.lower() in _QUARREL_NOUNS and any(c.dep_ == "prep" and c.lower_ in ("over", "about", "on") for c in obj.children)
        return bool(words & self.vocab.asset_words.dispute_nouns) and not peace and not over

    @staticmethod
    def _on_signing_sides(v, head) -> bool:
        """True for a "which" clause on a noun reached from the agreement's name through a signing
        participle and its "between"/"with"/"by" sides."""
        if not any(c.dep_ == "nsubj" and c.lower_ == "which" for c in v.children):
            return False
        up, preps = v.head, []
        while up.dep_ in ("pobj", "conj", "prep") and up.head != up:
            preps += [up.lower_] if up.dep_ == "prep" else []
            up = up.head
        return up.dep_ == "acl" and up.head.i == head.i and any(p in ("between", "with", "by") for p in preps)

    def _framed_clause(self, b: int, mentions: list[Mention], preps: set[str], tx: list[Timex]) -> tuple[int, int] | None:
        """What is done under an agreement, by the object of the relative clause it frames ("an agreement
        under which the firm will upgrade the fleet", "a deal whereby X buys Y"), as characters."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            if head.pos_ == "VERB":
                continue
            # (a clause after the object of the signing is at times hung on the verb: "signed a deal whereby ...")
            signing = [c for c in head.head.children if c.dep_ == "advcl"] if head.dep_ == "dobj" else []
            # (or on the side named after it: "signed a deal with Vodafone under which it will supply ...")
            holders = [head, head.head] if head.dep_ == "dobj" else [head]
            sides = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between") for g in c.children if g.dep_ == "pobj"]
            signing += [c for g in sides for c in g.children if c.dep_ == "relcl"]
            for v in (c for c in [*head.children, *signing] if c.dep_ in ("relcl", "acl", "advcl") and m.end <= c.i < b):
                framed = any(
                    c.dep_ == "prep" and c.lower_ in preps and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children)
                    for c in v.children
                ) or any(c.dep_ == "advmod" and c.lower_ in preps for c in v.children)
                if not framed or self._denied(v):
                    continue
                np = self._verb_object(v, m.end, b, tx)
                if np is not None:
                    return self._chars(*np)
        return None

    def _framed_subject(self, a: int, mentions: list[Mention], verbs: set[str]) -> tuple[int, int] | None:
        """What is run or worked under an agreement, as characters: the subject of a verb of use framed by
        it ("the port is run under a 49-year lease", "Sakhalin-2 operates under a PSA"); an active verb's
        named subject is its operator, no asset ("Gazprom operates under a contract")."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            prep = head.head
            if head.dep_ != "pobj" or prep.lower_ not in ("under", "through") or prep.head.pos_ != "VERB" or prep.head.lemma_ not in verbs:
                continue
            verb = prep.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if subj is None or subj.left_edge.i < a or subj.pos_ == "PRON":
                continue
            operator = subj.ent_type_ or subj.lemma_.lower() in self.vocab.cues.org_words or subj.lemma_.lower() in self.vocab.asset_words.operator_nouns
            if subj.dep_ == "nsubj" and (operator or verb.lemma_ in self.vocab.asset_words.creation_verbs):
                continue  # (who sets something up under a deal acts on it: "the two sides will set up a fund")
            return self._chars(subj.left_edge.i, subj.i + 1)
        return None

    def _ceasefire_place(self, b: int, mentions: list[Mention], kinds: set[str]) -> tuple[int, int] | None:
        """Where a truce holds: a place after the truce or after the verb it is the subject of ("a ceasefire
        between X and Y took effect in the Gaza Strip"), as characters."""
        doc = self.doc
        for m in mentions:
            if m.rule.kind not in kinds:
                continue
            head = doc[m.head]
            # "I hope the truce will take effect in X as well": a place hoped for, not where it holds
            hoped = head.head.dep_ in ("ccomp", "xcomp") and any(c.tag_ == "MD" for c in head.head.children)
            # (a verb of its holding only: "a ceasefire was brokered in Cairo" says where it was made)
            holding = head.dep_ == "nsubj" and head.head.lemma_ in self.vocab.asset_words.holding_verbs
            hosts = [head] + ([head.head] if holding and not hoped else [])
            for prep in (c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "across", "along")):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None or obj.i < m.end or obj.i >= b or obj.ent_type_ not in ("GPE", "LOC"):
                    continue
                place = [t for t in obj.subtree if t.i <= obj.i]
                if all(t.ent_type_ in ("GPE", "LOC") or t.pos_ in ("DET", "ADJ") for t in place):
                    return self._chars(place[0].i, obj.i + 1)
        return None

    def _ceasefire_after(self, b: int, mentions: list[Mention], kinds: set[str], tx: list[Timex]) -> tuple[int, int] | None:
        """The fighting a truce follows, as characters: "declared a permanent ceasefire in March after four
        decades of bombings", "a truce ... after a 34-day war" (the conflict it ends)."""
        doc, fights = self.doc, set(self.vocab.cues.conflict_nouns) | self.vocab.asset_words.violence_nouns
        for m in mentions:
            if m.rule.kind not in kinds:
                continue
            head = doc[m.head]
            # (a verb of its making or coming only: "broke the ceasefire after an attack", "the truce
            # collapsed after a bombing" tell what ended it, not what it ended)
            making = head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.pos_ == "VERB" and head.head.lemma_ in self.vocab.asset_words.truce_making_verbs
            hosts = [head] + ([head.head] if making else [])
            for prep in (c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ == "after" and m.end <= c.i < b):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is None or any(x.start <= obj.idx < x.end for x in tx) and not {obj.lower_, obj.lemma_.lower()} & fights:
                    # ("after four decades of bombings": a span of time counts only by what it is of)
                    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None) if obj is not None else None
                    obj = obj if of is not None else None
                if obj is None:
                    continue
                # (by word and by lemma: the lists hold "clashes", "hostilities")
                words = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")]
                nouns = {w for t in words for w in (t.lower_, t.lemma_.lower())}
                if nouns & fights:
                    np = self._np(prep.i + 1, b, tx)
                    if np is not None:
                        return self._chars(*np)
        return None
