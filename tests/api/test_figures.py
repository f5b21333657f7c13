"""GET /v1/figures and /v1/figures/{id}: every quantity of the article, its filters and sorts.

The article states ten figures, in reading order:
  intro  "two decades"            duration, 20 years
  1.1    "three powers"           count 3 (in the heading)
  1.2    "after 2017"             year 2017, gt, period 2017–
  1.2    "more than 60%"          percent 60, gt
  2.1    "1999–2013"              period 1999–2013
  2.1    "Between 2005 and 2013"  period 2005–2013
  2.1    "over $11 billion"       money 11e9 USD, gt, period 2005–2013
  3.1    "over $60 billion"       money 6e10 USD, gt, period 2007–
  3.1    "since 2007"             period 2007–
  5.1    "Since 2017"             period 2017–
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

ARTICLE = "russia-china-venezuela"

IN_ORDER = [
    "two decades",
    "three powers",
    "after 2017",
    "more than 60%",
    "1999–2013",
    "Between 2005 and 2013",
    "over $11 billion",
    "over $60 billion",
    "since 2007",
    "Since 2017",
]
PERIODS = ["1999–2013", "Between 2005 and 2013", "since 2007", "Since 2017"]
VALUED = ["three powers", "two decades", "more than 60%", "after 2017"]
MONEY = ["over $11 billion", "over $60 billion"]


def sid(number: str | None) -> str:
    return f"{ARTICLE}-intro" if number is None else f"{ARTICLE}-{number.replace('.', '-')}"


def figures(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/figures", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def quotes(client: TestClient, **params: Any) -> list[str]:
    body = figures(client, **params)
    assert body["total"] == len(body["items"])
    return [f["quote"] for f in body["items"]]


def by_quote(client: TestClient, quote: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [f for f in figures(client)["items"] if f["quote"] == quote]
    assert len(found) == 1, quote
    return found[0]


def claim_of(client: TestClient, start: int) -> dict[str, Any]:
    """The claim (sentence) that contains offset `start`."""
    claims = client.get("/v1/claims", params={"limit": 100}).json()["items"]
    found: list[dict[str, Any]] = [c for c in claims if c["start"] <= start < c["end"]]
    assert len(found) == 1, start
    return found[0]


def test_every_figure_in_reading_order(client: TestClient) -> None:
    body = figures(client)
    assert body["total"] == 10
    assert [f["quote"] for f in body["items"]] == IN_ORDER
    assert {f["article"] for f in body["items"]} == {ARTICLE}


def test_over_11_billion(client: TestClient, article_text: str) -> None:
    figure = by_quote(client, "over $11 billion")
    assert figure["kind"] == "money"
    assert figure["value"] == 11e9
    assert figure["unit"] == "USD"
    assert figure["comparator"] == "gt"
    assert (figure["period_start"], figure["period_end"]) == ("2005", "2013")
    assert figure["measure"] == "Russian military equipment"
    assert figure["section"] == sid("2.1")
    # "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military equipment":
    # Caracas names Venezuela, "Russian" names Russia.
    assert figure["actors"] == ["russia", "venezuela"]
    sentence = "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military"
    start = article_text.index(sentence) + len("Between 2005 and 2013, Caracas purchased ")
    assert (figure["start"], figure["end"]) == (start, start + len("over $11 billion"))
    claim = claim_of(client, figure["start"])
    assert figure["claim"] == claim["id"]
    assert claim["text"].startswith(sentence)


def test_over_60_billion(client: TestClient, article_text: str) -> None:
    figure = by_quote(client, "over $60 billion")
    assert (figure["kind"], figure["value"], figure["unit"], figure["comparator"]) == (
        "money",
        6e10,
        "USD",
        "gt",
    )
    # "... over $60 billion in credit to Caracas since 2007": open-ended.
    assert (figure["period_start"], figure["period_end"]) == ("2007", None)
    assert figure["section"] == sid("3.1")
    # Beijing, "oil-for-loans" and Caracas are named in its sentence.
    assert figure["actors"] == ["china", "oil-for-loans", "venezuela"]
    assert article_text[figure["start"] : figure["end"]] == "over $60 billion"
    assert figure["claim"] == claim_of(client, figure["start"])["id"]


def test_more_than_60_percent(client: TestClient) -> None:
    figure = by_quote(client, "more than 60%")
    assert (figure["kind"], figure["value"], figure["unit"], figure["comparator"]) == (
        "percent",
        60.0,
        "percent",
        "gt",
    )
    assert (figure["period_start"], figure["period_end"]) == (None, None)
    assert figure["measure"] == "Venezuelan oil exports"
    assert figure["section"] == sid("1.2")
    # "... of Venezuelan oil exports go to Asia, primarily to China ..."
    assert figure["actors"] == ["asia", "china", "venezuela"]


@pytest.mark.parametrize(
    ("quote", "kind", "value", "unit", "comparator", "period", "section"),
    [
        ("two decades", "duration", 20.0, "year", "eq", (None, None), None),
        ("three powers", "count", 3.0, None, "eq", (None, None), "1.1"),
        ("after 2017", "year", 2017.0, "year", "gt", ("2017", None), "1.2"),
        ("1999–2013", "period", None, None, "eq", ("1999", "2013"), "2.1"),
        ("Between 2005 and 2013", "period", None, None, "eq", ("2005", "2013"), "2.1"),
        ("since 2007", "period", None, None, "eq", ("2007", None), "3.1"),
        ("Since 2017", "period", None, None, "eq", ("2017", None), "5.1"),
    ],
)
def test_the_other_figures(
    client: TestClient,
    quote: str,
    kind: str,
    value: float | None,
    unit: str | None,
    comparator: str,
    period: tuple[str | None, str | None],
    section: str | None,
) -> None:
    figure = by_quote(client, quote)
    assert (figure["kind"], figure["value"], figure["unit"], figure["comparator"]) == (
        kind,
        value,
        unit,
        comparator,
    )
    assert (figure["period_start"], figure["period_end"]) == period
    assert figure["section"] == sid(section)


def test_the_heading_figure_belongs_to_no_claim(client: TestClient) -> None:
    # "1.1. A country at the crossroads of three powers" is a heading, not a sentence.
    assert by_quote(client, "three powers")["claim"] is None
    assert all(by_quote(client, q)["claim"] is not None for q in IN_ORDER if q != "three powers")


def test_single_figure_equals_its_list_item(client: TestClient) -> None:
    for item in figures(client)["items"]:
        assert client.get(f"/v1/figures/{item['id']}").json() == item


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "money"}, MONEY),
        ({"kind": "percent"}, ["more than 60%"]),
        ({"kind": "period"}, PERIODS),
        ({"kind": "year"}, ["after 2017"]),
        ({"kind": "duration"}, ["two decades"]),
        ({"kind": "count"}, ["three powers"]),
        ({"kind": "date"}, []),
        ({"unit": "USD"}, MONEY),
        ({"unit": "percent"}, ["more than 60%"]),
        ({"unit": "year"}, ["two decades", "after 2017"]),
        ({"unit": "EUR"}, []),
        ({"kind": "money", "unit": "USD"}, MONEY),
    ],
)
def test_kind_and_unit_filters(
    client: TestClient, params: dict[str, Any], expected: list[str]
) -> None:
    assert quotes(client, **params) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"min": 1e9}, MONEY),
        ({"min": 11e9}, MONEY),
        ({"min": 11e9 + 1}, ["over $60 billion"]),
        ({"max": 100}, ["two decades", "three powers", "more than 60%"]),
        ({"max": 60}, ["two decades", "three powers", "more than 60%"]),
        ({"max": 59.5}, ["two decades", "three powers"]),
        ({"min": 20, "max": 60}, ["two decades", "more than 60%"]),
        ({"min": 2000, "max": 2100}, ["after 2017"]),
        ({"min": 1e12}, []),
        # Periods have no value: any bound leaves them out.
        ({"min": -1e300}, ["two decades", "three powers", "after 2017", "more than 60%", *MONEY]),
    ],
)
def test_min_max_filters_on_value(
    client: TestClient, params: dict[str, Any], expected: list[str]
) -> None:
    assert quotes(client, **params) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Periods ending in 2013 end before 2014; open "since"/"after" periods reach it.
        ({"from": 2014}, ["after 2017", "over $60 billion", "since 2007", "Since 2017"]),
        (
            {"from": 2013},
            [
                "after 2017",
                "1999–2013",
                "Between 2005 and 2013",
                "over $11 billion",
                "over $60 billion",
                "since 2007",
                "Since 2017",
            ],
        ),
        ({"from": 2030}, ["after 2017", "over $60 billion", "since 2007", "Since 2017"]),
        ({"to": 2000}, ["1999–2013"]),
        ({"to": 1998}, []),
        ({"to": 2005}, ["1999–2013", "Between 2005 and 2013", "over $11 billion"]),
        (
            {"to": 2007},
            [
                "1999–2013",
                "Between 2005 and 2013",
                "over $11 billion",
                "over $60 billion",
                "since 2007",
            ],
        ),
        (
            {"from": 2013, "to": 2013},
            [
                "1999–2013",
                "Between 2005 and 2013",
                "over $11 billion",
                "over $60 billion",
                "since 2007",
            ],
        ),
        ({"from": 2014, "to": 2016}, ["over $60 billion", "since 2007"]),
        ({"from": 2014, "kind": "money"}, ["over $60 billion"]),
    ],
)
def test_from_to_select_figures_whose_period_overlaps(
    client: TestClient, params: dict[str, Any], expected: list[str]
) -> None:
    got = quotes(client, **params)
    assert got == expected
    # Figures without any period ("two decades", "three powers", "more than 60%") never match.
    assert not {"two decades", "three powers", "more than 60%"} & set(got)


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (None, ["two decades"]),
        ("1.1", ["three powers"]),
        ("1.2", ["after 2017", "more than 60%"]),
        ("2.1", ["1999–2013", "Between 2005 and 2013", "over $11 billion"]),
        ("3.1", ["over $60 billion", "since 2007"]),
        ("5.1", ["Since 2017"]),
        ("2", []),
        ("10", []),
    ],
)
def test_section_filter(client: TestClient, section: str | None, expected: list[str]) -> None:
    assert quotes(client, section=sid(section)) == expected


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("china", ["two decades", "more than 60%", "over $60 billion", "since 2007"]),
        (
            "russia",
            ["two decades", "1999–2013", "Between 2005 and 2013", "over $11 billion"],
        ),
        (
            "venezuela",
            [
                "after 2017",
                "more than 60%",
                "1999–2013",
                "Between 2005 and 2013",
                "over $11 billion",
                "over $60 billion",
                "since 2007",
                "Since 2017",
            ],
        ),
        ("united-states", ["Since 2017"]),
        ("the-west", ["after 2017"]),
        ("hugo-chavez", ["1999–2013"]),
        ("oil-for-loans", ["over $60 billion", "since 2007"]),
        ("huawei", []),
    ],
)
def test_actor_filter(client: TestClient, actor: str, expected: list[str]) -> None:
    assert quotes(client, actor=actor) == expected


def test_article_filter(client: TestClient) -> None:
    assert quotes(client, article=ARTICLE) == IN_ORDER
    assert quotes(client, article="no-such-article") == []


def test_sort_position_is_the_default(client: TestClient) -> None:
    assert quotes(client, sort="position") == IN_ORDER


def test_sort_by_value_ascending_puts_periods_last(client: TestClient) -> None:
    items = figures(client, sort="value")["items"]
    assert [f["quote"] for f in items[:6]] == [*VALUED, *MONEY]
    assert [f["value"] for f in items[:6]] == [3.0, 20.0, 60.0, 2017.0, 11e9, 6e10]
    tail = items[6:]
    assert sorted(f["quote"] for f in tail) == sorted(PERIODS)
    assert all(f["value"] is None for f in tail)
    assert [f["id"] for f in tail] == sorted(f["id"] for f in tail)


def test_sort_by_value_descending_still_puts_periods_last(client: TestClient) -> None:
    items = figures(client, sort="-value")["items"]
    assert [f["quote"] for f in items[:6]] == [*reversed(MONEY), *reversed(VALUED)]
    assert [f["value"] for f in items[:6]] == [6e10, 11e9, 2017.0, 60.0, 20.0, 3.0]
    assert all(f["value"] is None for f in items[6:])
    assert [f["id"] for f in items[6:]] == [
        f["id"] for f in figures(client, sort="value")["items"][6:]
    ]


def test_sort_combines_with_filters_and_paging(client: TestClient) -> None:
    page = client.get("/v1/figures", params={"sort": "-value", "min": 1, "limit": 2, "offset": 1})
    body = page.json()
    assert body["total"] == 6
    assert [f["quote"] for f in body["items"]] == ["over $11 billion", "after 2017"]


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("sort=bogus", "sort"),
        ("sort=", "sort"),
        ("kind=bogus", "kind"),
        ("kind=MONEY", "kind"),
        ("min=abc", "min"),
        ("max=abc", "max"),
        ("min=1e400", "min"),
        ("max=-1e400", "max"),
        ("from=99999", "from"),
        ("from=abc", "from"),
        ("to=99999", "to"),
        ("to=2013.5", "to"),
    ],
)
def test_bad_values_are_422_problems_naming_the_parameter(
    client: TestClient, query: str, param: str
) -> None:
    response = client.get(f"/v1/figures?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422
    assert [(e["name"], e["in"]) for e in body["errors"]] == [(param, "query")]
    assert param in body["detail"]
