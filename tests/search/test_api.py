"""GET /v1/search on the seeded article: exact results, in order."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.search.conftest import Search, top

ARTICLE = "russia-china-venezuela"
S = f"{ARTICLE}-"  # section ids are the article id and the number
SUKHOI_CLAIM = "c-8de3ca5457e6"
HUAWEI_CLAIM = "c-42ea6e20db27"


def test_a_rare_word_finds_its_sentence_and_section_first(search: Search) -> None:
    body = search("Sukhoi")
    assert top(body) == [("claim", SUKHOI_CLAIM), ("section", S + "2-1")]
    assert [item["section"] for item in body["items"]] == [S + "2-1", S + "2-1"]
    assert body["items"][0] == {
        "type": "claim",
        "id": SUKHOI_CLAIM,
        "title": "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military "
        "equipment, including air defense systems…",
        "snippet": "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military "
        "equipment, including air defense systems, tanks, and <mark>Sukhoi</mark> fighter jets.",
        "score": 3.931604,
        "section": S + "2-1",
        "article": ARTICLE,
        "article_meta": {
            "title": "Russia and China in Latin America: How Cooperation with Venezuela Is "
            "Redefining Global Power Dynamics",
            "publisher": None,
            "published": None,
        },
    }
    assert (body["total"], body["mode"], body["suggestion"]) == (2, "all", None)


def test_two_companies_find_the_sentence_naming_both(search: Search) -> None:
    body = search("Huawei ZTE")
    assert top(body) == [("claim", HUAWEI_CLAIM), ("section", S + "3-2")]
    assert body["items"][0]["snippet"].startswith(
        "Companies like <mark>Huawei</mark> and <mark>ZTE</mark> have built"
    )


def test_a_capital_finds_its_state_first_and_the_facts_about_it(search: Search) -> None:
    body = search("Moscow")
    # Then the section titles that name Russia or its capital (a title counts ten times).
    assert top(body, 3) == [
        ("actor", "russia"),
        ("section", S + "4"),
        ("section", S + "2"),
    ]
    assert body["items"][0]["snippet"] == (
        "<mark>Russia</mark> · <mark>Moscow</mark>, <mark>Russian</mark>, "
        "<mark>Russian Federation</mark>"
    )
    # Facts that say "Russia" but never "Moscow" are found through the alias.
    found = {item["id"] for item in search("Moscow", limit=100)["items"]}
    assert "f-af2de5d75cd8" in found  # "over $11 billion — Russian military equipment"
    assert body["total"] == 44


def test_names_and_titles_outrank_running_text(search: Search) -> None:
    # "sanctions" is the title of 5.1 and in the text of thirteen other facts.
    assert top(search("sanctions"), 2) == [("section", S + "5-1"), ("figure", "f-2cadc044b110")]
    # An actor's name outranks the sentences that mention it.
    assert top(search("Rosneft")) == [
        ("actor", "rosneft"),
        ("claim", "c-8bfa4b66f8fa"),
        ("section", S + "6-1"),
    ]
    assert top(search("Caribbean"), 2) == [("actor", "caribbean"), ("claim", "c-8e88e269bd26")]


def test_scores_decrease_down_the_list(search: Search) -> None:
    scores = [item["score"] for item in search("oil", limit=100)["items"]]
    assert scores == sorted(scores, reverse=True)
    assert all(score > 0 for score in scores)


def test_a_singular_finds_the_plural(search: Search) -> None:
    body = search("jet ")
    assert top(body) == [("claim", SUKHOI_CLAIM), ("section", S + "2-1")]
    assert "<mark>jets</mark>" in body["items"][0]["snippet"]


def test_the_last_word_matches_as_a_prefix(search: Search) -> None:
    assert top(search("Sukh")) == [("claim", SUKHOI_CLAIM), ("section", S + "2-1")]
    assert search("Sukh ")["total"] == 0  # a finished word is a whole word


def test_a_prefix_typed_past_its_stem_still_finds_its_word(search: Search) -> None:
    # Porter indexed "giving" as "give": "givin" is no prefix of it; the whole words are used.
    body = search("givin")
    assert top(body) == [
        ("claim", "c-bfbb8b32e6ad"),
        ("claim", "c-8e88e269bd26"),
        ("section", S + "6-1"),
        ("section", S + "1-1"),
    ]
    assert "<mark>giving</mark>" in body["items"][0]["snippet"]
    assert (body["mode"], body["suggestion"]) == ("all", None)
    assert search("venezuelan givin")["mode"] == "all"


def test_an_actor_alias_typed_last_still_stands_for_the_actor(search: Search) -> None:
    # "caracas" is a word porter changes ("caraca"), and Venezuela's alias: the alias wins.
    body = search("caracas")
    assert (body["total"], top(body, 1)) == (63, [("actor", "venezuela")])


@pytest.mark.parametrize(
    ("q", "total", "marked"),
    [
        # FTS5 would stem "may" to "mai*" and find "maintain" (12 more rows), "has" to "ha*"
        # (Havana first), "parts" to "part*" (partnership, particularly), "ties" to "ti*".
        ("may", 2, {"may"}),
        ("has", 18, {"has"}),
        ("parts", 6, {"parts", "part"}),
        ("ties", 2, {"ties"}),
    ],
)
def test_a_finished_last_word_finds_the_words_it_starts_not_its_stem(
    search: Search, q: str, total: int, marked: set[str]
) -> None:
    body = search(q)
    assert body["total"] == total
    found = {
        m.lower()
        for item in body["items"]
        for m in re.findall(r"<mark>(.*?)</mark>", item["snippet"])
    }
    assert found == marked
    assert search(q + " ")["total"] == total


def test_quoted_phrases_match_in_order(search: Search) -> None:
    assert top(search('"belt and road"')) == [
        ("actor", "belt-and-road-initiative"),
        ("claim", "c-461d2e8588d0"),
        ("section", S + "3-1"),
    ]
    assert search('"road and belt"')["total"] == 0


@pytest.mark.parametrize(
    "q", ["CHÁVEZ", "chavez", "Chavez", "Cha\u0301vez"], ids=["upper", "plain", "capital", "nfd"]
)
def test_case_and_accents_do_not_matter(search: Search, q: str) -> None:
    assert top(search(q), 2) == [("actor", "hugo-chavez"), ("section", S + "2-1")]


@pytest.mark.parametrize(
    ("q", "plain", "total"),
    [
        ("Russia–Venezuela", "Russia-Venezuela", 3),
        ("Russia—Venezuela", "Russia-Venezuela", 3),
        ("“technological stability”", '"technological stability"', 2),
        ("Venezuela’s oil", "Venezuela's oil", 5),
    ],
)
def test_typographic_punctuation_does_not_matter(
    search: Search, q: str, plain: str, total: int
) -> None:
    body = search(q)
    assert body["total"] == total
    assert top(body) == top(search(plain))


def test_numbers_and_units_are_found(search: Search) -> None:
    assert top(search("$60 billion")) == [
        ("figure", "f-21f93969e99b"),
        ("claim", "c-281c26aa11d4"),
        ("section", S + "3-1"),
    ]
    assert search("$60 billion")["items"][0]["snippet"] == (
        "over $<mark>60</mark> <mark>billion</mark> — credit"
    )
    assert {item["id"] for item in search("60%")["items"]} >= {"f-2809e94bf312", "f-21f93969e99b"}


def test_any_word_when_no_result_has_them_all(search: Search) -> None:
    body = search("Sukhoi Huawei")
    assert body["mode"] == "any"
    assert top(body, 3) == [
        ("actor", "huawei"),
        ("claim", SUKHOI_CLAIM),
        ("claim", HUAWEI_CLAIM),
    ]
    assert body["total"] == 5
    assert search("Sukhoi Caracas")["mode"] == "all"


def test_facets_count_the_whole_result_set(search: Search) -> None:
    body = search("sanctions", limit=1)
    assert len(body["items"]) == 1
    assert body["total"] == 14
    facets = body["facets"]
    assert facets["type"] == [
        {"value": "claim", "count": 6},
        {"value": "section", "count": 6},
        {"value": "figure", "count": 2},
    ]
    assert facets["section"][:2] == [
        {"value": S + "1-2", "count": 3},
        {"value": S + "5-1", "count": 3},
    ]
    assert sum(f["count"] for f in facets["section"]) == 14
    assert facets["actor"][:3] == [
        {"value": "venezuela", "count": 12},
        {"value": "the-west", "count": 9},
        {"value": "united-states", "count": 7},
    ]


def test_facets_of_a_two_company_query(search: Search) -> None:
    assert search("Huawei ZTE")["facets"] == {
        "type": [{"value": "claim", "count": 1}, {"value": "section", "count": 1}],
        "section": [{"value": S + "3-2", "count": 2}],
        "actor": [
            {"value": "huawei", "count": 2},
            {"value": "zte", "count": 2},
            {"value": "china", "count": 1},
            {"value": "the-west", "count": 1},
            {"value": "venezuela", "count": 1},
        ],
        "article": [{"value": ARTICLE, "count": 2}],
    }


@pytest.mark.parametrize(
    ("q", "suggestion"),
    [
        ("Venezeula", "venezuela"),
        ("Huwaei", "huawei"),
        ("oil Venezeula", "oil venezuela"),
        ('"belt and road" Huwaei', '"belt and road" huawei'),
    ],
)
def test_misspelt_names_get_a_suggestion(search: Search, q: str, suggestion: str) -> None:
    assert search(q)["suggestion"] == suggestion


@pytest.mark.parametrize(
    "q", ["Venezuela", "Sukhoi", "zzzz qqqq", "2018", "Huawei ZTE", "Nicaraguan zzzz", "Cuban qqqq"]
)
def test_no_suggestion_when_nothing_looks_misspelt(search: Search, q: str) -> None:
    assert search(q)["suggestion"] is None


def test_filter_by_type_repeatable(search: Search) -> None:
    body = search("sanctions", type=["figure", "claim"])
    assert body["total"] == 8
    assert {item["type"] for item in body["items"]} == {"figure", "claim"}
    assert body["facets"]["type"] == [
        {"value": "claim", "count": 6},
        {"value": "figure", "count": 2},
    ]


def test_filter_by_section(search: Search) -> None:
    assert top(search("sanctions", section=S + "5-1")) == [
        ("section", S + "5-1"),
        ("figure", "f-124b4656e83e"),
        ("claim", "c-ab4be9ce3682"),
    ]


def test_filter_by_article_keeps_the_actors_it_mentions(search: Search) -> None:
    assert top(search("Moscow", article=ARTICLE, type="actor")) == [("actor", "russia")]
    assert search("Moscow", article="no-such-article")["total"] == 0


def test_pagination_headers_like_every_list(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "sanctions", "limit": 2, "offset": 2})
    assert response.headers["x-total-count"] == "14"
    assert response.headers["link"] == (
        '<http://testserver/v1/search?q=sanctions&limit=2&offset=4>; rel="next", '
        '<http://testserver/v1/search?q=sanctions&limit=2&offset=0>; rel="prev"'
    )
    body = response.json()
    assert (body["limit"], body["offset"], len(body["items"])) == (2, 2, 2)
    assert (
        top(body) == top(client.get("/v1/search", params={"q": "sanctions", "limit": 4}).json())[2:]
    )


def test_a_page_past_the_end_is_empty(search: Search) -> None:
    body = search("Sukhoi", offset=50)
    assert (body["items"], body["total"]) == ([], 2)


def test_a_query_with_no_words_finds_nothing(search: Search) -> None:
    body = search("🙂 ***")
    assert (body["items"], body["total"], body["mode"], body["suggestion"]) == ([], 0, "all", None)
    assert body["facets"] == {"type": [], "section": [], "actor": [], "article": []}


def test_an_actors_kind_is_searchable(search: Search) -> None:
    body = search("company", type="actor")
    # Equal scores keep the index's order: actors are written in id order.
    assert top(body) == [
        ("actor", "cnpc"),
        ("actor", "huawei"),
        ("actor", "rosneft"),
        ("actor", "zte"),
    ]
    assert body["items"][1]["snippet"] == "Huawei · <mark>company</mark>"
    assert body["items"][0]["section"] is None
