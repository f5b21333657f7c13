"""Every furniture rule catches its kind of line and lets the sentences that resemble it pass."""

from __future__ import annotations

import pytest

from app.ingest.furniture import RULES, dateline_length, furniture_rule
from app.ingest.keywords import keyword_items, listed_items
from tests.ingest.test_furniture_es import CASES_ES

# (rule, lines it must catch, an ordinary sentence that starts or looks the same)
CASES = [
    (
        "dateline",
        [
            "02 April 2009",
            "April 2, 2009",
            "Sept. 13, 2017",
            "Published: 2 April 2009",
            "Updated 10:32 AM EST, Thu March 5, 2020",
            "2009-04-02",
            "2019-02-08 12:38:48       source:Example Wire",
            "« March, 2024",
            "News | Feb. 26, 2019",
            "Sunday, 18 September 2016",
            "Mining Frontier Review, 9 October 2023",
            "Last modified on 2021-04-09",
        ],
        "02 April 2009 was the day the accord was signed.",
    ),
    (
        "place dateline",
        ["MOSCOW —", "CARACAS, Venezuela (Reuters) -"],
        "MOSCOW and Beijing signed the accord.",
    ),
    (
        "wire dateline",
        [
            "Quito, Ecuador, March 3 (Example Wire)",
            "Baku, Sept. 14 /Example Wire, J.Doe/",
            "Lima, 4 de marzo (Agencia Ejemplo)",
        ],
        "Talks resume in Quito, March 3 (Example Wire).",
    ),
    (
        "byline",
        [
            "By Jane Doe",
            "By Jane Doe and John Roe",
            "By R. Evan Ellis",
            "By Jane Doe, Staff Writer",
            "Author: Dr. Ana Ruiz",
            "Written by Jane Doe",
            "Journalist: Jane Doe",
        ],
        "By Monday Rosneft had paid.",
    ),
    (
        "agency byline",
        ["Example.com With Reuters", "Staff and agencies", "Jane Doe with AP"],
        "The deal was struck with Reuters.",
    ),
    (
        "role byline",
        ["Jane Doe, Staff Writer", "John Roe | Energy Correspondent"],
        "Jane Doe, a reporter, saw the fire.",
    ),
    (
        "author note",
        [
            "Jane Doe is a senior fellow at the Example Institute.",
            "John Roe is an economist at Acme Bank in New York.",
            "Marta Gil es analista de comercio y profesora de la Universidad del Sur.",
        ],
        "Ana Ruiz is a senior analyst at Kestrel. She expects prices to fall.",
    ),
    (
        "wire credits",
        [
            "Reporting by Jane Doe; Editing by John Roe",
            "(Additional reporting by Ana Ruiz in Lima)",
            "(Reporting by Ana Ruiz in Lima and Jane Doe in Quito; Editing by John Roe)",
            "Ana Ruiz reported from Lima; Jane Doe from Quito.",
            "Source: Example Wire (Reporting by Ana Ruiz; writing by Jane Doe; editing by Jo Roe)",
        ],
        "Reporting by the agency showed a rise.",
    ),
    (
        "caption",
        [
            "(Photo: Jane Doe/Example News)",
            "Image caption, Workers at the port",
            "Photo credit: Jane Doe",
            "Photo by: AP",
        ],
        "Photos of the site show damage.",
    ),
    (
        "captioned photo",
        [
            "Workers at the refinery in El Palito. REUTERS/Jane Doe",
            "Delegates at the forum on trade. | Example Video/Example Institute",
            "A tanker at the port (Photo: Jane Doe)",
            "*Soybeans at the port of Santos. Photo: Jane Doe/Example*",
            "*Soybeans at the port of Santos. Photograph: Example Observer*",
            "FILE PHOTO: A worker at the plant",
            "The two presidents in Beijing. File photo: Example Wire",
            "President Ana Ruiz (L) and her Peruvian counterpart.",
            "The two leaders in a file photo taken in Lima, September 2013.",
        ],
        "Sen. Jane Doe (R) said the bill would pass.",
    ),
    (
        "photo credit",
        ["File photo", "Xinhua/Jane Doe", "Getty Images"],
        "File photos were kept by the ministry.",
    ),
    (
        "older browser",
        [
            "You are using an older browser version.",
            "Please enable JavaScript to view the page.",
            "Please activate JavaScript in your browser to use all interface options.",
        ],
        "You are using an older map of the region, the minister said.",
    ),
    (
        "registration",
        [
            "Register now for FREE unlimited access to Example.com",
            "Already a subscriber? Log in",
            "Sign in to continue reading",
        ],
        "Register now, the election board urged voters.",
    ),
    (
        "cookies",
        ["We use cookies to improve your experience.", "Accept all cookies"],
        "We use gas from Russia.",
    ),
    (
        "article age",
        ["This article is more than 2 years old", "This article is more than five years old"],
        "This article is more than a summary.",
    ),
    (
        "share",
        ["Share", "Share on Facebook", "Facebook Twitter LinkedIn Email", "Print", "Share this"],
        "Share prices fell 3% on Monday.",
    ),
    (
        "newsletter",
        [
            "Sign up for our daily newsletter",
            "Get the Energy Brief newsletter in your inbox",
            "Get our Monday briefing on farm markets in your inbox.",
            "Our best stories, delivered to your inbox every Friday.",
        ],
        "Sign up was slow, officials admitted.",
    ),
    (
        "read more",
        [
            "Read more: A headline elsewhere on the site",
            "Related",
            "Most read",
            "See also: Oil in Venezuela",
            "Latest Articles",
            "Weekly Recap",
            "Read the full story and more from Example Weekly.",
        ],
        "Related parties must disclose loans.",
    ),
    (
        "navigation",
        [
            "Skip to main content",
            "Advertisement",
            "5 min read",
            "Back to top",
            "No menu items!",
            "Site icon",
            "Exit mobile version",
            "WeChat QR Code",
            "Mo Tu We Th Fr Sa Su",
            "Download PDF",
            "View Original",
            "Last Updated:",
        ],
        "Advertisement spending rose 4%.",
    ),
    (
        "call to action",
        [
            "Click here for more results",
            "(Click here to see the latest prices of Example Corp.)",
            "This is breaking news. Please check back for updates.",
            "This is a developing story",
            "This article was originally published by Example Post.",
            "Estimated reading time 3 minutes 3 Min",
            "Follow us on X and Threads",
            "Leave a Reply",
            "Join the discussion",
            "Join our reader forum",
            "Join lively conversations with other readers and reply to them",
            "› Learn More",
            "Your email address will not be published. Required fields are marked *",
            "Article content",
        ],
        "This is breaking news for investors, who sold 4% of their shares in May.",
    ),
    (
        "source line",
        ["Source: Example Wire", "Sources: Central Bank, Example Institute"],
        "Source: the ministry said output fell.",
    ),
    (
        "breadcrumb",
        [
            "Home › World › Americas",
            "Home | Business | Energy",
            "Home>News Center",
            "HomeEnergyPorts reopen in Venezuela",
        ],
        "Homeland security officials met.",
    ),
    (
        "kicker",
        [
            "ANALYSIS",
            "Shipping | Analysis",
            "THE EXAMPLE LEDGER | Markets | Economy | Opinion",
            "Policy Brief No. 41 | Technology and Security Program",
            "Example Observer · World · Americas",
        ],
        "The analysis showed a rise.",
    ),
]


