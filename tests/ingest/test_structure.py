import itertools
from pathlib import Path

import pytest

from app.ingest.drafts import SectionDraft
from app.ingest.structure import parse_document
from tests.seed_outline import NUMBERED_SECTIONS

SEED = (Path(__file__).parents[2] / "seed" / "russia-china-venezuela.txt").read_text(
    encoding="utf-8"
)


def _table(sections: list[SectionDraft]) -> list[tuple[str | None, str, int, str | None]]:
    return [(s.number, s.title, s.level, s.parent_number) for s in sections]


def test_seed_title_and_offsets() -> None:
    doc = parse_document(SEED)
    assert doc.title == (
        "Russia and China in Latin America: How Cooperation with Venezuela Is Redefining "
        "Global Power Dynamics"
    )
    assert (doc.title_start, doc.title_end) == (0, len(doc.title))
    assert SEED[doc.title_start : doc.title_end] == doc.title


def test_seed_has_introduction_then_all_numbered_sections() -> None:
    doc = parse_document(SEED)
    assert _table(doc.sections) == [(None, "Introduction", 1, None), *NUMBERED_SECTIONS]
    assert sum(1 for s in doc.sections if s.number is not None and s.level == 1) == 10
    assert sum(1 for s in doc.sections if s.level == 2) == 14


def test_seed_introduction_span() -> None:
    intro = parse_document(SEED).sections[0]
    quote = SEED[intro.start : intro.end]
    assert quote.split()[0] == "In"
    assert quote.split()[-1] == "cooperation."
    assert quote.startswith("In the past two decades, the joint presence of Russia and China")
    assert quote.endswith(
        "offering economic support, technical assistance, and defense cooperation."
    )
    assert (intro.body_start, intro.body_end) == (intro.start, intro.end)


def test_seed_numbered_sections_start_with_their_heading() -> None:
    for section in parse_document(SEED).sections[1:]:
        assert SEED[section.start : section.end].startswith(f"{section.number}. {section.title}")


def test_seed_sections_are_ordered_and_disjoint() -> None:
    sections = parse_document(SEED).sections
    for before, after in itertools.pairwise(sections):
        assert before.end <= after.start
    for section in sections:
        assert section.start <= section.body_start <= section.body_end == section.end
        assert SEED[section.end - 1].strip()


def test_seed_section_without_body_ends_at_its_heading() -> None:
    section = next(s for s in parse_document(SEED).sections if s.number == "1")
    heading = "1. Venezuela as a Strategic Hub in the Global South"
    assert SEED[section.start : section.end] == heading
    assert section.body_start == section.body_end == section.end


def test_seed_section_body_starts_after_heading() -> None:
    section = next(s for s in parse_document(SEED).sections if s.number == "4.1")
    assert SEED[section.body_start :].startswith("Although Russia and China have distinct")


def test_seed_last_section_ends_before_keywords() -> None:
    last = parse_document(SEED).sections[-1]
    assert last.number == "10"
    assert SEED[last.start : last.end].endswith(
        "coexist within this emerging architecture of shared influence."
    )


def test_seed_keywords() -> None:
    assert parse_document(SEED).keywords == [
        "Russia China Venezuela alliance",
        "Venezuela defense cooperation",
        "Latin America geopolitics",
        "China Belt and Road Latin America",
        "Russia influence Western Hemisphere",
        "multipolar world order",
        "US-Venezuela relations",
        "global South strategy",
    ]


def test_seed_trailer_and_comment_form_belong_to_no_section() -> None:
    for section in parse_document(SEED).sections:
        quote = SEED[section.start : section.end]
        for boilerplate in ("Leave a Reply", "SEO keywords", "Your email address", "Required"):
            assert boilerplate not in quote


def test_empty_text_has_no_title_or_sections() -> None:
    doc = parse_document("  \n\n")
    assert (doc.title, doc.sections, doc.keywords) == ("", [], [])


def test_title_only() -> None:
    doc = parse_document("\n  Just a title  \n\n")
    assert (doc.title, doc.title_start, doc.title_end) == ("Just a title", 3, 15)
    assert doc.sections == []


