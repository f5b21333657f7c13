"""The figure rules by family: changes, comparator verbs, currencies, units, exact values,
negative values, and the numbers that are no quantity."""

from __future__ import annotations

import pytest

from app.ingest.figures import extract_figures
from app.models.vocabulary import Change, Comparator, FigureKind


def quotes(sentence: str) -> list[str]:
    return [f.quote for f in extract_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "quote", "change"),
    [
        ("Exports rose 5% last year.", "5%", Change.RISE),
        ("Reserves fell by $2 billion.", "$2 billion", Change.FALL),
        ("Output was up 3% on the year.", "3%", Change.RISE),
        ("Sales were down 2 percent.", "2 percent", Change.FALL),
        ("Imports increased to 7%.", "7%", Change.RISE),
        ("Prices declined 4%.", "4%", Change.FALL),
        ("The economy grew 1.5%.", "1.5%", Change.RISE),
        ("It reported a 5% increase.", "5%", Change.RISE),
        ("They set up 500 stations.", "500 stations", None),
        ("Oslo raised defence spending by 18%.", "18%", Change.RISE),
        (
            "The bank cut its forecast by 0.5 percentage points.",
            "0.5 percentage points",
            Change.FALL,
        ),
        (
            "The budget is 6.81 trillion rupees, up 9.5% on the year.",
            "6.81 trillion rupees",
            Change.RISE,
        ),
        ("Exports reached 22.7 bcm, up from 15.4 bcm.", "15.4 bcm", Change.RISE),
        ("Imports grew moderately by 4.5 percent.", "4.5 percent", Change.RISE),
        ("Exports rose 6.6 per cent to $174.7 billion.", "$174.7 billion", Change.RISE),
        ("It plans to spend $5 billion.", "$5 billion", None),
        ("It holds 40% of the market.", "40%", None),
        # More verbs of moving, and adverbs between the verb and the amount.
        ("Copper slipped 2.4% in London.", "2.4%", Change.FALL),
        ("The rand weakened 1.1% against the euro.", "1.1%", Change.FALL),
        ("Wheat futures plummeted by 9% overnight.", "9%", Change.FALL),
        ("Freight rates skyrocketed 140% in a month.", "140%", Change.RISE),
        ("Tourist arrivals rebounded 18% this spring.", "18%", Change.RISE),
        ("The peso strengthened by 3% in May.", "3%", Change.RISE),
        ("Inflation eased to 3.1% in June.", "3.1%", Change.FALL),
        ("Bond yields rose sharply by 40 basis points.", "40 basis points", Change.RISE),
        # Verbs that move only what comes right after them.
        ("The miner's shares lost 17% on the day.", "17%", Change.FALL),
        ("The carrier shed 1,200 jobs.", "1,200 jobs", Change.FALL),
        ("The Nikkei added 0.9% in early trade.", "0.9%", Change.RISE),
        ("The ferry line added 4 vessels to the route.", "4 vessels", None),
        ("The carrier lost the contract to 3 rivals.", "3 rivals", None),
        # A market that closes, ends or trades up or down; a company that closes plants.
        ("The Kospi closed down 1.7% on Friday.", "1.7%", Change.FALL),
        ("The index ended up 0.4% for the week.", "0.4%", Change.RISE),
        ("The group closed down 6 factories.", "6 factories", None),
        ("Shares remained down 2.2% at midday.", "2.2%", Change.FALL),
        ("Jobless claims edged up 1.5% last week.", "1.5%", Change.RISE),
        ("Unemployment ticked up to 5.2% in March.", "5.2%", Change.RISE),
        ("Participation ticked down 0.1 points to 62.5%.", "62.5%", Change.FALL),
        ("The rand fell back to a three-month low of 19.2 per dollar.", "19.2", Change.FALL),
        ("The navy shot down two drones.", "two drones", None),
        # Nouns of a change before the amount.
        ("Coffee exporters reported a slump of 14% in shipments.", "14%", Change.FALL),
        ("It reported a jump in profit of 31%.", "31%", Change.RISE),
        ("Analysts forecast a 7% contraction next year.", "7%", Change.FALL),
        ("Power cuts of up to 10 hours a day hit the city.", "up to 10 hours", None),
        # A growth rate; what something costs someone.
        ("Growth is forecast at 3.2% next year.", "3.2%", Change.RISE),
        ("Exports grew at an annual rate of 6%.", "6%", Change.RISE),
        ("The strike could cost the carmaker 4% of its output.", "4%", Change.FALL),
        ("The bridge will cost $2 billion.", "$2 billion", None),
        # The level reached and the level left, further from their verb.
        ("The bank lifted its stake in the insurer to 26%.", "26%", Change.RISE),
        ("The regulator began cutting the levy in April from 8.5%.", "8.5%", Change.FALL),
        ("Tin fell to $24,000 in May, from $31,000 in January.", "$31,000", Change.FALL),
        ("Crude rose 40 cents to settle at $77.10 a barrel.", "$77.10", Change.RISE),
        ("Prices climbed from $200 a tonne in 2021 to a peak of $900.", "$900", Change.RISE),
        (
            "Nickel fell from a high of $48,000 in March to about $21,000.",
            "about $21,000",
            Change.FALL,
        ),
        ("The city slashed the fare from $2.50 to $1.75.", "$2.50", Change.FALL),
        # "by" with an article and a word before the amount.
        (
            "The board raised the levy by a hefty 0.6 percentage points.",
            "0.6 percentage points",
            Change.RISE,
        ),
        # One move of two things, written once; not a share that follows.
        ("Tolls are up 41% and 18%, respectively, from 2019.", "18%", Change.RISE),
        ("Fares rose 2% to $610 and $1,450 a seat.", "$1,450", Change.RISE),
        ("Sales fell 6% and 30% of the shops shut.", "30%", None),
        # A level followed by its move, with a time or a phrase between.
        (
            "Wine exports reached 3.1 million litres in 2022, up 12% from 2021.",
            "3.1 million litres",
            Change.RISE,
        ),
        (
            "The port handled 640,000 containers last year, down from 700,000.",
            "640,000 containers",
            Change.FALL,
        ),
        ("The plant employs 2,400 people, and output was up 5% in May.", "2,400 people", None),
        ("It set aside a three-month reserve, up 3% on the year.", "three-month", None),
        # The same move restated, or the level reached after the level left.
        ("Gold rose $21, or 1.1%, to $1,930.", "1.1%", Change.RISE),
        ("Stocks grew by 5 million barrels (1.4%) last week.", "1.4%", Change.RISE),
        ("Sales fell from 9,000 cars in 2019 to 6,500 cars in 2023.", "6,500 cars", Change.FALL),
        # A verb of change does not reach past a clause break.
        ("Rice fell 3% in June, and traded 2% above its floor at $410.", "$410", None),
        # "to" of another verb; "up" and "down" of a way through a place.
        ("It will cut tariffs that amount to 4% of imports.", "4%", None),
        ("The tariffs were cut to 4% of imports.", "4%", Change.FALL),
        ("Silt has moved 12 kilometres up the valley.", "12 kilometres", None),
        ("The ferry sailed 30 miles down a channel.", "30 miles", None),
        ("Freight rates were 12% up on the year.", "12%", Change.RISE),
        # Costs that move are no cost to someone; what a strike costs a firm is its loss.
        ("Building costs rose to $2 billion.", "$2 billion", Change.RISE),
        ("Costs of fuel escalated 6% last year.", "6%", Change.RISE),
        ("The strike cost the firm $3 million.", "$3 million", Change.FALL),
    ],
)
def test_the_direction_of_a_change(sentence: str, quote: str, change: Change | None) -> None:
    figure = next(f for f in extract_figures(sentence) if f.quote == quote)
    assert figure.change == change


