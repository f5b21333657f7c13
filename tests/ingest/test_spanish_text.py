"""Spanish text's own rules: sentences, claim kinds, speakers, the countries' Spanish names and
the recognizer's spans trimmed for Spanish."""

from __future__ import annotations

import pytest

from app.ingest.actors import Gazetteer
from app.ingest.affiliations_es import affiliate_es
from app.ingest.claims import classify_claim
from app.ingest.countries import builtin_countries
from app.ingest.countries_es import spanish_names, with_spanish_names, without_spanish_names
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.ingest.names_es import spanish_spans
from app.ingest.people_es import find_people_es
from app.ingest.recognizer import Recognized
from app.ingest.sentences import split_sentences
from app.ingest.speakers_es import find_speaker_es
from app.models.vocabulary import ActorKind, ClaimKind


def sentences(text: str, language: str = "es") -> list[str]:
    return [s.text for s in split_sentences(text, 0, len(text), language)]


@pytest.mark.parametrize(
    "text",
    [
        "El Sr. Pérez llegó ayer. La Sra. Gómez no.",
        "La Dra. Márquez lo explicó. El Dr. Wang asintió.",
        "EE. UU. y Catar compiten. China compra.",
        "Abierta en el siglo II a. C. por la dinastía Han. Hoy no.",
        "Véase el núm. 27 del informe. La pág. 14 lo dice.",
        "Se firmó el 13 sept. 2023 en Lima. El 5 ene. 2024 se ratificó.",
        "Vendió más a EE. UU. El gobierno lo confirmó.",
    ],
)
def test_spanish_abbreviations_do_not_end_a_sentence(text: str) -> None:
    first, second = sentences(text)
    assert f"{first} {second}" == text


def test_english_rules_cut_what_spanish_ones_keep() -> None:
    assert sentences("Lo dijo el Sra. Gómez ayer.", "en") == ["Lo dijo el Sra.", "Gómez ayer."]
    assert sentences("Lo dijo el Sra. Gómez ayer.") == ["Lo dijo el Sra. Gómez ayer."]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Rusia debería exigir garantías más claras.", ClaimKind.PRESCRIPTION),
        ("La región tendría que negociar en bloque.", ClaimKind.PRESCRIPTION),
        ("Hay que diversificar los compradores.", ClaimKind.PRESCRIPTION),
        ("El ministro prevé una caída del 5 por ciento.", ClaimKind.FORECAST),
        ("Se espera que la producción suba.", ClaimKind.FORECAST),
        ("El proyecto podría retrasarse.", ClaimKind.FORECAST),
        ("Probablemente reduciría las compras.", ClaimKind.FORECAST),
        ("El Estado tendrá una participación mayoritaria.", ClaimKind.FORECAST),
        ("Los analistas consideran que la meta es poco realista.", ClaimKind.ASSESSMENT),
        ("Slipak sostiene que China compra tiempo.", ClaimKind.ASSESSMENT),
        ("La pérdida es grande.", ClaimKind.ASSESSMENT),
        ("La refinería produjo 200.000 barriles en 2023.", ClaimKind.FACT),
        ("La mayoría de los extremos se firmaron en 2020.", ClaimKind.FACT),
        ("El Gobierno debe de tener otra cifra.", ClaimKind.FACT),
    ],
)
def test_spanish_claim_kinds(sentence: str, kind: ClaimKind) -> None:
    assert classify_claim(sentence, "es") is kind


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Rusia firmó acuerdos, dijo el presidente Nicolás Maduro tras la reunión.",
         "el presidente Nicolás Maduro"),
        ("«Pekín puede esperar», afirmó el Dr. Wang Yifan, investigador de la universidad.",
         "el Dr. Wang Yifan"),
        ("El ministro de Petróleo, Manuel Quevedo, dijo que la producción subirá.",
         "Manuel Quevedo"),
        ("Igor Sechin, jefe de Rosneft, declaró que no venderá.", "Igor Sechin"),
        ("China otorgó préstamos, según el Diálogo Interamericano.", "el Diálogo Interamericano"),
        ("Según Wang, la comisión no aprobará el proyecto.", "Wang"),
        ("Para Slipak, la región tendría que negociar en bloque.", "Slipak"),
        ("Analistas del sector consideran que la meta es poco realista.",
         "Analistas del sector"),
        ('"Rusia debería exigir garantías", añadió.', ""),
        ("El miércoles el presidente Ramón Ibáñez dijo que no.", "el presidente Ramón Ibáñez"),
        ("Eva Mora, vicepresidenta del Partido Verde Andino (PVA), sostuvo que sí.", "Eva Mora"),
        ("La reunión será breve, dijo el portavoz del ministerio, Oleg Morozov.", "Oleg Morozov"),
        ("Firmó acuerdos, anunció desde Quito el presidente andino, Ramón Ibáñez, tras la cita.",
         "Ramón Ibáñez"),
        ("Habrá cambios, dijo ayer el ministro de Energía.", "el ministro de Energía"),
        ("«La tasa seguirá alta», dijo la autoridad.", "la autoridad"),
        ("En su informe, el organismo reiteró que la tasa seguirá alta.", "el organismo"),
        ("La tasa seguirá alta, según explica desde el banco.", "el banco"),
        ("La tasa seguirá alta, según informó la junta.", "la junta"),
        ("La producción cayó un 37 por ciento entre 2015 y 2018.", None),
        ("Los países que dijeron no a la oferta se retiraron.", None),
    ],
)  # fmt: skip
def test_spanish_speakers(sentence: str, speaker: str | None) -> None:
    found = find_speaker_es(sentence, 0, len(sentence))
    assert (found.name if found is not None else None) == speaker


