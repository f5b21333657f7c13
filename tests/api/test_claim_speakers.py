"""Claims name their speaker, and `?speaker=` filters on it, by actor id or name as written;
on SQLite and on PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_article_delete import BEARER, writable
from tests.api.test_claims import claims, texts
from tests.api.test_contract import assert_problem

__all__ = ["writable"]

EXPERTS = (
    "Experts increasingly argue for a more pragmatic policy toward Latin America, one that "
    "recognizes the legitimacy of multipolar relations rather than attempting to reverse them."
)
PORTS = """Port Deals

Venezuela said the port would reopen in May.

The government should publish the contract, the International Monetary Fund said on Monday.

"We will not retreat," Venezuela told reporters.

The port handled 40 ships in March.
"""


def test_the_seed_attributes_one_claim_to_experts(client: TestClient) -> None:
    attributed = [c for c in claims(client)["items"] if c["speaker"] is not None]
    assert [(c["text"], c["speaker"], c["speaker_actor"]) for c in attributed] == [
        (EXPERTS, "Experts", None)
    ]
    assert texts(client, speaker="Experts") == [EXPERTS]
    assert texts(client, speaker="experts") == []


def test_speaker_filter_by_actor_id_or_name(writable: TestClient) -> None:
    response = writable.post(
        "/v1/articles?slug=ports",
        content=PORTS,
        headers={**BEARER, "Content-Type": "text/plain"},
    )
    assert response.status_code == 201, response.text
    items = claims(writable, article="ports")["items"]
    assert [(c["speaker"], c["speaker_actor"]) for c in items] == [
        ("Venezuela", "venezuela"),
        ("the International Monetary Fund", "international-monetary-fund"),
        ("Venezuela", "venezuela"),
        (None, None),
    ]
    assert texts(writable, speaker="venezuela") == [
        "Venezuela said the port would reopen in May.",
        '"We will not retreat," Venezuela told reporters.',
    ]
    assert texts(writable, speaker="the International Monetary Fund") == [
        "The government should publish the contract, the International Monetary Fund said on"
        " Monday."
    ]
    assert texts(writable, speaker="venezuela", kind="forecast") == [
        "Venezuela said the port would reopen in May.",  # the future seen from a past report
        '"We will not retreat," Venezuela told reporters.',
    ]
    assert texts(writable, speaker="venezuela", kind="fact") == []
    one = writable.get(f"/v1/claims/{items[1]['id']}").json()
    assert (one["kind"], one["speaker"]) == ("prescription", "the International Monetary Fund")


def test_an_empty_speaker_is_a_422_naming_it(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"speaker": ""})
    assert_problem(response, 422)
    assert [(e["name"], e["in"]) for e in response.json()["errors"]] == [("speaker", "query")]