def test_every_rule_has_cases() -> None:
    """The Spanish rules' cases are in tests/ingest/test_furniture_es.py."""
    cases = [*CASES, *CASES_ES]
    assert [rule.name for rule in RULES] == [name for name, _, _ in cases]


def test_every_rule_catches_its_own_example() -> None:
    assert [furniture_rule(rule.example) for rule in RULES] == [rule.name for rule in RULES]


@pytest.mark.parametrize(("name", "lines", "sentence"), CASES, ids=[c[0] for c in CASES])
def test_rule_catches_its_lines_and_spares_the_sentence(
    name: str, lines: list[str], sentence: str
) -> None:
    assert [furniture_rule(line) for line in lines] == [name] * len(lines)
    assert furniture_rule(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "By 2030 the plant will run at full capacity.",
        "By contrast, the plan failed.",
        "Russia and China in Latin America: How Cooperation with Venezuela Is Redefining Power",
        "2.1 A legacy of the Chávez years",
        "Key points",
        "The deal was signed in Moscow on April 2, 2009.",
        "Maria Lopez, a reporter at the scene, said it was calm.",
        "OPEC - the producers' group - cut output.",
        "",
    ],
)
def test_ordinary_lines_are_not_furniture(sentence: str) -> None:
    assert furniture_rule(sentence) is None


@pytest.mark.parametrize(
    ("line", "story"),
    [
        ("CARACAS, Venezuela (Reuters) - The government said.", "The government said."),
        ("MOSCOW — Russia said.", "Russia said."),
        ("WASHINGTON (AP) — Talks began.", "Talks began."),
        ("HOUSTON/CARACAS March 31 Venezuela is negotiating.", "Venezuela is negotiating."),
        ("OPEC said on Monday.", "OPEC said on Monday."),
        ("U.S. — talks began.", "U.S. — talks began."),
        ("NATO allies met.", "NATO allies met."),
        ("MOSCOW —", "MOSCOW —"),
    ],
)
def test_a_dateline_opening_a_paragraph_is_measured(line: str, story: str) -> None:
    assert line[dateline_length(line) :] == story


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Keywords: Venezuela, Russia, oil", ["Venezuela", "Russia", "oil"]),
        ("Tags: energy; sanctions.", ["energy", "sanctions"]),
        ("TOPICS: Latin America | China", ["Latin America", "China"]),
        ("Keywords: these matter.", None),
        ("Topics: we start with trade. Then we go on, and on.", None),
        ("Keywords are what readers search for, and tags too.", None),
    ],
)
def test_keyword_lists(line: str, items: list[str] | None) -> None:
    assert keyword_items(line) == items


def test_a_trailer_keywords_line_may_hold_one_item() -> None:
    assert listed_items("Tags: energy.") == ["energy"]
    assert listed_items("Energy.") is None
