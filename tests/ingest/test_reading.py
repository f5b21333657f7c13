"""The recognizer reads only where it can find a new name, in two rounds
(app/ingest/reading.py); a fake recognizer records what it is given."""

from __future__ import annotations

from app.ingest.actors import Gazetteer
from app.ingest.reading import recognize, window
from app.ingest.stages import read_document, split_sentences
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