def test_text_without_headings_is_one_introduction() -> None:
    text = "A Title\n\nFirst paragraph here.\n\nSecond paragraph.\n"
    doc = parse_document(text)
    assert _table(doc.sections) == [(None, "Introduction", 1, None)]
    intro = doc.sections[0]
    assert text[intro.start : intro.end] == "First paragraph here.\n\nSecond paragraph."


def test_numbered_headings_without_trailing_dot() -> None:
    text = "Title\n\n1 Background\nSome text.\n2.1 Details here\nMore text.\n2.1.3 Deeper\n"
    doc = parse_document(text)
    assert _table(doc.sections) == [
        ("1", "Background", 1, None),
        ("2.1", "Details here", 2, "2"),
        ("2.1.3", "Deeper", 3, "2.1"),
    ]
    deeper = doc.sections[-1]
    assert deeper.body_start == deeper.body_end == deeper.end == len(text) - 1


def test_prose_lines_starting_with_numbers_are_not_headings() -> None:
    text = (
        "Title\n\n"
        "1. Real heading\n"
        "3.5 million people left the country.\n"
        "2. Items are listed below:\n"
        "2017 Sanctions\n"
        "10 percent of exports\n"
    )
    doc = parse_document(text)
    assert _table(doc.sections) == [("1", "Real heading", 1, None)]


def test_heading_ending_with_an_acronym() -> None:
    doc = parse_document("Title\n\n1. Relations with the U.S.\nText.\n")
    assert _table(doc.sections) == [("1", "Relations with the U.S.", 1, None)]


def test_markdown_headings() -> None:
    text = (
        "# The Title\n"
        "\n"
        "Opening paragraph.\n"
        "\n"
        "## Background\n"
        "Body of background.\n"
        "\n"
        "### Details\n"
        "\n"
        "Detail text.\n"
        "## Outlook ##\n"
        "The end.\n"
    )
    doc = parse_document(text)
    assert doc.title == "The Title"
    assert (doc.title_start, doc.title_end) == (2, 11)
    assert _table(doc.sections) == [
        (None, "Introduction", 1, None),
        (None, "Background", 1, None),
        (None, "Details", 2, None),
        (None, "Outlook", 1, None),
    ]
    details = doc.sections[2]
    assert text[details.start : details.end] == "### Details\n\nDetail text."
    assert text[details.body_start : details.body_end] == "Detail text."


def test_numbered_markdown_headings_and_unnumbered_children() -> None:
    text = (
        "# Title\n"
        "## 1. First part\n"
        "Text one.\n"
        "### 1.1 A subsection\n"
        "Text two.\n"
        "### Notes\n"
        "Text three.\n"
        "## 2 Second part\n"
        "1. a list item, not a heading\n"
        "2. Another Item\n"
    )
    doc = parse_document(text)
    assert _table(doc.sections) == [
        ("1", "First part", 1, None),
        ("1.1", "A subsection", 2, "1"),
        (None, "Notes", 2, "1"),
        ("2", "Second part", 1, None),
    ]
    second = doc.sections[-1]
    assert text[second.body_start : second.body_end] == (
        "1. a list item, not a heading\n2. Another Item"
    )


def test_markdown_headings_under_a_plain_title() -> None:
    doc = parse_document("Plain Title\n\n# One\nA.\n## One point one\nB.\n")
    assert doc.title == "Plain Title"
    assert _table(doc.sections) == [(None, "One", 1, None), (None, "One point one", 2, None)]


def test_keywords_and_tags_trailers() -> None:
    text = "Title\n\n1. Part\nBody.\n\nKeywords: alpha, beta.\nTags: gamma; delta\n"
    doc = parse_document(text)
    assert doc.keywords == ["alpha", "beta", "gamma", "delta"]
    part = doc.sections[0]
    assert text[part.start : part.end] == "1. Part\nBody."


def test_keywords_line_inside_the_body_is_text() -> None:
    text = "Title\n\nKeywords: these matter.\nAnd the article goes on.\n"
    doc = parse_document(text)
    assert doc.keywords == []
    intro = doc.sections[0]
    assert text[intro.start : intro.end].endswith("goes on.")


