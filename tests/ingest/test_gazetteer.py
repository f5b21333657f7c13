"""Which actors an article is read with: precedence, ambiguity and proposed candidates."""

from __future__ import annotations

import pytest

from app.ingest.curated import ActorEntry, Curated, CuratedError
from app.ingest.drafts import SentenceDraft
from app.ingest.gazetteer import gazetteer_for
from app.ingest.seed import Seed
from app.ingest.stages import read_document, split_sentences
from app.models.vocabulary import ActorKind


def ids_for(text: str, curated: Curated, annotations: Curated | None = None) -> set[str]:
    gazetteer = gazetteer_for(text, body_sentences(text), curated, annotations)
    return {a.id for a in gazetteer.curated.actors}


def entries_for(text: str, curated: Curated) -> dict[str, ActorEntry]:
    gazetteer = gazetteer_for(text, body_sentences(text), curated, None)
    return {a.id: a for a in gazetteer.curated.actors}


def test_a_curated_entry_replaces_the_built_in_one_whole(seed: Seed) -> None:
    russia = entries_for("T\n\nRussians.\n", seed.curated)["russia"]
    assert russia == next(a for a in seed.curated.actors if a.id == "russia")
    assert "Russians" not in russia.names


def test_a_built_in_entry_loses_names_a_curated_actor_uses() -> None:
    curated = Curated(actors=(ActorEntry(id="west-sahara", name="Sahrawi", kind=ActorKind.GROUP),))
    entries = entries_for("T\n\nText.\n", curated)
    assert "Sahrawi" not in entries["western-sahara"].names
    assert entries["west-sahara"].names == ("Sahrawi",)


def test_a_built_in_entry_whose_name_a_curated_actor_uses_is_left_out() -> None:
    curated = Curated(actors=(ActorEntry(id="the-state", name="Georgia", kind=ActorKind.REGION),))
    assert "georgia" not in ids_for("T\n\nTbilisi and Georgia.\n", curated)


@pytest.mark.parametrize(
    ("text", "country", "used"),
    [
        ("A shipyard in Georgia closed.", "georgia", False),
        ("Georgia and Tbilisi signed.", "georgia", True),
        ("Georgian wine sells.", "georgia", True),
        ("Jordan Peterson spoke.", "jordan", False),
        ("Jordan and Amman.", "jordan", True),
        ("Equatorial Guinean oil.", "guinea", False),  # the longer name is no confirmation
        ("The Gulf of Guinea.", "guinea", False),
        ("Chad Smith", "chad", False),
    ],
)
def test_ambiguous_countries_need_an_unambiguous_name_too(
    text: str, country: str, used: bool
) -> None:
    assert (country in ids_for(f"T\n\n{text}\n", Curated())) is used


def test_annotations_win_over_curated_entries(seed: Seed) -> None:
    annotations = Curated(
        actors=(ActorEntry(id="cuba", name="Cuba", kind=ActorKind.COUNTRY, aliases=("Cubans",)),)
    )
    text = "T\n\nCubans.\n"
    gazetteer = gazetteer_for(text, body_sentences(text), seed.curated, annotations)
    cuba = next(a for a in gazetteer.curated.actors if a.id == "cuba")
    assert cuba.aliases == ("Cubans",)
    assert cuba in gazetteer.always


def test_annotations_clashing_with_curated_names_are_an_error(seed: Seed) -> None:
    annotations = Curated(
        actors=(ActorEntry(id="havana-club", name="Havana", kind=ActorKind.COMPANY),)
    )
    with pytest.raises(
        CuratedError, match="name 'Havana' belongs to both 'cuba' and 'havana-club'"
    ):
        gazetteer_for("T\n\nx.\n", body_sentences("T\n\nx.\n"), seed.curated, annotations)


def test_candidates_join_the_gazetteer_unreviewed() -> None:
    text = "T\n\nThe Asian Development Bank (ADB) lent more. The ADB grew.\n"
    entries = entries_for(text, Curated())
    bank = entries["asian-development-bank"]
    assert (bank.name, bank.aliases, bank.reviewed) == ("Asian Development Bank", ("ADB",), False)


def test_candidates_that_clash_are_reported_not_crashed_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clash = ActorEntry(id="x-bank", name="France", kind=ActorKind.ORGANIZATION, reviewed=False)
    monkeypatch.setattr("app.ingest.gazetteer.find_candidates", lambda *_: [clash])
    with pytest.raises(
        CuratedError,
        match="the gazetteers do not fit together: "
        "name 'France' belongs to both 'france' and 'x-bank'",
    ):
        gazetteer_for("T\n\nFrance.\n", body_sentences("T\n\nFrance.\n"), Curated(), None)


def body_sentences(text: str) -> list[SentenceDraft]:
    return split_sentences(read_document(text)).body()
