from pathlib import Path

import pytest

from app.ingest.drafts import SentenceDraft
from app.ingest.sentences import split_sentences
from app.ingest.structure import parse_document

SEED = (Path(__file__).parents[2] / "seed" / "russia-china-venezuela.txt").read_text(
    encoding="utf-8"
)

SEED_BULLETS = [
    "Russia offers military, strategic, and security expertise.",
    "China provides financial, infrastructural, and technological resources.",
    "Venezuela offers energy access and geopolitical positioning.",
    "flexible alliances rather than rigid blocs;",
    "pragmatic diplomacy over ideological loyalty;",
    "economic interdependence as a substitute for military confrontation.",
]


def _seed_sentences() -> list[SentenceDraft]:
    return [
        sentence
        for section in parse_document(SEED).sections
        for sentence in split_sentences(SEED, section.body_start, section.body_end)
    ]


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, 0, len(text))]


def test_seed_sentence_count() -> None:
    assert len(_seed_sentences()) == 66


def test_seed_sentence_count_per_section() -> None:
    counts = {
        section.number: len(split_sentences(SEED, section.body_start, section.body_end))
        for section in parse_document(SEED).sections
    }
    assert counts == {
        None: 4,
        "1": 0,
        "1.1": 3,
        "1.2": 4,
        "2": 0,
        "2.1": 4,
        "2.2": 3,
        "3": 0,
        "3.1": 3,
        "3.2": 5,
        "4": 0,
        "4.1": 5,
        "4.2": 3,
        "5": 0,
        "5.1": 3,
        "5.2": 3,
        "6": 0,
        "6.1": 3,
        "6.2": 2,
        "7": 3,
        "8": 0,
        "8.1": 3,
        "8.2": 3,
        "9": 3,
        "10": 9,
    }


