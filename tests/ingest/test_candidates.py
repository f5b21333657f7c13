"""Organisations proposed from the text: what counts as one, and what does not."""

from __future__ import annotations

import pytest

from app.ingest.actors import Gazetteer
from app.ingest.candidates import find_candidates
from app.ingest.countries import BLOCKED, builtin_countries
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.ingest.stages import read_document, split_sentences
from app.models.vocabulary import ActorKind


def candidates(body: str, taken: tuple[str, ...] = ()) -> list[tuple[str, str, tuple[str, ...]]]:
    text = f"Title\n\n{body}\n"
    known = Gazetteer(builtin_countries().entries, BLOCKED)
    found = find_candidates(text, body_sentences(text), known, taken)
    assert all(c.kind is ActorKind.ORGANIZATION and not c.reviewed for c in found)
    return [(c.id, c.name, c.aliases) for c in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A word that heads organisation names.
        (
            "Officials of the European Central Bank met.",
            ("european-central-bank", "European Central Bank", ()),
        ),
        (
            "The Bank for International Settlements warned.",
            ("bank-for-international-settlements", "Bank for International Settlements", ()),
        ),
        ("It sold Samsung Electronics shares.", ("samsung-electronics", "Samsung Electronics", ())),
        # An acronym in parentheses.
        (
            "The Shanghai Cooperation Organisation (SCO) met.",
            ("shanghai-cooperation-organisation", "Shanghai Cooperation Organisation", ("SCO",)),
        ),
        (
            "Members of Gulf Cooperation (GCC) met.",
            ("gulf-cooperation", "Gulf Cooperation", ("GCC",)),
        ),
        # A common noun for an organisation before it, which lets one word do.
        ("The oil company Gazprom Neft agreed.", ("gazprom-neft", "Gazprom Neft", ())),
        ("It uses machines from the Dutch company ASML.", ("asml", "ASML", ())),
        # Gazetteer names inside a longer name do not stop it.
        (
            "The Qatar Investment Authority bought it.",
            ("qatar-investment-authority", "Qatar Investment Authority", ()),
        ),
        ("Mr. Smith of Acme Holdings left.", ("acme-holdings", "Acme Holdings", ())),
        ("Venezuela’s Workers’ Party won.", ("workers-party", "Workers’ Party", ())),
        # The noun after a comma, or in an apposition after the name.
        (
            "It sold them to another state company, Zarnefteks, in 2020.",
            ("zarnefteks", "Zarnefteks", ()),
        ),
        (
            "The central bank, Banco Central do Sul, began cutting rates.",
            ("banco-central-do-sul", "Banco Central do Sul", ()),
        ),
        ("Kvarn, the Danish carrier, told investors.", ("kvarn", "Kvarn", ())),
        ("Novolga, Russia's largest gas producer, waited.", ("novolga", "Novolga", ())),
        (
            "It was calculated by the consultancy Gas Andes Research.",
            ("gas-andes-research", "Gas Andes Research", ()),
        ),
        # An office and a person's name after one word; "of" and a country.
        (
            "Its output fell. Gaznord chief executive Ivan Orlov said so.",
            ("gaznord", "Gaznord", ()),
        ),
        ("Prices fell. Ermex of France opened a plant.", ("ermex", "Ermex", ())),
        # A short name in parentheses; another name after "known as".
        (
            "The Southern Grain Market (Sugramar) groups four states.",
            ("southern-grain-market", "Southern Grain Market", ("Sugramar",)),
        ),
        (
            "The National Chip Investment Fund, known as the Big Fund, raised money.",
            ("national-chip-investment-fund", "National Chip Investment Fund", ("Big Fund",)),
        ),
        # An acronym that spells the whole name: its "and" joins no two names.
        (
            "The Armed Clash Location and Event Data Project (ACLED) counted deaths.",
            (
                "armed-clash-location-and-event-data-project",
                "Armed Clash Location and Event Data Project",
                ("ACLED",),
            ),
        ),
        # A person's name before "of" and an organisation's.
        (
            "Analysts, including Kevin Doyle of Boston University, argue otherwise.",
            ("boston-university", "Boston University", ()),
        ),
        # A company's abbreviation keeps its point.
        (
            "Shares of Taiwan Glass Manufacturing Co. fell 1.2% on Monday.",
            ("taiwan-glass-manufacturing-co", "Taiwan Glass Manufacturing Co.", ()),
        ),
    ],
)
def test_what_looks_like_an_organisation(
    body: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert candidates(body) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "After the Cold War, trade grew.",  # no sign of an organisation
        "The Middle East and the Red Sea matter.",
        "Prime Minister Narendra Modi spoke.",  # a person
        "Russia and China, Moscow and Beijing, agreed.",  # only gazetteer names
        "The company said nothing. The firm Monday agreed.",  # no name after the noun
        "The group Several agreed; several left.",  # an ordinary word
        "Renewable Energy is growing.",
        "Gazprom Neft and Rosneft signed.",  # two names, neither an organisation by its looks
        "The navy flies from the aircraft carrier INS Brahma.",  # a ship
        "Minister Ana Ruiz of Spain spoke.",  # a person of a country
        "- The report (Growth) is due; growth slowed.",  # a word of the text in parentheses
    ],
)
def test_what_does_not(body: str) -> None:
    assert candidates(body) == []