@pytest.mark.parametrize(
    ("sentence", "comparator"),
    [
        ("Exports exceeded $30 billion.", Comparator.GT),
        ("Debt surpassed $30 billion.", Comparator.GT),
        ("Sales topped $30 billion.", Comparator.GT),
        ("Aid stayed below $30 billion.", Comparator.LT),
        ("Aid stayed under $30 billion.", Comparator.LT),
        ("Aid reached almost $30 billion.", Comparator.APPROX),
        ("Aid reached up to $30 billion.", Comparator.LTE),
        ("Aid reached at least $30 billion.", Comparator.GTE),
        ("Aid reached $30 billion or more.", Comparator.GTE),
        ("Aid reached $30 billion or less.", Comparator.LTE),
        ("Aid reached less than or equal to $30 billion.", Comparator.LTE),
        ("Aid reached near $30 billion.", Comparator.APPROX),
        ("Aid stayed within $30 billion.", Comparator.LTE),
        ("Duties are capped at $30 billion.", Comparator.LTE),
        ("The fee can reach $30 billion.", Comparator.LTE),
        ("The fee will reach $30 billion.", Comparator.EQ),
        ("It capped fees for smelters at $30 billion.", Comparator.LTE),
    ],
)
def test_comparator_words_and_verbs(sentence: str, comparator: Comparator) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.value, figure.unit, figure.comparator) == (30e9, "USD", comparator)


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "unit"),
    [
        ("It raised HK$5 billion.", "HK$5 billion", 5e9, "HKD"),
        ("It raised S$3 million.", "S$3 million", 3e6, "SGD"),
        ("It raised A$2 million.", "A$2 million", 2e6, "AUD"),
        ("It raised C$2 million.", "C$2 million", 2e6, "CAD"),
        ("It raised R$2 million.", "R$2 million", 2e6, "BRL"),
        ("It raised RM 500 million.", "RM 500 million", 5e8, "MYR"),
        ("It raised $US4 million.", "$US4 million", 4e6, "USD"),
        ("It raised $us 45 million.", "$us 45 million", 45e6, "USD"),
        ("It raised US$4 million.", "US$4 million", 4e6, "USD"),
        ("It raised ₹100 crore.", "₹100 crore", 1e9, "INR"),  # a crore is 10 million
        ("It raised 40 million Swiss francs.", "40 million Swiss francs", 4e7, "CHF"),
        ("It raised 3 billion Hong Kong dollars.", "3 billion Hong Kong dollars", 3e9, "HKD"),
        ("It raised 9 billion NOK.", "9 billion NOK", 9e9, "NOK"),
        ("It set aside 480 billion rupee.", "480 billion rupee", 480e9, "INR"),
        ("It raised a $4-billion loan.", "$4-billion", 4e9, "USD"),
        ("It costs 10 € a month.", "10 €", 10.0, "EUR"),
        ("It costs 10 usd a month.", "10 usd", 10.0, "USD"),
        ("Shares fell 34 cents.", "34 cents", 0.34, "USD"),
        ("Shares closed at 470 pence.", "470 pence", 4.7, "GBP"),
        ("It cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
    ],
)
def test_currencies(sentence: str, quote: str, value: float, unit: str) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.quote, figure.kind, figure.value, figure.unit) == (
        quote,
        FigureKind.MONEY,
        value,
        unit,
    )


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Reserves of 195 Tcf remain.", 195e12, "ft**3"),
        ("Exports of 150 bcm a year are planned.", 150e9, "m**3/a"),
        ("It drove at 60 mph.", 60.0, "mi/h"),
        ("It flew at 900 km/h.", 900.0, "km/h"),
        ("A 2 GW plant opened.", 2.0, "GW"),
        ("It stores 5 TB of data.", 5.0, "TB"),
        ("Temperatures hit 45 °C.", 45.0, "°C"),
        ("It carried 300 litres.", 300.0, "l"),
        ("It weighs 12 kg.", 12.0, "kg"),
        ("Output reached 2 million barrels a day.", 2e6, "oil_bbl/d"),
        ("Trade grew three times.", 3.0, "times"),
        ("It turned 90 degrees.", 90.0, "deg"),
        ("A dose of 150 micrograms.", 150.0, "µg"),
        ("Chips of 16 nm are made.", 16.0, "nm"),
    ],
)
def test_units_take_one_canonical_code(sentence: str, value: float, unit: str) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.kind, figure.value, figure.unit) == (FigureKind.MEASURE, value, unit)


