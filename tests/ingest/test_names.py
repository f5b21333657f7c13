"""The recognizer's raw spans become people and organisations only through the filters and
repairs of app/ingest/names.py; a fake recognizer stands in for the model, so each rule is
tested on exactly the spans it gets."""

from __future__ import annotations

from collections.abc import Sequence

from app.ingest.curated import ActorEntry, Curated
from app.ingest.gazetteer import gazetteer_for
from app.ingest.recognizer import Recognized
from app.ingest.stages import read_document, split_sentences
from app.models.vocabulary import ActorKind


class Fake:
    """Answers the given (surface, label) pairs wherever the text has them."""

    name = "fake"

    def __init__(self, *spans: tuple[str, str]) -> None:
        self.spans = spans
        self.read: list[str] = []

    def __call__(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Recognized]:
        self.read += [text[s:e] for s, e in spans]
        found = []
        for start, end in spans:
            for surface, label in self.spans:
                at = text.find(surface, start, end)
                if at >= 0:
                    found.append(Recognized(at, at + len(surface), label))
        return found


def entries(body: str, *spans: tuple[str, str]) -> dict[str, ActorEntry]:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    read_with = gazetteer_for(text, sentences, Curated(), None, Fake(*spans))
    return {a.id: a for a in read_with.curated.actors if not a.reviewed}