def test_countries_have_their_spanish_names_from_the_packages_and_the_tables() -> None:
    names = spanish_names()
    assert names["RU"] == (
        "Rusia", "Federación Rusa", "Federación de Rusia", "Moscú", "ruso", "rusa", "rusos",
        "rusas",
    )  # fmt: skip
    assert names["QA"][:2] == ("Catar", "Estado de Qatar")
    assert names["FR"][-4:] == ("francés", "francesa", "franceses", "francesas")
    assert names["IR"][-2:] == ("iraní", "iraníes")
    assert "Corea, República de" not in names["KR"]


def test_spanish_names_are_aliases_for_reading_not_for_storing() -> None:
    codes = builtin_countries().codes
    peru = next(e for e in builtin_countries().entries if e.id == "peru")
    [read] = with_spanish_names([peru], codes)
    assert {"Perú", "peruano", "peruanas"} <= set(read.aliases)
    assert without_spanish_names(read, codes) == peru
    other = ActorEntry(id="acme", name="Perú", kind=ActorKind.COMPANY)
    [claimed, _] = with_spanish_names([peru, other], codes)
    assert "Perú" not in claimed.aliases  # a name another entry has stays that entry's


def test_the_recognizers_spans_are_trimmed_for_spanish() -> None:
    text = "Para Slipak, la Unión Europea y El Sr. no. Los analistas y Analistas. La Ley de Pesca."
    found = [
        ("Para Slipak", "PERSON"),
        ("la Unión Europea", "ORG"),
        ("El Sr.", "ORG"),
        ("Analistas", "ORG"),  # also written "analistas"
        ("La Ley de Pesca", "PERSON"),
    ]
    spans = [Recognized(text.index(s), text.index(s) + len(s), label) for s, label in found]
    assert [(text[s.start : s.end], s.label) for s in spanish_spans(text, spans)] == [
        ("Slipak", "PERSON"),
        ("Unión Europea", "ORG"),
    ]


def test_people_introduced_by_a_title_or_an_office() -> None:
    text = (
        "El presidente Ramón Ibáñez viajó a Quito. La ministra de Energía, Clara Soto, lo "
        "acompañó. El Dr. Iván Petrov, economista de la Universidad Andina, dijo que sí. "
        "Ibáñez volvió el lunes. Según el portavoz ruso, Oleg Morozov. Nadie habló con Pedro "
        "Gil ni con el Banco Central. Lo dijo el presidente de la Comisión Andina."
    )
    sentences = [SentenceDraft(0, len(text), text)]
    found = find_people_es(text, sentences, Gazetteer([]), [])
    assert [(p.name, p.aliases, p.kind) for p in found] == [
        ("Ramón Ibáñez", ("Ibáñez",), ActorKind.PERSON),
        ("Clara Soto", (), ActorKind.PERSON),
        ("Iván Petrov", (), ActorKind.PERSON),
        ("Oleg Morozov", (), ActorKind.PERSON),
    ]


def test_spanish_introductions_give_affiliations() -> None:
    text = (
        "Ana Ruiz, economista de la Universidad Andina, habló. La jefa del Comando Norte, la "
        "general Eva Mora, respondió. La empresa china Minera Kun compró el 24 por ciento de "
        "la chilena Litio Sur. El Servicio Geológico de Estados Unidos calcula reservas. El "
        "Instituto de Estocolmo lo confirma."
    )

    def actor(id_: str, name: str, kind: ActorKind, *aliases: str) -> ActorEntry:
        return ActorEntry(id=id_, name=name, kind=kind, aliases=aliases, reviewed=False)

    entries = [
        actor("ana-ruiz", "Ana Ruiz", ActorKind.PERSON),
        actor("universidad-andina", "Universidad Andina", ActorKind.ORGANIZATION),
        actor("comando-norte", "Comando Norte", ActorKind.ORGANIZATION),
        actor("eva-mora", "Eva Mora", ActorKind.PERSON),
        actor("minera-kun", "Minera Kun", ActorKind.COMPANY),
        actor("litio-sur", "Litio Sur", ActorKind.COMPANY),
        actor("sgeu", "Servicio Geológico de Estados Unidos", ActorKind.ORGANIZATION),
        actor("instituto", "Instituto de Estocolmo", ActorKind.ORGANIZATION),
        ActorEntry(id="china", name="China", kind=ActorKind.COUNTRY, aliases=("china",)),
        ActorEntry(id="chile", name="Chile", kind=ActorKind.COUNTRY, aliases=("chilena",)),
        ActorEntry(id="united-states", name="United States", kind=ActorKind.COUNTRY,
                   aliases=("Estados Unidos",)),
        ActorEntry(id="sweden", name="Sweden", kind=ActorKind.COUNTRY, aliases=("Estocolmo",)),
    ]  # fmt: skip
    sentences = [SentenceDraft(0, len(text), text)]
    affiliated = {e.id: e.affiliation for e in affiliate_es(text, sentences, entries)}
    assert {k: v for k, v in affiliated.items() if v is not None} == {
        "ana-ruiz": "universidad-andina",
        "eva-mora": "comando-norte",
        "minera-kun": "china",
        "litio-sur": "chile",
        "sgeu": "united-states",
    }