def test_a_count_keeps_its_noun_in_measure() -> None:
    [figure] = extract_figures("It sent 500 soldiers.")
    assert (figure.kind, figure.value, figure.unit, figure.measure) == (
        FigureKind.COUNT,
        500.0,
        None,
        "soldiers",
    )


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It cost $1 million.", 1000000.0),
        ("It cost $1.3 million.", 1300000.0),
        ("It cost $0.1 billion.", 100000000.0),
        ("It cost $2.675 trillion.", 2675000000000.0),
        ("Growth was -1.3% in May.", -1.3),
        ("It took 10 1/2 miles of cable.", 10.5),
        ("It is a 1/4 mile track.", 0.25),
    ],
)
def test_values_are_exact(sentence: str, value: float) -> None:
    assert extract_figures(sentence)[0].value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Executive Order 13884 froze the assets.",
        "Executive Order 13884, signed that day, froze the assets.",
        "The Project 636 submarines arrived.",
        "The Junín 6 block was assigned.",
        "The S&P 500 closed higher.",
        "Section 427 applies.",
        "A Boeing 737 landed.",
        "The carrier charged more per 40-foot container.",
        "Each forty-foot equivalent unit cost more this year.",
        "The yard stacks 20ft high-cube boxes.",
        "The G20 met.",
        "COVID-19 spread.",
        "It started at 5:25 a.m. and at 10:30.",
        "The match ended 2-2.",
        "The report is at www.example.org/2024/03/budget-500.",
        "Search https://example.org/find?q=30%25%2020% for it.",
    ],
)
def test_names_times_and_scores_are_no_figures(sentence: str) -> None:
    assert quotes(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Demand doubled (Lee and Park, 2019, p. 4).", ["doubled"]),
        ("Costs rose 5% (Example Institute, 2022; Ruiz et al., 2020).", ["5%"]),
        ("Costs rose 5% (see Ortega, 2018) in the region.", ["5%"]),
        # A month or a word that opens an amount is no author: the year stays.
        ("Costs rose 5% (March, 2020).", ["5%", "2020"]),
        ("Costs rose 5% (in 2020).", ["5%", "2020"]),
    ],
)
def test_the_year_of_an_author_year_citation_is_no_figure(
    sentence: str, expected: list[str]
) -> None:
    assert quotes(sentence) == expected