def test_seed_sentences_quote_the_source_exactly() -> None:
    for sentence in _seed_sentences():
        assert SEED[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert "\n" not in sentence.text


def test_seed_us_hegemony_stays_one_sentence() -> None:
    texts = [s.text for s in _seed_sentences()]
    assert (
        "Caracas has emerged as a symbol of resistance to U.S. hegemony, inspiring neighboring "
        "countries like Cuba, Nicaragua, and Bolivia to pursue deeper ties with Eurasian powers."
    ) in texts


def test_seed_tricky_sentences() -> None:
    texts = [s.text for s in _seed_sentences()]
    for expected in (
        "Once considered Washington’s uncontested “backyard,” the region is now evolving into a "
        "contested geopolitical arena, where Eurasian powers are asserting influence through "
        "economic, technological, and defense cooperation.",
        "The foundations of the Russia–Venezuela relationship were laid during the presidency "
        "of Hugo Chávez (1999–2013).",
        "China’s presence in Venezuela extends beyond finance.",
        "More broadly, this trilateral cooperation exemplifies the logic of the 21st-century "
        "multipolar world:",
        "This trilateral framework illustrates one of the first examples of coordinated "
        "multipolar cooperation in the Western Hemisphere — an arrangement that challenges "
        "decades of U.S.-centered regional dominance.",
    ):
        assert expected in texts


def test_seed_bullets_drop_marker_and_indentation() -> None:
    sentences = _seed_sentences()
    bullets = [s for s in sentences if SEED[s.start - 4 : s.start] == "  • "]
    assert [s.text for s in bullets] == SEED_BULLETS


def test_offsets_are_absolute() -> None:
    text = "Heading\n\nFirst one. Second one.\n"
    sentences = split_sentences(text, 9, len(text))
    assert sentences == [
        SentenceDraft(9, 19, "First one."),
        SentenceDraft(20, 31, "Second one."),
    ]


def test_range_limits_the_split() -> None:
    text = "Before. Inside one. Inside two. After."
    assert [s.text for s in split_sentences(text, 8, 31)] == ["Inside one.", "Inside two."]


def test_empty_range() -> None:
    assert split_sentences("Text.", 2, 2) == []
    assert split_sentences("\n \n", 0, 3) == []


def test_a_newline_ends_a_sentence_unless_the_text_is_hard_wrapped() -> None:
    assert _texts("A line with a stop.\nand a lowercase line\nA Capitalised line\n") == [
        "A line with a stop.",
        "and a lowercase line",
        "A Capitalised line",
    ]
    wrapped = "Venezuela is\nnegotiating help from Rosneft. It needs\ncash, two sources said.\n"
    sentences = split_sentences(wrapped, 0, len(wrapped))
    assert [(s.start, s.text) for s in sentences] == [
        (0, "Venezuela is\nnegotiating help from Rosneft."),
        (44, "It needs\ncash, two sources said."),
    ]


def test_a_bullet_is_never_joined_to_its_neighbours() -> None:
    assert _texts("Key points\n- first item\nand more\n") == [
        "Key points",
        "first item",
        "and more",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rose. Then it fell.", ["It rose.", "Then it fell."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("He said “No.” Then he left.", ["He said “No.”", "Then he left."]),
        ('He said "stop." "Why?" she asked.', ['He said "stop."', '"Why?" she asked.']),
        ("It ended (finally.) Then more.", ["It ended (finally.)", "Then more."]),
        ("Sales grew. 2024 was better.", ["Sales grew.", "2024 was better."]),
        ("It cost a lot. $5 billion went.", ["It cost a lot.", "$5 billion went."]),
        ("Wait... Then it came.", ["Wait...", "Then it came."]),
        ("No split here. and here either", ["No split here. and here either"]),
        ("Trailing spaces.   Next one.  ", ["Trailing spaces.", "Next one."]),
    ],
)
def test_sentence_ends(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Resistance to U.S. hegemony grew. It spread.",
            ["Resistance to U.S. hegemony grew.", "It spread."],
        ),
        ("Resistance to U.S. Hegemony grew.", ["Resistance to U.S. Hegemony grew."]),
        ("He moved to the U.S. The move paid off.", ["He moved to the U.S.", "The move paid off."]),
        ("The U.K. Parliament voted.", ["The U.K. Parliament voted."]),
        ("See e.g. China and Russia.", ["See e.g. China and Russia."]),
        ("That is i.e. Beijing.", ["That is i.e. Beijing."]),
        ("Dr. Smith met Mr. Jones and Mrs. Lee.", ["Dr. Smith met Mr. Jones and Mrs. Lee."]),
        (
            "Ms. Ortiz and Prof. Ruiz visited St. Petersburg.",
            ["Ms. Ortiz and Prof. Ruiz visited St. Petersburg."],
        ),
        ("It was Russia vs. China.", ["It was Russia vs. China."]),
        ("Apple Inc. Board members met.", ["Apple Inc. Board members met."]),
        ("He joined Acme Inc. The firm grew.", ["He joined Acme Inc.", "The firm grew."]),
        ("Oil, gas, etc. were sold.", ["Oil, gas, etc. were sold."]),
        ("Oil, gas, etc. The list goes on.", ["Oil, gas, etc.", "The list goes on."]),
        ("Acme Ltd. and Beta Co. merged.", ["Acme Ltd. and Beta Co. merged."]),
        ("J. R. Smith wrote it. He was right.", ["J. R. Smith wrote it.", "He was right."]),
        ("It was No. 5 on the list.", ["It was No. 5 on the list."]),
        (
            "Growth was 3.5 percent. It fell to 2.1 later.",
            ["Growth was 3.5 percent.", "It fell to 2.1 later."],
        ),
    ],
)
def test_abbreviations_initials_and_decimals(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "  • Russia offers expertise. It also trains.",
        "- Russia offers expertise. It also trains.",
        "* Russia offers expertise. It also trains.",
        "+ Russia offers expertise. It also trains.",
        "1) Russia offers expertise. It also trains.",
        "2. Russia offers expertise. It also trains.",
        "a) Russia offers expertise. It also trains.",
        "\t– Russia offers expertise. It also trains.",
    ],
)
def test_bullet_line_is_one_sentence_without_marker(line: str) -> None:
    [sentence] = split_sentences(line, 0, len(line))
    assert sentence.text == "Russia offers expertise. It also trains."
    assert line[sentence.start : sentence.end] == sentence.text


