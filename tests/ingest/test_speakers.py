"""Who said it: each attribution form names its speaker as written; the rest name nobody."""

from __future__ import annotations

import pytest

from app.ingest.actors import MentionDraft
from app.ingest.speakers import SpeakerDraft, find_speaker, resolve_speaker


def _speaker(sentence: str) -> str | None:
    found = find_speaker(sentence, 0, len(sentence))
    if found is not None:
        assert sentence[found.start : found.end] == found.name
    return found.name if found else None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Maduro said the talks would go on.", "Maduro"),
        ("Maduro told reporters on Friday that talks would go on.", "Maduro"),
        ("Venezuela is turning to Russia, sources told Reuters.", "sources"),
        ('"We will not retreat," the minister said.', "the minister"),
        (
            '"There is no delay," said Rosneft vice president Pavel Fedorov in May.',
            "Rosneft vice president Pavel Fedorov",
        ),
        (
            "Rosneft paid $1 billion, according to a top government official.",
            "a top government official",
        ),
        ("According to the central bank, inflation fell.", "the central bank"),
        ("Critics argue that the deal is flawed.", "Critics"),
        ("Analysts expect that demand to triple by 2030.", "Analysts"),
        ("Experts increasingly argue for a more pragmatic policy.", "Experts"),
        ("R. Evan Ellis wrote in 2019 that China is patient.", "R. Evan Ellis"),
        ("Igor Sechin, head of Rosneft, said the deal was done.", "Igor Sechin"),
        ("The IMF estimates that output fell 10%.", "The IMF"),
        ("Demand, analysts say, will recover.", "analysts"),
        ("He said the plan would work.", "He"),
        ("The court ruled, the opposition's lawyers said.", "the opposition's lawyers"),
        ("The finance minister, Ana Ruiz, told reporters that cash would do.", "Ana Ruiz"),
        ("Some of that money, the agency reported, went to reserves.", "the agency"),
        ("Lima extended the credit line, Example News reported.", "Example News"),
        ('"We received the funds," Ruiz tweeted.', "Ruiz"),
        ("Lima will pay in oil, he added.", "he"),
        ("Ana Ruiz called it a threat to farmers.", "Ana Ruiz"),
        ("The minister described the pipeline as a lifeline.", "The minister"),
        (
            "The Nordic Grain Council (NGC) forecasts that harvests will shrink.",
            "The Nordic Grain Council",
        ),
        ("The World Port Forum (WPF) said traffic would recover.", "The World Port Forum"),
        ("Sales will rise next year, the bank projected.", "the bank"),
        # A time or a channel after a verb that closes its clause.
        ("The levy is now 3.5%, the regulator announced on Tuesday.", "the regulator"),
        ("Freight eased in May, the Baltic Desk reported in a weekly note.", "the Baltic Desk"),
        (
            "Output may drop 9% next year, a trade ministry paper seen by Example Wire showed.",
            "a trade ministry paper seen by Example Wire",
        ),
    ],
)
def test_attribution_forms(sentence: str, speaker: str) -> None:
    assert _speaker(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "The foundations were laid during the presidency of Hugo Chávez.",
        "Prices are expected to rise.",
        "Output fell more than expected.",
        "It is said to be the largest field.",
        "The said agreement expired in 2019.",
        "The United States imposed sanctions.",
        "Government estimates put the loss at $2 billion.",
        "China added 5 GW of capacity.",
        "PDVSA did not respond to requests for comment.",
        "The deal, signed in May, said nothing new.",
        "The US imposed sanctions after a vote which many critics say was rigged.",
        "The company reported a loss in May.",
        "A group called Friends of the Port met in May.",
        "The union called off the strike.",
        "Weather forecasts were ignored by the crew.",
        "The ministry projects a deficit in 2025.",
        "The company announced on Monday a new plant in Ohio.",
        "The figures show exports fell.",
        "The firm earned $2.10 a share, below the $2.30 average of analyst forecasts.",
        "",
    ],
)
def test_sentences_the_article_asserts_itself(sentence: str) -> None:
    assert _speaker(sentence) is None


def test_offsets_are_into_the_whole_text() -> None:
    text = "Intro. Critics argue that it failed."
    assert find_speaker(text, 7, len(text)) == SpeakerDraft(7, 14, "Critics")


def _mention(actor: str, start: int, end: int) -> MentionDraft:
    return MentionDraft(actor_id=actor, start=start, end=end, surface="")