def test_a_month_and_day_without_a_year_is_no_figure_and_its_day_no_count() -> None:
    assert extract_figures("It was signed on Sept. 13 in Caracas.") == []
    # Nor are days of a month: "Oct. 2-27", "4-6 June".
    assert quotes("Flows averaged 3.1 million bpd over Oct. 2-27.") == ["3.1 million bpd"]
    assert quotes("The fair runs 4-6 June, 2025 in Quito.") == ["2025"]


@pytest.mark.parametrize(
    ("sentence", "quote", "period"),
    [
        ("It was signed on 1/28/2019 in Caracas.", "1/28/2019", ("2019-01-28", "2019-01-28")),
        ("It was signed Sept. 25, 2017 in Caracas.", "Sept. 25, 2017", ("2017-09-25",) * 2),
    ],
)
def test_the_day_of_a_date_is_part_of_one_date(
    sentence: str, quote: str, period: tuple[str | None, str | None]
) -> None:
    [figure] = extract_figures(sentence)
    assert (figure.quote, figure.kind, figure.period_start, figure.period_end) == (
        quote,
        FigureKind.DATE,
        *period,
    )


def test_a_heading_number_is_no_figure() -> None:
    assert quotes("## 1. Oil for loans") == []


def test_each_amount_takes_the_period_of_its_own_clause() -> None:
    sentence = "Since 2015 China lent $6.5 billion, and in December 2016 Rosneft paid $1.5 billion."
    periods = {
        f.quote: (f.period_start, f.period_end)
        for f in extract_figures(sentence)
        if f.kind is FigureKind.MONEY
    }
    assert periods == {"$6.5 billion": ("2015", None), "$1.5 billion": ("2016-12", "2016-12")}


def test_another_clause_lends_no_period() -> None:
    later = extract_figures("The fleet numbers 24 aircraft, and the summit is due in 2025.")
    earlier = extract_figures("In 2019, exports fell 5%, and imports rose 3%.")
    assert [(f.quote, f.period_start) for f in later] == [("24 aircraft", None), ("2025", "2025")]
    assert [(f.quote, f.period_start, f.change) for f in earlier] == [
        ("2019", "2019", None),
        ("5%", "2019", Change.FALL),
        ("3%", None, Change.RISE),
    ]


