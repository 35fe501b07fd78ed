"""People-and-roles extraction: each construction news uses, as a table of sentences."""

from __future__ import annotations

import pytest

from claimweave.extract.titles import affiliation_name, normalize_title


def roles_of(nlp, text: str) -> set[tuple]:
    doc = nlp(text)
    return {(r.person, r.title_normalized, r.affiliation, r.qualifier) for r in doc._.cw_roles}


CASES = [
    # title before the name, with or without nationality
    ("Russian President Pavel Orlov arrived in Minsk on Monday.", ("Pavel Orlov", "president", "Russia", None)),
    ("Foreign Minister Lena Marsh greeted the visitors.", ("Lena Marsh", "foreign minister", None, None)),
    ("Special Presidential Envoy for Libya Oleg Markov flew to Tripoli.", ("Oleg Markov", "special presidential envoy", None, None)),
    ("U.S. Ambassador to Chile Rachel Dunn left the embassy early.", ("Rachel Dunn", "ambassador", "United States", None)),
    ("The team met then health minister Omar al Nasser in March.", ("Omar al Nasser", "health minister", None, "then")),
    ("German Chancellor Hanna Vogt opened the summit.", ("Hanna Vogt", "chancellor", "Germany", None)),
    ("Spokesman Tim Hale declined to comment on the report.", ("Tim Hale", "spokesperson", None, None)),
    ("Former prime minister Ian Cole welcomed the result.", ("Ian Cole", "prime minister", None, "former")),
    ("Acting Governor Maria Lopez signed the bill into law.", ("Maria Lopez", "governor", None, "acting")),
    ("The letter was signed by Minister of Foreign Affairs Rami Aziz.", ("Rami Aziz", "foreign minister", None, None)),
    ("Brightwell Chairman Oscar Lind announced the merger.", ("Oscar Lind", "chairman", "Brightwell", None)),
    ("NASA Administrator Michael Griffin spoke at the launch.", ("Michael Griffin", "administrator", "NASA", None)),
    # appositions on either side
    ("Murat Kaya, Turkish Foreign Minister, said the talks went well.", ("Murat Kaya", "foreign minister", "Turkey", None)),
    ("Talal al-Khatib, the foreign minister, spoke first at the meeting.", ("Talal al-Khatib", "foreign minister", None, None)),
    ("Reporters questioned the foreign minister, Talal al-Khatib, about the deal.", ("Talal al-Khatib", "foreign minister", None, None)),
    ("Brightwell Inc.'s chief financial officer, Dana Holt, resigned on Friday.", ("Dana Holt", "chief financial officer", "Brightwell Inc.", None)),
    ("Ahmed Zaki, the interim leader, addressed the crowd in the square.", ("Ahmed Zaki", "leader", None, "interim")),
    ("As foreign minister, Lena Marsh visited every capital in the region.", ("Lena Marsh", "foreign minister", None, None)),
    ("Chinese Foreign Ministry spokesman Wang Li told reporters.", ("Wang Li", "spokesperson", "Chinese Foreign Ministry", None)),
    ("Commerce Secretary Ruth Adler and Labor Secretary Ken Moss met.", ("Ken Moss", "labor secretary", None, None)),
    ("UN Secretary-General's Special Representative for Somalia Jean Dupont left.", ("Jean Dupont", "special representative", "United Nations", None)),
    ("Igor Belov, a former deputy secretary-general of the United Nations, will attend.", ("Igor Belov", "deputy secretary-general", "United Nations", "former")),
    # copular and relative clauses
    ("Mr. Smith, who is the company's chief executive, declined to comment.", ("Smith", "chief executive", None, None)),
    ("Anna Berg was named defense minister on Tuesday.", ("Anna Berg", "defense minister", None, None)),
    ("Lara Moss resigned as chairman of Norcliff Holdings last year.", ("Lara Moss", "chairman", "Norcliff Holdings", "former")),
    ("Karim Nadir, who was finance minister at the time, approved the loan.", ("Karim Nadir", "finance minister", None, "then")),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_construction_gives_role(nlp, text, expected):
    assert expected in roles_of(nlp, text)


COORDINATED = [
    (
        "Defence Minister Karim Haddad and Intelligence Chief Omar Saleh arrived together.",
        {("Karim Haddad", "defense minister", None, None), ("Omar Saleh", "intelligence chief", None, None)},
    ),
    (
        "Jonas Weber, chairman and chief executive of Alder Corp., resigned yesterday.",
        {("Jonas Weber", "chairman", "Alder Corp.", None), ("Jonas Weber", "chief executive", "Alder Corp.", None)},
    ),
    (
        "Japanese Prime Minister Ken Sato, Foreign Minister Aiko Mori and Finance Minister Jun Ito arrived.",
        {("Ken Sato", "prime minister", "Japan", None), ("Aiko Mori", "foreign minister", "Japan", None), ("Jun Ito", "finance minister", "Japan", None)},
    ),
    (
        "Trade Secretary Anne Lowe, U.S. Envoy Tom Baird, Energy Secretary Paul Hart and others attended.",
        {("Anne Lowe", "trade secretary", None, None), ("Tom Baird", "envoy", "United States", None), ("Paul Hart", "energy secretary", None, None)},
    ),
    (
        "A Norwegian delegation led by Trade Minister Eva Lund and envoy Lars Dahl arrived on Monday.",
        {("Eva Lund", "trade minister", "Norway", None), ("Lars Dahl", "envoy", "Norway", None)},
    ),
    (
        "Russian Deputy Foreign Minister Ivan Petrov and presidential envoy Oleg Markov met officials.",
        {("Ivan Petrov", "deputy foreign minister", "Russia", "deputy"), ("Oleg Markov", "presidential envoy", "Russia", None)},
    ),
]


@pytest.mark.parametrize("text, expected", COORDINATED, ids=[c[0][:40] for c in COORDINATED])
def test_coordinated_titles_and_names(nlp, text, expected):
    assert expected <= roles_of(nlp, text)


NO_ROLE = [
    "The Syrian foreign and defence ministers arrived in Moscow on Thursday.",
    "Ian Cole, a researcher at the institute, said the numbers were wrong.",
    "The president said the talks had failed.",
    "Analysts at Norcliff Holdings expect the chairman to resign.",
    "A Chinese Foreign Ministry spokesman Thursday said the talks were useful.",
    "A top aide to the mayor said the talks had failed.",
    "Merkel was sworn in as the head of a grand coalition.",
]


@pytest.mark.parametrize("text", NO_ROLE)
def test_no_named_person_no_role(nlp, text):
    assert roles_of(nlp, text) == set()


def test_open_apposition_is_not_a_role(nlp):
    # "the spokesman, X stressed": a clause after a comma, not an apposition of X
    roles = roles_of(nlp, "According to the spokesman, Omar Haddad stressed the need for calm.")
    assert not any(r[0] == "Omar Haddad" for r in roles)


def test_title_is_not_a_destination(nlp):
    roles = roles_of(nlp, "A senior aide to President Paul Okello said the army would withdraw.")
    assert roles == {("Paul Okello", "president", None, None)}


def test_short_title_of_the_same_person_is_one_role(nlp):
    roles = roles_of(nlp, "Secretary of State Ruth Adler landed in Rome. Secretary Adler met the press.")
    assert roles == {("Ruth Adler", "secretary of state", None, None)}


def test_two_titles_of_one_person(nlp):
    roles = roles_of(nlp, "Premier Lin Wei, who is also vice president, opened the session.")
    assert roles == {("Lin Wei", "prime minister", None, None), ("Lin Wei", "vice president", None, None)}


def test_ordinal_description_is_not_a_title(nlp):
    assert roles_of(nlp, "Senator Ruth Lee is the first speaker to visit the island since 1979.") == {
        ("Ruth Lee", "senator", None, None)
    }


def test_role_time_from_the_clause(nlp):
    doc = nlp("Anna Berg became president in 2019, after a long campaign.")
    (role,) = [r for r in doc._.cw_roles if r.person == "Anna Berg"]
    assert role.time is not None and role.time.value == "2019"


def test_short_name_role_goes_to_full_name(nlp):
    doc = nlp("Foreign Minister Yusuf al-Hamdani arrived on Monday. Minister Hamdani then met the press.")
    persons = {r.person for r in doc._.cw_roles}
    assert persons == {"Yusuf al-Hamdani"}


def test_affiliation_stated_once_fills_the_same_title(nlp):
    doc = nlp("Syrian Foreign Minister Yusuf al-Hamdani landed. Later, Foreign Minister Hamdani spoke.")
    roles = [(r.person, r.title_normalized, r.affiliation) for r in doc._.cw_roles]
    assert roles == [("Yusuf al-Hamdani", "foreign minister", "Syria")]
    assert len(doc._.cw_roles[0].evidence) == 2


def test_evidence_reproduces_the_text(nlp):
    text = "Russian President Pavel Orlov met Talal al-Khatib, the foreign minister, in Minsk."
    doc = nlp(text)
    assert doc._.cw_roles
    for role in doc._.cw_roles:
        for ev in role.evidence:
            assert text[ev.start : ev.end] == ev.text
            assert ev.rule.startswith("roles.")


@pytest.mark.parametrize(
    "written, normalized",
    [
        ("Defence Minister", "defense minister"),
        ("Defense Minister", "defense minister"),
        ("Minister of Foreign Affairs", "foreign minister"),
        ("Secretary General", "secretary-general"),
        ("Secretary-General", "secretary-general"),
        ("Chief Executive Officer", "chief executive"),
        ("CEO", "chief executive"),
        ("spokeswoman", "spokesperson"),
        ("Gen.", "general"),
        ("head of the General Intelligence Service", "intelligence chief"),
        ("Deputy Foreign Minister", "deputy foreign minister"),
    ],
)
def test_normalize_title(written, normalized):
    assert normalize_title(written) == normalized


@pytest.mark.parametrize(
    "written, name",
    [
        ("Syrian", "Syria"),
        ("U.S.", "United States"),
        ("American", "United States"),
        ("British", "United Kingdom"),
        ("the U.N.", "United Nations"),
        ("Kremlin", "Russia"),
        ("Norcliff Holdings", "Norcliff Holdings"),
        ("Turkey's", "Turkey"),
    ],
)
def test_affiliation_name(written, name):
    assert affiliation_name(written) == name