def test_a_speaker_resolves_to_the_actor_its_phrase_ends_on() -> None:
    speaker = SpeakerDraft(10, 46, "Rosneft vice president Pavel Fedorov")
    assert resolve_speaker(speaker, [_mention("rosneft", 10, 17)]) is None
    both = [_mention("rosneft", 10, 17), _mention("pavel-fedorov", 33, 46)]
    assert resolve_speaker(speaker, both) == "pavel-fedorov"


def test_a_spokesperson_speaks_for_the_organisation() -> None:
    speaker = SpeakerDraft(0, 17, "a Rosneft spokesman")
    assert resolve_speaker(speaker, [_mention("rosneft", 2, 9)]) == "rosneft"


def test_a_preposition_inside_a_name_locates_nothing() -> None:
    name = "Peru's Ministry of Water and Mines"
    speaker = SpeakerDraft(0, len(name), name)
    mentions = [_mention("peru", 0, 4), _mention("ministry-of-water-and-mines", 7, len(name))]
    assert resolve_speaker(speaker, mentions) == "ministry-of-water-and-mines"
    # Outside a name it still does: "diplomats in Peru" are nobody known.
    name = "diplomats in Peru"
    assert resolve_speaker(SpeakerDraft(0, 17, name), [_mention("peru", 13, 17)]) is None


def test_mentions_outside_the_speaker_do_not_resolve_it() -> None:
    speaker = SpeakerDraft(20, 27, "Critics")
    assert resolve_speaker(speaker, [_mention("china", 0, 5), _mention("peru", 30, 34)]) is None


def test_he_and_she_are_the_previous_speaker_they_is_nobody() -> None:
    assert resolve_speaker(SpeakerDraft(0, 2, "He"), [], "ana-ruiz") == "ana-ruiz"
    assert resolve_speaker(SpeakerDraft(0, 3, "she"), [], None) is None
    assert resolve_speaker(SpeakerDraft(0, 4, "they"), [], "ana-ruiz") is None


def test_two_speakers_joined_by_and_and_a_wrapped_name() -> None:
    text = "Talks went on, two market sources and a government\nsource told Reuters."
    found = find_speaker(text, 0, len(text))
    assert found == SpeakerDraft(15, 57, "two market sources and a government source")
    assert _speaker("Prices rose and analysts said demand was weak.") == "analysts"


def test_a_place_after_a_preposition_is_not_the_speaker() -> None:
    speaker = SpeakerDraft(0, 19, "Hapag-Lloyd of Peru")
    assert resolve_speaker(speaker, [_mention("peru", 15, 19)]) is None
    both = [_mention("hapag-lloyd", 0, 11), _mention("peru", 15, 19)]
    assert resolve_speaker(speaker, both) == "hapag-lloyd"
    analysts = SpeakerDraft(0, 19, "analysts at the IMF")
    assert resolve_speaker(analysts, [_mention("imf", 16, 19)]) == "imf"
    diplomats = SpeakerDraft(0, 18, "Diplomats in Paris")
    assert resolve_speaker(diplomats, [_mention("france", 13, 18)]) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Sales fell 4%, according to a report by the agency.", "the agency"),
        ("Sales fell 4%, according to claims by Dana Ortiz, an analyst.", "Dana Ortiz"),
        ("Sales fell 4%, according to data compiled by the Mining Chamber.", "the Mining Chamber"),
        ("Sales fell 4%, according to figures from the central bank.", "the central bank"),
        # No author, or none who speaks: the document itself.
        ("Sales fell 4%, according to a survey of 500 economists.", "a survey of 500 economists"),
        ("Sales fell 4%, according to data from 2019.", "data"),
        ("Sales fell 4%, according to the report.", "the report"),
    ],
)
def test_according_to_a_document_is_its_author(sentence: str, speaker: str) -> None:
    assert _speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Sales fell 4%, according to a study by the Council on Mining and Energy (CME).",
            "the Council on Mining and Energy",
        ),
        ("Sales fell 4%, according to figures from Example Bank on Tuesday.", "Example Bank"),
        ("Sales fell 4%, according to data from Example Wire for March.", "Example Wire"),
    ],
)
def test_the_author_of_a_document_is_named_whole(sentence: str, speaker: str) -> None:
    assert _speaker(sentence) == speaker


def test_a_head_of_something_speaks() -> None:
    assert _speaker("The Example Wire head of research said rates doubled.") == (
        "The Example Wire head of research"
    )