@pytest.mark.parametrize(
    ("sentence", "quote", "period"),
    [
        # An aside keeps its time to itself: amounts before it and after it take none.
        ("The handset, launched in March 2022, uses a 5-nanometre chip.", "5-nanometre", None),
        (
            "The refinery, which opened in 2019, processes 200,000 barrels a day.",
            "200,000 barrels a day",
            None,
        ),
        ("The navy flies 40 jets, bought in 2015 for $2.1 billion.", "40 jets", None),
        (
            "The navy flies 40 jets, bought in 2015 for $2.1 billion.",
            "$2.1 billion",
            ("2015", "2015"),
        ),
        # ... unless what follows shows it was the sentence's own verb.
        (
            "The cartel, led by Riyadh, agreed in June 2021 to cut 2 million barrels a day, "
            "about 2% of supply.",
            "about 2%",
            ("2021-06", "2021-06"),
        ),
        # A restrictive clause dates the amount it follows, not what comes after it.
        (
            "There were 2,000 soldiers who served in the mission until March 2020, "
            "many at a $50 million base.",
            "2,000 soldiers",
            (None, "2020-03"),
        ),
        (
            "There were 2,000 soldiers who served in the mission until March 2020, "
            "many at a $50 million base.",
            "$50 million",
            None,
        ),
        # A record's baseline and the time of what an amount is compared with are not its own.
        ("Exports fell to $3.1 billion last year, the lowest since 2009.", "$3.1 billion", None),
        (
            "Sales reached $8 billion in 2023, compared with $6 billion in 2022.",
            "$8 billion",
            ("2023", "2023"),
        ),
        (
            "Sales reached $8 billion in 2023, compared with $6 billion in 2022.",
            "$6 billion",
            ("2022", "2022"),
        ),
        ("Tin sold 9,000 tonnes compared with 7,000 tonnes in 2022.", "9,000 tonnes", None),
        # A second predicate has its own time.
        ("Prices fell 4% in 2023 and are now 12% below their peak.", "12%", None),
        # "for" a year dates what it follows, as "in" does.
        ("The utility posted a loss of $900 million for 2022.", "$900 million", ("2022", "2022")),
        # A time that names a thing ("the May 2023 rules") dates nothing.
        (
            "The firm lost an estimated $2 billion in sales after the May 2023 update to rules.",
            "an estimated $2 billion",
            None,
        ),
        # A participle without commas dates the amount nearest before it only.
        (
            "The backlog stands at about $9 billion, including 40 tanks ordered in 2021.",
            "40 tanks",
            ("2021", "2021"),
        ),
        (
            "The backlog stands at about $9 billion, including 40 tanks ordered in 2021.",
            "about $9 billion",
            None,
        ),
        # A participle or a purpose after the time describes what follows it.
        (
            "The group opened a mill in June 2024 designed for 30,000 tonnes a year.",
            "30,000 tonnes a year",
            None,
        ),
        (
            "It signed a deal in May 2023 to build a smelter with a capacity of 90 tonnes a day.",
            "90 tonnes a day",
            None,
        ),
        # The first end of "from ... to ..." does not take the second end's time.
        (
            "Freight rose from $1,100 per box in May to a peak of $4,200 on Jan. 9, 2024.",
            "$1,100",
            None,
        ),
        (
            "Sales fell from about 120 bcm in 2018 to less than 40 bcm in 2022.",
            "less than 40 bcm",
            ("2022", "2022"),
        ),
        # A second predicate after "and" and a verb of intent.
        (
            "The fund manages over $700 billion and aims to reach $1 trillion by 2030.",
            "over $700 billion",
            None,
        ),
        # What an amount is compared with; the things a definite count names; a measure that
        # describes a thing.
        ("Profit in 2023 was three times the figure for 2020.", "three times", ("2023", "2023")),
        ("The three governments signed the pact in September 2023.", "three governments", None),
        ("A firm finished a 1,500-kilometre gas pipeline in 2022.", "1,500-kilometre", None),
        # The level left has its own time.
        (
            "Zinc traded near $2,100 on Monday, down from a peak of $2,900 in May 2022.",
            "near $2,100",
            None,
        ),
        # So has what an amount is compared with, named with its time after the amount.
        (
            "The rate slipped 3% to $2,210 a box, a 75% drop from the peak of $9,800 in May 2022.",
            "75%",
            None,
        ),
        (
            "The rate slipped 3% to $2,210 a box, a 75% drop from the peak of $9,800 in May 2022.",
            "$9,800",
            ("2022-05", "2022-05"),
        ),
        (
            "That is still 48% higher than the average of $1,310 in 2018.",
            "48%",
            None,
        ),
        ("Sales rose 6% to more than $4 billion in 2023.", "6%", ("2023", "2023")),
    ],
)
def test_a_period_stays_in_its_phrase(
    sentence: str, quote: str, period: tuple[str | None, str | None] | None
) -> None:
    figure = next(f for f in extract_figures(sentence) if f.quote == quote)
    assert (figure.period_start, figure.period_end) == (period or (None, None))


