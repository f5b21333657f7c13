"""What the words around a recognised name say about it (app/ingest/name_context.py): each
rule on the spans a fake recognizer gives, in text written for the test."""

from __future__ import annotations

from app.ingest.actors import Gazetteer
from app.ingest.name_context import relabelled
from app.ingest.recognizer import Recognized
from app.models.vocabulary import ActorKind
from tests.ingest.test_names import described, entries


def kinds(found: dict[str, object]) -> list[tuple[str, str]]:
    return [(a.name, a.kind.value) for a in found.values()]  # type: ignore[attr-defined]


def test_two_organisations_read_side_by_side_are_one() -> None:
    found = entries(
        "Northrop Vance expects to deliver the first radars in 2027.",
        ("Northrop", "ORG"),
        ("Vance", "ORG"),
    )
    assert kinds(found) == [("Northrop Vance", "organization")]


def test_a_possessive_keeps_two_organisations_apart() -> None:
    found = entries(
        "A fellow at Halden University's Centre on Arctic Trade said so.",
        ("Halden University's", "ORG"),
        ("Centre on Arctic Trade", "ORG"),
    )
    assert kinds(found) == [
        ("Halden University", "organization"),
        ("Centre on Arctic Trade", "organization"),
    ]


def test_a_person_whose_last_word_heads_organisations_names_is_an_organisation() -> None:
    text = "Osprey Ratings cut the outlook, and Dana Holt agreed."
    spans = [Recognized(0, 14, "PERSON"), Recognized(36, 45, "PERSON")]
    assert [text[r.start : r.end] for r in spans] == ["Osprey Ratings", "Dana Holt"]
    assert relabelled(text, spans, Gazetteer(())) == [
        Recognized(0, 14, "ORG"),
        Recognized(36, 45, "PERSON"),
    ]


def test_a_person_joined_to_an_organisation_by_and_is_an_organisation() -> None:
    found = entries(
        "Kestrel Copper Mines and Ardent Gold have announced new investment this year.",
        ("Kestrel Copper Mines", "ORG"),
        ("Ardent Gold", "PERSON"),
    )
    assert kinds(found) == [
        ("Kestrel Copper Mines", "organization"),
        ("Ardent Gold", "organization"),
    ]


def test_a_person_after_an_organisation_and_a_comma_stays_a_person() -> None:
    found = entries(
        "A spokesperson for Tallis Energy, Mara Quint, issued a short statement on Monday.",
        ("Tallis Energy", "ORG"),
        ("Mara Quint", "PERSON"),
    )
    assert ("Mara Quint", "person") in kinds(found)


def test_an_organisation_of_plain_words_after_an_office_is_a_person() -> None:
    found = entries(
        "Opposition leader Teresa Lumbre Ocampo said the money would not reach pensioners.",
        ("Teresa Lumbre Ocampo", "ORG"),
    )
    assert kinds(found) == [("Teresa Lumbre Ocampo", "person")]


def test_names_of_things_and_places_are_no_actors() -> None:
    found = entries(
        "The navy will fly them from the aircraft carrier INS Brahma, which sailed in May. "
        "Shares fell while the benchmark Kospex closed down 0.8% at 2,611 points. "
        "The command named the drills Iron Gale-2025A and said they were a warning. "
        "Gas flows through the Amber Arc pipeline to the coast every winter since 2021. "
        "Provinces such as Orlan, Vesta and Marra grant the mining concessions to foreigners. "
        "Ratification stalled over deforestation in the Veldt.",
        ("INS Brahma", "PERSON"),
        ("Kospex", "ORG"),
        ("Iron", "ORG"),
        ("Amber Arc", "ORG"),
        ("Vesta", "ORG"),
        ("Veldt", "ORG"),
    )
    assert found == {}


def test_an_acronym_the_text_spells_in_lower_case_is_no_organisation() -> None:
    found = entries(
        "The country buys liquefied natural gas by sea. Its LNG imports rose 12% in 2023, "
        "and OPEC members sold it more crude in the OPEC member states' ports.",
        ("LNG", "ORG"),
        ("OPEC", "ORG"),
    )
    assert kinds(found) == [("OPEC", "organization")]


def test_a_one_word_name_is_the_short_name_of_a_longer_one() -> None:
    found = entries(
        "The jets are built by Marcel Aviation in Bordeaux, the ministry said in a statement. "
        "Shares of Marcel rose 2.8% in Paris on the news of the order.",
        ("Marcel Aviation", "ORG"),
        ("Marcel", "ORG"),
    )
    assert described(found) == [
        ("marcel-aviation", "Marcel Aviation", "organization", ("Marcel",)),
    ]


def test_a_name_that_begins_with_a_country_is_new() -> None:
    found = entries(
        "Lena Brandt of the US Naval Staff College has warned that budgets are small. "
        "Creditors of the Paris Forum had never used such a clause before this year.",
        ("Lena Brandt", "PERSON"),
        ("US Naval Staff College", "ORG"),
        ("Paris Forum", "ORG"),
    )
    assert [a.name for a in found.values() if a.kind is ActorKind.ORGANIZATION] == [
        "US Naval Staff College",
        "Paris Forum",
    ]


def test_laws_and_plans_are_policies_and_initiatives() -> None:
    found = entries(
        "The commission proposed the European Foundry Act in February 2022, to mobilise funds. "
        "The Foundry Act has a budget. Lenders joined the Orion Debt Framework that year.",
        ("the European Foundry Act", "ORG"),
        ("the Orion Debt Framework", "ORG"),
    )
    assert described(found) == [
        ("european-foundry-act", "European Foundry Act", "policy", ("Foundry Act",)),
        ("orion-debt-framework", "Orion Debt Framework", "initiative", ()),
    ]


def test_a_company_without_its_legal_form_is_the_company() -> None:
    found = entries(
        "Shares of Vollmar AG fell 5.1% in Frankfurt on Monday after the report. "
        "A spokesperson for Vollmar declined to comment on the report.",
        ("Vollmar AG", "ORG"),
        ("Vollmar", "ORG"),
    )
    assert described(found) == [("vollmar-ag", "Vollmar AG", "organization", ("Vollmar",))]


def test_a_longer_name_without_its_legal_form_is_the_company() -> None:
    found = entries(
        "Nordvik Stål ASA said its profit fell in the first quarter of the year. "
        "Shares of Nordvik Stål fell 4.2% in Oslo on the news of the results.",
        ("Nordvik Stål ASA", "ORG"),
        ("Nordvik Stål", "ORG"),
    )
    assert described(found) == [
        ("nordvik-stal-asa", "Nordvik Stål ASA", "organization", ("Nordvik Stål",))
    ]


def test_a_word_for_a_kind_of_body_alone_is_no_organisation() -> None:
    found = entries(
        "The Government said on Monday that Talvane Holdings would meet the Cabinet next "
        "week, after the Administration and the Executive signed the deal.",
        ("Government", "ORG"),
        ("Talvane Holdings", "ORG"),
        ("Cabinet", "ORG"),
        ("Administration", "ORG"),
        ("Executive", "ORG"),
    )
    assert kinds(found) == [("Talvane Holdings", "organization")]


def test_an_acronym_after_per_is_a_unit_not_an_organisation() -> None:
    found = entries(
        "Rates from Busan to Genoa rose to $2,310 per FEU, Kestrel Logistics said on Monday.",
        ("FEU", "ORG"),
        ("Kestrel Logistics", "ORG"),
    )
    assert kinds(found) == [("Kestrel Logistics", "organization")]
