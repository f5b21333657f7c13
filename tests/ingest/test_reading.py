"""The recognizer reads only where it can find a new name, in two rounds
(app/ingest/reading.py); a fake recognizer records what it is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ingest import reading
from app.ingest.actors import Gazetteer
from app.ingest.article import prepare_article
from app.ingest.article import read_document as read_bytes
from app.ingest.curated import ActorEntry
from app.ingest.reading import recognize, window
from app.ingest.recognizer import SpacyRecognizer, spacy_installed
from app.ingest.stages import read_document, split_sentences
from tests.ingest.answer_keys import DATA, RECOGNIZER_MODEL, SAMPLES, seed_curated
from tests.ingest.test_names import Fake


def read(body: str, *spans: tuple[str, str]) -> list[str]:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    fake = Fake(*spans)
    recognize(text, sentences, Gazetteer([]), fake)
    return fake.read


def test_an_ordinary_first_word_alone_is_not_read() -> None:
    text = "Title\n\nThe board met in the spring.\n"
    [sentence] = split_sentences(read_document(text)).body()
    assert window(text, sentence, Gazetteer([])) is None


def test_a_sentence_led_by_a_known_surname_is_not_read() -> None:
    read_ = read(
        "Elena Varga said prices would rise.\n\nVarga said that talks would resume.",
        ("Elena Varga", "PERSON"),
    )
    assert read_ == ["Elena Varga said prices would rise."]


def test_a_surname_two_people_share_is_read() -> None:
    read_ = read(
        "Elena Varga said prices would rise. Marco Varga disagreed with her.\n\nVarga said "
        "that talks would resume.",
        ("Elena Varga", "PERSON"),
        ("Marco Varga", "PERSON"),
    )
    assert read_[-1] == "Varga said that talks would resume."


def test_a_first_word_no_one_has_as_surname_is_read_in_the_second_round() -> None:
    read_ = read("Elena Varga said prices would rise.\n\nCritics say the terms are poor.")
    assert read_ == ["Elena Varga said prices would rise.", "Critics say the terms are poor."]


def test_a_surname_after_a_title_is_read() -> None:
    read_ = read(
        "Elena Varga met the Minister. Varga said that talks would resume.",
        ("Elena Varga", "PERSON"),
    )
    assert read_ == ["Elena Varga met the Minister. Varga said that talks would resume."]


def test_a_span_is_read_whole_when_one_of_its_sentences_must_be() -> None:
    read_ = read(
        "Elena Varga said prices would rise.\n\nVarga agreed. Officials at Helix disagreed.",
        ("Elena Varga", "PERSON"),
    )
    assert read_[-1] == "Varga agreed. Officials at Helix disagreed."


def test_a_span_whose_only_such_words_are_months_and_days_is_not_read() -> None:
    read_ = read(
        "Elena Varga said prices would rise.\n\nIn January, prices rose. By Sept. 4 they fell."
        "\n\nOn Monday, Helix Mining said it would sell.",
    )
    assert read_ == [
        "Elena Varga said prices would rise.",
        "On Monday, Helix Mining said it would sell.",
    ]


@pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")
def test_what_is_not_read_changes_no_fact_of_a_labelled_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every labelled article read as described, and read with every span the skipped ones
    came from (no surname known, no calendar span): the same facts and actors."""

    def facts(name: str) -> tuple[str, list[ActorEntry]]:
        text, meta = read_bytes((DATA / name).read_bytes(), source_name=name)
        found, entries = prepare_article(
            text,
            source_name=name,
            slug=Path(name).stem,
            title=None,
            annotations=None,
            curated=seed_curated(),
            meta=meta,
            recognizer=SpacyRecognizer(RECOGNIZER_MODEL),
        )
        return found.article.fingerprint, entries

    read = {name: facts(name) for name in SAMPLES}
    monkeypatch.setattr(reading, "named_in_full", lambda *_: frozenset())
    monkeypatch.setattr(reading, "_calendar", lambda _: False)
    assert {name: facts(name) for name in SAMPLES} == read