@pytest.mark.parametrize(
    ("sentence", "quote", "period"),
    [
        (
            "Output in the first half of 2024 was low.",
            "the first half of 2024",
            ("2024-01", "2024-06"),
        ),
        (
            "The second half of 2025 looks better.",
            "The second half of 2025",
            ("2025-07", "2025-12"),
        ),
        (
            "Profit rose in the third quarter of 2023.",
            "the third quarter of 2023",
            ("2023-07", "2023-09"),
        ),
        (
            "Sales fell in the first nine months of 2024.",
            "the first nine months of 2024",
            ("2024-01", "2024-09"),
        ),
        (
            "Sales fell in the last three months of 2023.",
            "the last three months of 2023",
            ("2023-10", "2023-12"),
        ),
        ("Tariffs rose 3% in the final quarter of 2022.", "3%", ("2022-10", "2022-12")),
    ],
)
def test_part_of_a_year_is_a_period(sentence: str, quote: str, period: tuple[str, str]) -> None:
    figure = next(f for f in extract_figures(sentence) if f.quote == quote)
    assert (figure.period_start, figure.period_end) == period


def test_parts_that_do_not_fit_a_year_are_no_period() -> None:
    assert quotes("It rose in the second nine months of 2024.") == ["nine months", "2024"]
    assert quotes("Only the first 14 months of 2024 count.") == ["14 months", "2024"]


def test_a_bare_level_left_takes_the_unit_of_the_level_reached() -> None:
    figures = extract_figures("The board raised the levy from 4.5 to 6.25 percent.")
    assert [(f.quote, f.value, f.unit, f.change) for f in figures] == [
        ("4.5", 4.5, "percent", Change.RISE),
        ("6.25 percent", 6.25, "percent", Change.RISE),
    ]
    # No verb of change: a range; a scale to share: a range too.
    assert [(f.quote, f.value_max) for f in extract_figures("Bids ran from 4 to 6 percent.")] == [
        ("from 4 to 6 percent", 6.0)
    ]
    figures = extract_figures("Output rose from 3 to 4 million tonnes.")
    assert [(f.quote, f.value, f.value_max) for f in figures] == [
        ("from 3 to 4 million tonnes", 3e6, 4e6)
    ]


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    figures = extract_figures("The lender lifted its rate by 75 basis points, then by 20 bp.")
    assert [(f.quote, f.value, f.unit, f.change) for f in figures] == [
        ("75 basis points", 0.75, "percentage point", Change.RISE),
        ("20 bp", 0.2, "percentage point", Change.RISE),
    ]


def test_half_a_percentage_point_is_no_half() -> None:
    figures = extract_figures("The bank cut its forecast by half a percentage point to 2.5%.")
    assert [(f.quote, f.value, f.unit) for f in figures] == [
        ("half a percentage point", 0.5, "percentage point"),
        ("2.5%", 2.5, "percent"),
    ]
    figures = extract_figures("The board lifted the rate by a quarter of a percentage point.")
    assert [(f.quote, f.value, f.unit, f.change) for f in figures] == [
        ("a quarter of a percentage point", 0.25, "percentage point", Change.RISE),
    ]
    figures = extract_figures("The gauge gave up three quarters of a point.")
    assert [(f.quote, f.value, f.unit) for f in figures] == [
        ("three quarters of a point", 0.75, "point"),
    ]


@pytest.mark.parametrize(
    ("sentence", "quote", "period"),
    [
        ("Deaths rose 38% from 2022.", "2022", ("2022", "2022")),  # a baseline, not a start
        ("Output stays flat through 2025.", "through 2025", (None, "2025")),
        ("Prices have fallen since late 2022.", "since late 2022", ("2022", None)),
        ("Duties apply from 2026.", "from 2026", ("2026", None)),
    ],
)
def test_open_periods_and_baselines(
    sentence: str, quote: str, period: tuple[str | None, str | None]
) -> None:
    figure = next(f for f in extract_figures(sentence) if f.quote == quote)
    assert (figure.period_start, figure.period_end) == period


def test_a_year_after_in_late_dates_its_clause() -> None:
    figures = extract_figures("In late 2004, Caracas signed a $54 million contract.")
    assert [(f.quote, f.period_start, f.period_end) for f in figures] == [
        ("2004", "2004", "2004"),
        ("$54 million", "2004", "2004"),
    ]