def described(found: dict[str, ActorEntry]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [(a.id, a.name, a.kind.value, a.aliases) for a in found.values()]


def test_a_person_gets_the_surname_and_the_unaccented_name_as_aliases() -> None:
    found = entries(
        "Venezuelan President Nicolás Maduro spoke in Caracas today. Maduro left early.",
        ("Nicolás Maduro", "PERSON"),
        ("Maduro", "PERSON"),
    )
    assert described(found) == [
        ("nicolas-maduro", "Nicolás Maduro", "person", ("Nicolas Maduro", "Maduro"))
    ]
    assert found["nicolas-maduro"].affiliation == "venezuela"


def test_titles_and_offices_are_cut_off_a_person() -> None:
    found = entries(
        "Venezuelan National Assembly President Juan Guaidó disputed the debts in 2019.",
        ("Venezuelan National Assembly President Juan Guaidó", "PERSON"),
    )
    assert [a.name for a in found.values() if a.kind is ActorKind.PERSON] == ["Juan Guaidó"]


def test_a_surname_alone_is_no_person_but_a_titled_one_is() -> None:
    assert entries("Analysts say Maduro spoke again in the capital.", ("Maduro", "PERSON")) == {}
    found = entries("The deal was praised by President Putin in June.", ("Putin", "PERSON"))
    assert described(found) == [("putin", "Putin", "person", ())]


def test_a_share_line_or_a_heading_gives_no_name() -> None:
    assert entries("Share on Facebook Twitter Email", ("Twitter Email", "PERSON")) == {}


def test_two_people_with_one_surname_keep_it_to_neither() -> None:
    found = entries(
        "Raúl Castro and Fidel Castro met the envoys of the bank in Havana.",
        ("Raúl Castro", "PERSON"),
        ("Fidel Castro", "PERSON"),
    )
    assert [a.aliases for a in found.values()] == [("Raul Castro",), ()]


def test_an_organisation_cut_before_and_is_completed() -> None:
    found = entries(
        "Analysts at the Center for Strategic and International Studies agree with him.",
        ("the Center for Strategic", "ORG"),
    )
    assert [a.name for a in found.values()] == ["Center for Strategic and International Studies"]


def test_a_name_with_a_demonym_inside_and_for_a_before_its_rest() -> None:
    found = entries(
        "Some 90 firms were listed, according to data compiled by the Institute for a New "
        "Peruvian Economy (INPE), and by others.",
        ("the Institute for a New Peruvian Economy", "ORG"),
    )
    assert described(found) == [
        (
            "institute-for-a-new-peruvian-economy",
            "Institute for a New Peruvian Economy",
            "organization",
            ("INPE",),
        )
    ]


def test_a_name_completed_at_the_end_of_a_sentence_leaves_its_full_stop() -> None:
    found = entries(
        "The panel was chaired by a senior fellow with the Halvard Maritime Studies Program. "
        "Its report came out in May.",
        ("the Halvard Maritime", "ORG"),
    )
    assert [a.name for a in found.values()] == ["Halvard Maritime Studies Program"]


def test_an_acronym_read_into_the_name_becomes_its_alias() -> None:
    found = entries(
        "Figures compiled by the Pacific Conference on Trade and Development (PCTD) show a drop.",
        ("the Pacific Conference on Trade and Development (PCTD", "ORG"),
    )
    assert described(found) == [
        (
            "pacific-conference-on-trade-and-development",
            "Pacific Conference on Trade and Development",
            "organization",
            ("PCTD",),
        )
    ]


def test_a_candidate_the_recognizer_names_in_full_gives_way() -> None:
    body = (
        "The People's Maritime Army (PMA) sent ships. Officials of the Swedish Agriculture and "
        "Forestry Confederation (SAFC) met them."
    )
    # The rules alone cut the first name short of its first word; the second, whose acronym
    # spells all of it, they keep whole.
    assert [(a.name, a.aliases) for a in entries(body).values()] == [
        ("Maritime Army", ("PMA",)),
        ("Swedish Agriculture and Forestry Confederation", ("SAFC",)),
    ]
    found = entries(
        body,
        ("The People's Maritime Army", "ORG"),
        ("the Swedish Agriculture and Forestry Confederation", "ORG"),
    )
    assert [(a.name, a.aliases) for a in found.values()] == [
        ("Swedish Agriculture and Forestry Confederation", ("SAFC",)),
        ("People's Maritime Army", ("PMA",)),
    ]


def test_a_longer_name_that_is_no_completion_is_not_proposed() -> None:
    body = "Ana Ruiz, who spoke for the Forestry Confederation (SAFC), left."
    found = entries(
        body, ("Ana Ruiz", "PERSON"), ("Ruiz, who spoke for the Forestry Confederation", "ORG")
    )
    assert [a.name for a in found.values() if a.kind is ActorKind.ORGANIZATION] == [
        "Forestry Confederation"
    ]


def test_a_capital_as_a_first_name_is_still_a_person() -> None:
    found = entries(
        "Energy Minister Wellington Moyo told lawmakers that talks with Tendai Kenya failed.",
        ("Wellington Moyo", "PERSON"),
        ("Tendai Kenya", "PERSON"),
    )
    # A country's name further in is no person's: the recognizer may have read a place.
    assert [a.name for a in found.values()] == ["Wellington Moyo"]


def test_benchmarks_programmes_places_and_type_codes_are_no_organisations() -> None:
    found = entries(
        "The Baltic Freight Index rose while the Rapid Credit Facility paid out, ships avoided "
        "the Aran Islands and the navy flew the Su-57 with the Tupolev Design Bureau.",
        ("The Baltic Freight Index", "ORG"),
        ("the Rapid Credit Facility", "ORG"),
        ("the Aran Islands", "ORG"),
        ("Su-57", "ORG"),
        ("the Tupolev Design Bureau", "ORG"),
    )
    assert [a.name for a in found.values()] == ["Tupolev Design Bureau"]


def test_two_organisations_joined_by_and_are_split() -> None:
    found = entries(
        "Gazprom and Rosneft signed the contract with the ministry last year.",
        ("Gazprom and Rosneft", "ORG"),
    )
    assert described(found) == [
        ("gazprom", "Gazprom", "organization", ()),
        ("rosneft", "Rosneft", "organization", ()),
    ]


def test_saint_before_a_name_and_a_possessive_after_it() -> None:
    found = entries(
        "Deals were signed at the St. Petersburg International Economic Forum’s opening.",
        ("Petersburg International Economic Forum’s", "ORG"),
    )
    assert [a.name for a in found.values()] == ["St. Petersburg International Economic Forum"]


def test_an_acronym_and_another_spelling_of_it_are_aliases() -> None:
    found = entries(
        "Reuters reported that PDVSA would pay on Monday. "
        "Reuters heard later that week that PdVSA had not paid the Qatar Investment "
        "Authority (QIA).",
        ("Reuters", "ORG"),
        ("PDVSA", "ORG"),
        ("PdVSA", "ORG"),
        ("Qatar Investment Authority", "ORG"),
    )
    assert described(found) == [
        # Proposed by the rules (a head noun), the acronym after it as alias.
        ("qatar-investment-authority", "Qatar Investment Authority", "organization", ("QIA",)),
        ("reuters", "Reuters", "organization", ()),
        ("pdvsa", "PDVSA", "organization", ("PdVSA",)),
    ]


def test_names_the_gazetteer_has_are_not_proposed_or_even_read() -> None:
    fake = Fake(("Moscow", "ORG"))
    text = "Title\n\nMoscow and Beijing agreed.\nThe talks went on.\nIt was Rosatom.\n"
    sentences = split_sentences(read_document(text)).body()
    read_with = gazetteer_for(text, sentences, Curated(), None, fake)
    assert [a.id for a in read_with.curated.actors if not a.reviewed] == []
    assert fake.read == ["It was Rosatom."]