def test_bullets_in_a_markdown_body() -> None:
    text = "Intro line:\n\n- first item;\n- second item.\n\nClosing sentence. Another.\n"
    assert _texts(text) == [
        "Intro line:",
        "first item;",
        "second item.",
        "Closing sentence.",
        "Another.",
    ]


def test_bare_bullet_marker_is_skipped() -> None:
    assert _texts("•\n- \nText.") == ["Text."]


def test_not_a_bullet() -> None:
    assert _texts("3.5 million people left.\n-5 degrees was the low.") == [
        "3.5 million people left.",
        "-5 degrees was the low.",
    ]


def test_a_long_paragraph_splits_at_every_stop() -> None:
    # One line of 20,000 sentences: each stop looks back only at the word it ends.
    text = "Russia lent money. " * 20_000
    found = split_sentences(text, 0, len(text))
    assert len(found) == 20_000
    assert {s.text for s in found} == {"Russia lent money."}
    assert (found[-1].start, found[-1].end) == (19 * 19_999, 19 * 20_000 - 1)


# Abbreviations of news copy; every case is one line holding exactly these sentences (the
# measurement in docs/ingest.md).
ABBREVIATION_CASES = [
    ["The talks resumed on Sept. 13 in Caracas.", "Officials expected a deal by Nov. 14, 2019."],
    ["R. Evan Ellis, a professor at the U.S. Army War College, wrote on it.", "He sees a shift."],
    ["The forum in St. Petersburg drew 20,000 visitors.", "Its organisers called it a success."],
    ["Platform No. 2 was shut in Feb. after a fire.", "Repairs cost $4.5 million."],
    ["Dr. Ana Ruiz and Gen. Vladimir Padrino met in Jan.", "They signed three accords."],
    ['"We will not retreat," the minister said.', "The crowd cheered."],
    ["Output fell 3.2 percent in 2019.", "It rose 1.5 percent in 2020."],
    ['"Is this sustainable?" asked one analyst.', "Nobody answered."],
    ["The U.S. imposed sanctions in Aug. 2017.", "The U.S. Treasury later widened them."],
    ["Exports reached 1.2 million barrels a day in Oct.", "That was the lowest since 1989."],
    ['She said: "The deal is done."', "Then she left."],
    ["Mr. Sechin flew to Caracas on Dec. 5.", "Mrs. Rodríguez met him."],
    ["Lt. Col. Ruiz commanded the unit.", "It had 500 soldiers."],
    ["The plan passed 52-48 on Jan. 9.", "Critics said it was rushed."],
    ["J.P. Morgan analysts cut their forecast.", "Brent traded at $61.40 a barrel."],
    ["The deal was signed by Pres. Maduro.", "It was published in Vol. 3 of the gazette."],
    ["The loan went to Rosneft Trading S.A. in Geneva.", "PDVSA repaid part of it in oil."],
    ["The company, Acme Corp., denied it.", "Shares of Acme Inc. fell."],
    ["The vote was held in the U.K. last year.", "Turnout was 67%."],
    ["Prices rose (by 4.5%).", "Demand fell."],
]


@pytest.mark.parametrize("sentences", ABBREVIATION_CASES, ids=lambda s: s[0][:30])
def test_abbreviations_initials_and_decimals_do_not_end_sentences(sentences: list[str]) -> None:
    assert _texts(" ".join(sentences)) == sentences


def test_furniture_and_keyword_lines_hold_no_sentence() -> None:
    text = (
        "By Jane Doe\nThe port reopened.\n(Photo: Jane Doe/Example)\n"
        "This article is more than 2 years old\nTags: ports, shipping\nShips returned.\n"
    )
    assert _texts(text) == ["The port reopened.", "Ships returned."]


def test_a_dateline_is_not_part_of_the_first_sentence() -> None:
    text = "CARACAS, Venezuela (Reuters) - The port reopened. Ships returned.\n"
    sentences = split_sentences(text, 0, len(text))
    assert [(s.start, s.text) for s in sentences] == [
        (31, "The port reopened."),
        (50, "Ships returned."),
    ]