def test_share_boilerplate_ends_the_body() -> None:
    text = (
        "Title\n\nBody text.\n\nShare this:\nClick to share on X\n"
        "Like this:\nRelated\n\n1. Not a section\n"
    )
    doc = parse_document(text)
    assert _table(doc.sections) == [(None, "Introduction", 1, None)]
    intro = doc.sections[0]
    assert text[intro.start : intro.end] == "Body text."


def test_related_as_a_sentence_start_is_not_boilerplate() -> None:
    text = "Title\n\nRelated problems persist.\n"
    intro = parse_document(text).sections[0]
    assert text[intro.start : intro.end] == "Related problems persist."


def test_crlf_line_endings() -> None:
    text = "Title\r\n\r\n1. Part\r\nBody.\r\n"
    doc = parse_document(text)
    assert doc.title == "Title"
    part = doc.sections[0]
    assert (part.title, text[part.start : part.end]) == ("Part", "1. Part\r\nBody.")


def test_web_page_furniture_is_no_title_section_or_text() -> None:
    text = (
        "Skip to main content\nHome › World › Americas\n"
        "Venezuela Turns to Moscow for Cash\n\n"
        "By Jane Doe\n02 April 2009\nThis article is more than 2 years old\n\n"
        "CARACAS (Reuters) - The government asked for a loan.\n\n"
        "Share on Facebook\nRegister now for FREE unlimited access to Example.com\n\n"
        "Officials expect an answer soon.\n"
    )
    doc = parse_document(text)
    assert doc.title == "Venezuela Turns to Moscow for Cash"
    assert _table(doc.sections) == [(None, "Introduction", 1, None)]
    intro = doc.sections[0]
    assert text[intro.start : intro.end].startswith("CARACAS (Reuters) - The government")
    assert text[intro.start : intro.end].endswith("answer soon.")


def test_a_dateline_line_is_no_numbered_section() -> None:
    text = "Title\n\n02 April 2009\n\n1. Part\nBody.\n"
    assert _table(parse_document(text).sections) == [("1", "Part", 1, None)]


def test_a_keywords_list_under_the_title_is_keywords_not_the_introduction() -> None:
    text = "Title\n\nKeywords: Venezuela, Russia, oil\n\n1. Part\nBody.\n"
    doc = parse_document(text)
    assert doc.keywords == ["Venezuela", "Russia", "oil"]
    assert _table(doc.sections) == [("1", "Part", 1, None)]


def test_headings_title_start_skips_marks_and_numbers() -> None:
    text = "# Title\n\n## 1. First part\nA.\n\n## Second part\nB.\n"
    sections = parse_document(text).sections
    assert [text[s.title_start : s.title_start + 5] for s in sections] == ["First", "Secon"]
    plain = "Title\n\n2.1 Oil and gas\nA.\n"
    (section,) = parse_document(plain).sections
    assert plain[section.title_start :].startswith("Oil and gas")


def test_lists_of_other_stories_end_the_body_once_the_story_has_begun() -> None:
    text = (
        "Title\n\nMost read\n\nThe port reopened.\n\nAlso in this section\n"
        "5 August 2025\nAnother story begins here and goes on.\n"
    )
    doc = parse_document(text)
    intro = doc.sections[0]
    assert text[intro.start : intro.end] == "The port reopened."


def test_a_site_banner_above_the_headline_is_neither_title_nor_section() -> None:
    text = (
        "Example Times\n\nVenezuela Turns to Moscow for Cash and Credit\n\n"
        "The government asked for a loan.\n"
    )
    doc = parse_document(text)
    assert doc.title == "Venezuela Turns to Moscow for Cash and Credit"
    assert _table(doc.sections) == [(None, "Introduction", 1, None)]


@pytest.mark.parametrize(
    "text",
    [
        "T\n\nBackground\n\nIt began in 2019.\n",  # a heading as long as the title
        "Oil Report\n\nThe government asked for a loan from Moscow.\n",  # a sentence
        "Oil Report\n\n1. The government asks Moscow for cash\n\nBody.\n",  # a numbered heading
        "A Title With Five Words\n\nA Heading With Seven Words In It\n\nBody.\n",
    ],
)
def test_a_short_title_before_other_lines_stays_the_title(text: str) -> None:
    assert parse_document(text).title == text.split("\n")[0]