def test_a_sentence_starting_word_is_trimmed_when_ordinary() -> None:
    assert candidates("Meanwhile European Central Bank officials waited.") == [
        ("european-central-bank", "European Central Bank", ())
    ]
    assert candidates("Today International Monetary Fund staff left; today was long.") == [
        ("international-monetary-fund", "International Monetary Fund", ())
    ]


def test_and_joins_a_name_only_when_the_head_comes_after_it() -> None:
    assert candidates("The Belt and Road Forum met.") == [
        ("belt-and-road-forum", "Belt and Road Forum", ())
    ]
    assert candidates("The World Bank and International Monetary Fund agreed.") == [
        ("world-bank", "World Bank", ()),
        ("international-monetary-fund", "International Monetary Fund", ()),
    ]


def test_a_list_item_starting_with_a_verb_before_a_known_name_proposes_nothing() -> None:
    body = "The Bureau of Trade and Security (BTS) enforces the rules.\n\n1. Fund BTS enforcement."
    assert candidates(body) == [
        ("bureau-of-trade-and-security", "Bureau of Trade and Security", ("BTS",))
    ]


def test_headings_and_the_title_propose_nothing() -> None:
    text = "Central Bank Policy\n\n1. The Monetary Policy Committee\nRates rose.\n"
    known = Gazetteer(builtin_countries().entries, BLOCKED)
    assert find_candidates(text, body_sentences(text), known, ()) == []


def test_each_name_once_and_an_acronym_to_the_first_name_only() -> None:
    body = (
        "The Asian Development Bank (ADB) lent. The Asian Development Bank grew. "
        "The African Development Bureau (ADB) disagreed."
    )
    assert candidates(body) == [
        ("asian-development-bank", "Asian Development Bank", ("ADB",)),
        ("african-development-bureau", "African Development Bureau", ()),
    ]


def test_a_taken_id_or_known_acronym_is_not_reused() -> None:
    assert candidates("The World Bank lent.", taken=("world-bank",)) == []
    assert candidates("The United Nations Council (UAE) met.") == [
        ("united-nations-council", "United Nations Council", ())
    ]


def test_entries_are_valid_curated_entries() -> None:
    long_name = " ".join(["Very"] * 20) + " Bank"  # its slug is cut at 80, on a hyphen
    [(actor_id, _, _)] = candidates(f"The {long_name} lent.")
    ActorEntry(id=actor_id, name=long_name, kind=ActorKind.ORGANIZATION)
    assert len(actor_id) <= 80
    assert not actor_id.endswith("-")


def test_a_run_of_capitalised_words_is_no_name() -> None:
    assert candidates(" ".join(["Word"] * 40) + " Bank lent.") == []


def body_sentences(text: str) -> list[SentenceDraft]:
    return split_sentences(read_document(text)).body()


