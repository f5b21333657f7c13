"""GET /v1/sections and /v1/sections/{id}: the article's outline and what each section holds."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.seed_outline import NUMBERED_SECTIONS

ARTICLE = "russia-china-venezuela"


def sid(number: str | None) -> str:
    return f"{ARTICLE}-intro" if number is None else f"{ARTICLE}-{number.replace('.', '-')}"


# (number, title, level, parent number) in reading order, as printed in the article.
OUTLINE: list[tuple[str | None, str, int, str | None]] = [
    (None, "Introduction", 1, None),
    *NUMBERED_SECTIONS,
]
SUBSECTIONS = [n for n, _, level, _ in OUTLINE if level == 2]

SECTION_2_1_BODY = (
    "The foundations of the Russia–Venezuela relationship were laid during the presidency of "
    "Hugo Chávez (1999–2013).\n"
    "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military equipment, "
    "including air defense systems, tanks, and Sukhoi fighter jets.\n"
    "\n"
    "Beyond weapons sales, Moscow invested in training and maintenance programs, embedding "
    "Russian advisors within Venezuelan defense institutions. Despite political and economic "
    "fluctuations in Caracas, the military-technical link with Moscow has remained steady — "
    "evidence of a long-term strategic understanding."
)
SECTION_2_1_CLAIMS = [
    "The foundations of the Russia–Venezuela relationship were laid during the presidency of "
    "Hugo Chávez (1999–2013).",
    "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military equipment, "
    "including air defense systems, tanks, and Sukhoi fighter jets.",
    "Beyond weapons sales, Moscow invested in training and maintenance programs, embedding "
    "Russian advisors within Venezuelan defense institutions.",
    "Despite political and economic fluctuations in Caracas, the military-technical link with "
    "Moscow has remained steady — evidence of a long-term strategic understanding.",
]
# Counted in 2.1's span, heading included:
#   russia:      Russia(–Venezuela), Russian (equipment), Moscow, Russian (advisors), Moscow
#   venezuela:   (Russia–)Venezuela, Caracas (purchased), Venezuelan, Caracas (fluctuations)
#   hugo-chavez: Chávez (heading), Hugo Chávez
SECTION_2_1_ACTORS = [("russia", 5), ("venezuela", 4), ("hugo-chavez", 2)]


def sections(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/sections", params={"limit": 100, **params})
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_the_outline_in_reading_order(client: TestClient) -> None:
    body = sections(client)
    assert body["total"] == 25
    got = [(s["number"], s["title"], s["level"], s["parent"]) for s in body["items"]]
    expected = [
        (number, title, level, None if parent is None else sid(parent))
        for number, title, level, parent in OUTLINE
    ]
    assert got == expected


def test_section_ids_and_positions(client: TestClient) -> None:
    items = sections(client)["items"]
    assert [s["id"] for s in items] == [sid(number) for number, _, _, _ in OUTLINE]
    assert [s["position"] for s in items] == list(range(25))
    assert {s["article"] for s in items} == {ARTICLE}


def test_every_numbered_section_starts_at_its_heading_line(
    client: TestClient, article_text: str
) -> None:
    for s in sections(client)["items"]:
        if s["number"] is None:
            continue
        heading = f"{s['number']}. {s['title']}"
        assert article_text[s["start"] :].startswith(heading + "\n"), s["id"]
        assert article_text.index("\n" + heading + "\n") + 1 == s["start"]


def test_the_introduction_spans_the_two_paragraphs_before_section_1(
    client: TestClient, article_text: str
) -> None:
    intro = sections(client)["items"][0]
    assert (intro["number"], intro["title"], intro["level"], intro["parent"]) == (
        None,
        "Introduction",
        1,
        None,
    )
    span = article_text[intro["start"] : intro["end"]]
    assert span.startswith("In the past two decades, the joint presence of Russia and China")
    assert span.endswith(
        "offering economic support, technical assistance, and defense cooperation."
    )
    assert span.count("\n\n") == 1


def test_the_last_section_ends_before_the_keywords(client: TestClient, article_text: str) -> None:
    last = sections(client)["items"][-1]
    assert last["number"] == "10"
    assert article_text[: last["end"]].endswith("architecture of shared influence.")
    assert "SEO keywords" not in article_text[last["start"] : last["end"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"number": "2.1"}, ["2.1"]),
        ({"number": "10"}, ["10"]),
        ({"number": "7"}, ["7"]),
        ({"number": "7.1"}, []),
        ({"level": 2}, SUBSECTIONS),
        ({"level": 1}, [n for n, _, level, _ in OUTLINE if level == 1]),
        ({"level": 3}, []),
        ({"parent": sid("1")}, ["1.1", "1.2"]),
        ({"parent": sid("8")}, ["8.1", "8.2"]),
        ({"parent": sid("7")}, []),
        ({"parent": sid("2"), "level": 2}, ["2.1", "2.2"]),
        ({"article": ARTICLE}, [n for n, _, _, _ in OUTLINE]),
        ({"article": "no-such-article"}, []),
    ],
)
def test_filters(client: TestClient, params: dict[str, Any], expected: list[str | None]) -> None:
    body = sections(client, **params)
    assert [s["number"] for s in body["items"]] == expected
    assert body["total"] == len(expected)


def test_level_2_has_the_fourteen_subsections(client: TestClient) -> None:
    body = sections(client, level=2)
    assert body["total"] == 14
    assert SUBSECTIONS == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
        "4.1",
        "4.2",
        "5.1",
        "5.2",
        "6.1",
        "6.2",
        "8.1",
        "8.2",
    ]


def test_section_2_1(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('2.1')}").json()
    assert section["id"] == sid("2.1")
    assert section["number"] == "2.1"
    assert section["title"] == "A legacy of the Chávez years"
    assert (section["level"], section["parent"], section["position"]) == (2, sid("2"), 5)
    assert section["body"] == SECTION_2_1_BODY
    assert section["children"] == []


def test_section_2_1_actors_with_mention_counts(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('2.1')}").json()
    assert [(a["id"], a["mentions"]) for a in section["actors"]] == SECTION_2_1_ACTORS
    assert [(a["name"], a["kind"]) for a in section["actors"]] == [
        ("Russia", "country"),
        ("Venezuela", "country"),
        ("Hugo Chávez", "person"),
    ]


def test_section_2_1_figures_in_order(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('2.1')}").json()
    assert [f["quote"] for f in section["figures"]] == [
        "1999–2013",
        "Between 2005 and 2013",
        "over $11 billion",
    ]
    assert {f["section"] for f in section["figures"]} == {sid("2.1")}


def test_section_2_1_claims_in_order(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('2.1')}").json()
    assert [c["text"] for c in section["claims"]] == SECTION_2_1_CLAIMS
    assert [c["kind"] for c in section["claims"]] == ["fact", "fact", "fact", "fact"]


def test_section_detail_agrees_with_its_list_item(client: TestClient) -> None:
    item = sections(client, number="2.1")["items"][0]
    detail = client.get(f"/v1/sections/{sid('2.1')}").json()
    assert {k: detail[k] for k in item} == item


def test_section_body_is_the_end_of_its_span(client: TestClient, article_text: str) -> None:
    for item in sections(client)["items"]:
        detail = client.get(f"/v1/sections/{item['id']}").json()
        span = article_text[item["start"] : item["end"]]
        assert span.endswith(detail["body"]), item["id"]
        heading = "" if item["number"] is None else f"{item['number']}. {item['title']}"
        assert detail["body"] == span.removeprefix(heading).lstrip("\n"), item["id"]


def test_section_4_has_children_4_1_and_4_2(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('4')}").json()
    assert [(c["id"], c["number"], c["title"]) for c in section["children"]] == [
        (sid("4.1"), "4.1", "Strategic complementarity"),
        (sid("4.2"), "4.2", "Regional implications"),
    ]
    assert {c["parent"] for c in section["children"]} == {sid("4")}
    # Its own span is the heading line alone: the text belongs to the subsections.
    assert section["body"] == ""
    assert section["claims"] == []


def test_section_7_has_a_body_and_no_children(client: TestClient) -> None:
    section = client.get(f"/v1/sections/{sid('7')}").json()
    assert section["children"] == []
    assert section["body"].startswith("The Venezuela–Russia–China triangle carries symbolic")
    assert len(section["claims"]) == 3


def test_the_introduction(client: TestClient) -> None:
    intro = client.get(f"/v1/sections/{sid(None)}").json()
    assert intro["number"] is None
    assert intro["title"] == "Introduction"
    assert intro["children"] == []
    assert [c["text"][:40] for c in intro["claims"]] == [
        "In the past two decades, the joint prese",
        "Once considered Washington’s uncontested",
        "At the center of this transformation sta",
        "As the United States maintains sanctions",
    ]


def test_section_mentions_are_its_own_in_reading_order(
    client: TestClient, article_text: str
) -> None:
    detail = client.get(f"/v1/sections/{sid('2.1')}").json()
    mentions = detail["mentions"]
    # The heading ("2.1. A legacy of the Chávez years") first, then the body.
    assert [(m["actor"], m["quote"]) for m in mentions] == [
        ("hugo-chavez", "Chávez"),
        ("russia", "Russia"),
        ("venezuela", "Venezuela"),
        ("hugo-chavez", "Hugo Chávez"),
        ("venezuela", "Caracas"),
        ("russia", "Russian"),
        ("russia", "Moscow"),
        ("russia", "Russian"),
        ("venezuela", "Venezuelan"),
        ("venezuela", "Caracas"),
        ("russia", "Moscow"),
    ]
    assert all(article_text[m["start"] : m["end"]] == m["quote"] for m in mentions)
    assert [m["start"] for m in mentions] == sorted(m["start"] for m in mentions)
    assert all(detail["start"] <= m["start"] and m["end"] <= detail["end"] for m in mentions)
    # The same mentions as the actors' pages give for this section.
    for actor in detail["actors"]:
        own = client.get(f"/v1/actors/{actor['id']}").json()["occurrences"]
        here = [(o["start"], o["end"]) for o in own if o["section"] == sid("2.1")]
        assert here == [(m["start"], m["end"]) for m in mentions if m["actor"] == actor["id"]]
