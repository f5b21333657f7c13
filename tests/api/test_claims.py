"""GET /v1/claims and /v1/claims/{id}: what the article asserts, sentence by sentence."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.ingest.seed import Seed

ARTICLE = "russia-china-venezuela"

# Every sentence and bullet item of the section bodies (headings are labels, not claims).
TOTAL = 66
# Counted with the classification rules and the curated overrides in seed/curated.toml.
KINDS = {"fact": 24, "assessment": 39, "forecast": 2, "prescription": 1}
FORECASTS = [
    "In the long term, Venezuela’s integration into a Russia–China strategic framework may serve "
    "as a model for other nations in the Global South seeking to assert autonomy in a rapidly "
    "changing world.",
    "The geopolitical future of Latin America — and perhaps of the entire international system — "
    "will depend on how effectively old and new powers can coexist within this emerging "
    "architecture of shared influence.",
]
PRESCRIPTIONS = [
    "Experts increasingly argue for a more pragmatic policy toward Latin America, one that "
    "recognizes the legitimacy of multipolar relations rather than attempting to reverse them.",
]
ELEVEN_BILLION = (
    "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military equipment, "
    "including air defense systems, tanks, and Sukhoi fighter jets."
)

_HEADING = re.compile(r"\d+(?:\.\d+)*\.\s")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“])")


def article_sentences(text: str) -> list[str]:
    """The sentences of the article's sections, read independently of the app's splitter.

    Between the title line and the "SEO keywords" line: every non-blank line that is not a
    numbered heading, bullets without their "•", split after ".", "!" or "?" before a capital.
    In this article no abbreviation is followed by a capitalised word ("U.S. hegemony").
    """
    body = text.split("\n", 1)[1].split("SEO keywords included:")[0]
    sentences: list[str] = []
    for raw in body.split("\n"):
        line = raw.strip()
        if not line or _HEADING.match(line):
            continue
        sentences += _SENTENCE_BREAK.split(line.removeprefix("•").strip())
    return sentences


def sid(number: str | None) -> str:
    return f"{ARTICLE}-intro" if number is None else f"{ARTICLE}-{number.replace('.', '-')}"


def claims(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/claims", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def texts(client: TestClient, **params: Any) -> list[str]:
    body = claims(client, **params)
    assert body["total"] == len(body["items"])
    return [c["text"] for c in body["items"]]


def test_the_independent_reading_finds_66_sentences(article_text: str) -> None:
    assert len(article_sentences(article_text)) == TOTAL


def test_exact_total(client: TestClient) -> None:
    body = claims(client)
    assert body["total"] == TOTAL
    assert len(body["items"]) == TOTAL


def test_claims_are_every_sentence_of_the_article_in_order(
    client: TestClient, article_text: str
) -> None:
    assert texts(client) == article_sentences(article_text)


def test_every_claim_text_is_a_whole_sentence_at_its_offsets(
    client: TestClient, article_text: str
) -> None:
    sentences = set(article_sentences(article_text))
    for claim in claims(client)["items"]:
        assert claim["text"] in sentences
        assert article_text[claim["start"] : claim["end"]] == claim["text"]
        before = article_text[: claim["start"]].rsplit("\n", 1)[-1]
        after = article_text[claim["end"] :].split("\n", 1)[0]
        # Nothing of the sentence is cut: it starts a line (or bullet) or follows a sentence end.
        assert before.strip() in ("", "•") or re.search(r"[.!?]\s+$", before), claim["text"]
        assert after == "" or after.startswith(" "), claim["text"]


def test_the_claim_with_over_11_billion(client: TestClient) -> None:
    [claim] = [c for c in claims(client)["items"] if "over $11 billion" in c["text"]]
    assert claim["text"] == ELEVEN_BILLION
    assert claim["kind"] == "fact"
    assert claim["section"] == sid("2.1")
    # Caracas is Venezuela, "Russian" is Russia.
    assert claim["actors"] == ["russia", "venezuela"]
    figures = client.get("/v1/figures", params={"section": sid("2.1")}).json()["items"]
    in_sentence = {f["quote"]: f["id"] for f in figures if f["claim"] == claim["id"]}
    assert set(in_sentence) == {"Between 2005 and 2013", "over $11 billion"}
    assert sorted(claim["figures"]) == sorted(in_sentence.values())
    for figure_id in claim["figures"]:
        figure = client.get(f"/v1/figures/{figure_id}").json()
        assert figure["claim"] == claim["id"]


def test_single_claim_equals_its_list_item(client: TestClient) -> None:
    for item in claims(client)["items"]:
        assert client.get(f"/v1/claims/{item['id']}").json() == item


@pytest.mark.parametrize(("kind", "count"), sorted(KINDS.items()))
def test_kind_filter_counts(client: TestClient, kind: str, count: int) -> None:
    body = claims(client, kind=kind)
    assert body["total"] == count
    assert {c["kind"] for c in body["items"]} == {kind}


def test_kinds_add_up_to_the_total(client: TestClient) -> None:
    assert Counter(c["kind"] for c in claims(client)["items"]) == KINDS
    assert sum(KINDS.values()) == TOTAL


def test_the_forecasts_and_the_prescription(client: TestClient) -> None:
    assert texts(client, kind="forecast") == FORECASTS
    assert texts(client, kind="prescription") == PRESCRIPTIONS


def test_a_reported_doctrine_is_not_a_prescription(client: TestClient) -> None:
    # "... the Monroe Doctrine, which long maintained that extra-hemispheric powers should
    # refrain ...": the "should" is the doctrine's, so the sentence is the author's assessment.
    [claim] = [c for c in claims(client)["items"] if "Monroe Doctrine" in c["text"]]
    assert claim["kind"] == "assessment"
    assert claim["actors"] == ["monroe-doctrine", "united-states"]


def test_curated_claim_kinds_are_served(client: TestClient, seed: Seed) -> None:
    served = claims(client)["items"]
    overrides = [c for c in seed.curated.claims if c.article == ARTICLE]
    assert overrides
    for override in overrides:
        [claim] = [c for c in served if c["text"].startswith(override.text)]
        assert claim["kind"] == override.kind.value, override.text


def test_actor_huawei(client: TestClient) -> None:
    body = claims(client, actor="huawei")
    assert [(c["text"], c["actors"], c["section"]) for c in body["items"]] == [
        (
            "Companies like Huawei and ZTE have built large parts of the nation’s "
            "telecommunications backbone, including 4G infrastructure and national "
            "identification systems.",
            ["huawei", "zte"],
            sid("3.2"),
        )
    ]


@pytest.mark.parametrize(
    ("actor", "count"),
    [
        ("huawei", 1),
        ("rosneft", 1),
        ("cnpc", 1),
        ("hugo-chavez", 1),
        ("monroe-doctrine", 1),
        ("the-west", 6),
        ("united-states", 9),
        ("china", 25),
    ],
)
def test_actor_filter_counts(client: TestClient, actor: str, count: int) -> None:
    body = claims(client, actor=actor)
    assert body["total"] == count
    assert all(actor in c["actors"] for c in body["items"])


# Sentences per section, counted in the article.
PER_SECTION: list[tuple[str | None, int]] = [
    (None, 4),
    ("1", 0),
    ("1.1", 3),
    ("1.2", 4),
    ("2", 0),
    ("2.1", 4),
    ("2.2", 3),
    ("3", 0),
    ("3.1", 3),
    ("3.2", 5),
    ("4", 0),
    ("4.1", 5),
    ("4.2", 3),
    ("5", 0),
    ("5.1", 3),
    ("5.2", 3),
    ("6", 0),
    ("6.1", 3),
    ("6.2", 2),
    ("7", 3),
    ("8", 0),
    ("8.1", 3),
    ("8.2", 3),
    ("9", 3),
    ("10", 9),
]


@pytest.mark.parametrize(("number", "count"), PER_SECTION)
def test_section_filter_counts(client: TestClient, number: str | None, count: int) -> None:
    body = claims(client, section=sid(number))
    assert body["total"] == count
    assert {c["section"] for c in body["items"]} <= {sid(number)}


def test_per_section_counts_add_up() -> None:
    assert sum(n for _, n in PER_SECTION) == TOTAL


def test_section_2_1_claims_in_order(client: TestClient) -> None:
    assert texts(client, section=sid("2.1")) == [
        "The foundations of the Russia–Venezuela relationship were laid during the presidency "
        "of Hugo Chávez (1999–2013).",
        ELEVEN_BILLION,
        "Beyond weapons sales, Moscow invested in training and maintenance programs, embedding "
        "Russian advisors within Venezuelan defense institutions.",
        "Despite political and economic fluctuations in Caracas, the military-technical link "
        "with Moscow has remained steady — evidence of a long-term strategic understanding.",
    ]


def test_bullets_are_claims_without_their_marker(client: TestClient) -> None:
    assert texts(client, section=sid("4.1"))[1:4] == [
        "Russia offers military, strategic, and security expertise.",
        "China provides financial, infrastructural, and technological resources.",
        "Venezuela offers energy access and geopolitical positioning.",
    ]
    assert texts(client, section=sid("10"))[4:7] == [
        "flexible alliances rather than rigid blocs;",
        "pragmatic diplomacy over ideological loyalty;",
        "economic interdependence as a substitute for military confrontation.",
    ]


def test_filters_combine(client: TestClient) -> None:
    assert texts(client, section=sid("10"), kind="forecast") == FORECASTS
    assert texts(client, actor="united-states", kind="prescription") == []
    assert len(texts(client, actor="china", kind="fact")) == 9
    assert texts(client, article="no-such-article") == []
    assert len(texts(client, article=ARTICLE)) == TOTAL


def test_bad_kind_is_a_422_naming_it(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"kind": "opinion"})
    assert response.status_code == 422
    assert [(e["name"], e["in"]) for e in response.json()["errors"]] == [("kind", "query")]