def test_a_law_or_plan_is_a_policy_or_an_initiative() -> None:
    text = "Title\n\nThe Andes-Pacific Free Trade Agreement (APFTA) cut duties.\n"
    known = Gazetteer(builtin_countries().entries, BLOCKED)
    [found] = find_candidates(text, body_sentences(text), known, ())
    assert (found.name, found.kind, found.aliases) == (
        "Andes-Pacific Free Trade Agreement",
        ActorKind.POLICY,
        ("APFTA",),
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A ministry's fields joined by "and".
        (
            "The Ministry of Water and Mines said output rose.",
            [("ministry-of-water-and-mines", "Ministry of Water and Mines", ())],
        ),
        (
            "Analysts at the Department of Energy and Mineral Resources disagree.",
            [
                (
                    "department-of-energy-and-mineral-resources",
                    "Department of Energy and Mineral Resources",
                    (),
                )
            ],
        ),
        # What follows "and" is no field: two names.
        (
            "The Ministry of Trade and Kestrel Mining signed a deal.",
            [
                ("ministry-of-trade", "Ministry of Trade", ()),
                ("kestrel-mining", "Kestrel Mining", ()),
            ],
        ),
        # An acronym that skips a word or takes two letters of one keeps the "and".
        (
            "A study by the Institute for Research on Water and Clean Air (IRWA) found it.",
            [
                (
                    "institute-for-research-on-water-and-clean-air",
                    "Institute for Research on Water and Clean Air",
                    ("IRWA",),
                )
            ],
        ),
        (
            "The Institute for Growth of Trade and Farming (INGTF) disagreed.",
            [
                (
                    "institute-for-growth-of-trade-and-farming",
                    "Institute for Growth of Trade and Farming",
                    ("INGTF",),
                )
            ],
        ),
        # "on" joins a head word's name to its subject, never to a day.
        (
            "The Council on Maritime Relations wrote to members.",
            [("council-on-maritime-relations", "Council on Maritime Relations", ())],
        ),
        (
            "Kestrel Mining on Monday cut its forecast.",
            [("kestrel-mining", "Kestrel Mining", ())],
        ),
    ],
)
def test_and_or_on_inside_one_name(
    body: str, expected: list[tuple[str, str, tuple[str, ...]]]
) -> None:
    assert candidates(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A name English news keeps in its own language.
        (
            "The Banco Nacional del Sur cut rates on Monday.",
            ("banco-nacional-del-sur", "Banco Nacional del Sur", ()),
        ),
        (
            "Shares of Grupo Marlín rose 3% after the deal.",
            ("grupo-marlin", "Grupo Marlín", ()),
        ),
        # A national statistics office.
        (
            "Exports fell, according to Statistics Freedonia.",
            ("statistics-freedonia", "Statistics Freedonia", ()),
        ),
    ],
)
def test_a_foreign_or_statistical_head_word(
    body: str, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert candidates(body) == [expected]


def test_and_the_joins_two_places_of_a_complement_and_splits_two_names() -> None:
    assert candidates("The Commission for Peru and the Dominican Republic met.") == [
        (
            "commission-for-peru-and-the-dominican-republic",
            "Commission for Peru and the Dominican Republic",
            (),
        )
    ]
    assert candidates("The Central Bank and the Monetary Board agreed.") == [
        ("central-bank", "Central Bank", ()),
        ("monetary-board", "Monetary Board", ()),
    ]


def test_y_el_in_spanish_joins_two_places_and_splits_two_names() -> None:
    from app.ingest.countries_es import with_spanish_names

    countries = builtin_countries()
    known = Gazetteer(with_spanish_names(countries.entries, countries.codes), BLOCKED)

    def found(body: str) -> list[str]:
        text = f"Título\n\n{body}\n"
        sentences = split_sentences(read_document(text), language="es").body()
        return [c.name for c in find_candidates(text, sentences, known, (), language="es")]

    assert found("La Comisión para Perú y el Ecuador se reunió.") == [
        "Comisión para Perú y el Ecuador"
    ]
    assert found("El Banco Central y el Consejo Monetario acordaron subir tasas.") == [
        "Banco Central",
        "Consejo Monetario",
    ]
