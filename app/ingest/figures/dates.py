"""Times: dates, closed and open periods, decades; the rules of the first tier.

Times claim their text before amounts do: in "over 2005–2013" the range wins over "over 2005",
and in "Sept. 13" the day is part of a date, never a count of 13.

Choices (documented here because the API contract leaves them open):
- A date with day and month is one `date` figure: "5 October 2023", "Sept. 25, 2017",
  "2023-10-05", "1/28/2019" (month first, as US copy writes it; day first when the first number
  cannot be a month: "28/1/2019"). Without a year ("Sept. 13", "13 September") it is still a
  date, with no period: the text does not say which year.
- A range in parentheses, "(1999–2013)", is quoted without the parentheses.
- "from 2026" with no end after it is an open period, like "since 2026", except after a change
  ("up 38% from 2022": the year the change is measured from). "through 2025" is "until 2025";
  "since late 2022" is "since 2022".
- "after"/"before" a date compare it: "after 5 October 2023" is a date, gt.
- A part of a year is a period of months: "the first half of 2024" is 2024-01..2024-06, "the
  third quarter of 2023" 2023-07..2023-09, "the first nine months of 2024" 2024-01..2024-09,
  "the last three months of 2023" 2023-10..2023-12. Parts that do not fit ("the second nine
  months", "the first 14 months") are none.
"""

from __future__ import annotations

import datetime as dt
import re

from app.ingest.drafts import FigureDraft
from app.ingest.figures.comparators import alternation, comparator
from app.models.vocabulary import Comparator, FigureKind

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}

YEAR = r"(?<!\d)(?:1\d{3}|20\d{2}|21\d{2})(?!\d)"
# Capitalised month names only, so the verbs "may" and "march" never start a date.
MONTH = rf"(?-i:{alternation(MONTHS)})\b\.?"
_DAY = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_DAY}\s+{MONTH},?\s+{YEAR}"
    rf"|{MONTH}\s+(?:{_DAY},?\s+)?{YEAR}"
)
_POINT = rf"(?:{_DATE}|{YEAR})"  # a period's end: "2013", "October 2023", "5 October 2023"

DATES = re.compile(rf"(?:\b(?P<cmp>after|before)\s+)?(?P<date>{_DATE})(?![\w-])", re.I)
# "Sept. 13", "13 September": a day and a month with no year after them; "Sept. 1-29",
# "3-5 March": days of a month, whatever follows.
DAYS = re.compile(
    rf"(?P<date>{MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{MONTH})(?!\s*,?\s*\d)(?![\w-])"
    rf"|(?P<days>{MONTH}\s+{_DAY}\s*[-–]\s*{_DAY}|{_DAY}\s*[-–]\s*{_DAY}\s+(?:of\s+)?{MONTH})"
    r"(?![\w-])",
    re.I,
)
# "1/28/2019", "28/1/2019", "1/28/19".
NUMERIC_DATES = re.compile(
    r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)"
)
CLOSED_PERIOD = re.compile(
    rf"\b(?:between|from)\s+(?P<a>{_POINT})"
    rf"(?:\s+(?:and|to|until|till|through)\s+(?P<b>{_POINT})|\s*[-–—]\s*(?P<b2>{_POINT}|\d{{2}}))"
    r"(?![\w-])",
    re.I,
)
# "between September and December 2024", "from May to July 2023", "June-August 2022": two
# months and the year they share (a first month after the last is the year before's).
MONTH_RANGE = re.compile(
    rf"(?:\b(?:between|from)\s+(?P<a>{MONTH})\s+(?:and|to|until|till|through)\s+"
    rf"|(?<![\w-])(?P<a2>{MONTH})\s*(?:[-–—]|\s(?:to|through)\s)\s*)"
    rf"(?P<b>{MONTH})\s+(?P<y>{YEAR})(?![\w-])",
    re.I,
)
RANGE = re.compile(rf"(?<![\w.,-])(?P<a>{_POINT})\s*[-–—]\s*(?P<b2>{_POINT}|\d{{2}})(?![\w-])")
OPEN_PERIOD = re.compile(
    rf"\b(?:(?P<since>since)|until|till|through|by)\s+(?:(?:early|mid|late)[-\s]+)?"
    rf"(?P<point>{_POINT})(?![\w-])",
    re.I,
)
# "a lease that runs to 2043", "5 percent a year to 2027": "to" after a time that runs on
# (not "to 2023 levels").
OPEN_TO = re.compile(
    rf"(?:(?<=\b(?:runs|year|term) )|(?<=\b(?:years|lasts) )|(?<=\brun )|(?<=\bextended ))"
    rf"to\s+(?P<point>{_POINT})(?![\w-])(?!\s+[a-z]+s\b)",
    re.I,
)
# "from 2026" with no end in sight; "from 2013 to 2005" is no period at all (closed_period).
FROM_PERIOD = re.compile(
    rf"\b(?P<since>from)\s+(?P<point>{_POINT})(?![\w-])"
    r"(?!\s*(?:to|until|till|through|[-–—])\s*\d)",
    re.I,
)
# "the first half of 2024", "the third quarter of 2023", "the first nine months of 2024",
# "the last three months of 2023".
_COUNTS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
PART_OF_YEAR = re.compile(
    r"\b(?:(?:the\s+)?(?P<which>first|second|third|fourth|last|final)\s+"
    rf"(?:(?P<half>half)|(?P<quarter>quarter)|(?P<n>{'|'.join(_COUNTS)}|\d{{1,2}})\s+months)"
    rf"\s+of\s+(?P<year>{YEAR}))(?![\w-])",
    re.I,
)
DECADE = re.compile(r"(?<![\w$])(?P<decade>(?:1\d|20|21)\d0)'?s\b")


def time_figure(
    text: str,
    start: int,
    end: int,
    kind: FigureKind,
    period: tuple[str | None, str | None],
    cmp: Comparator = Comparator.EQ,
) -> FigureDraft:
    return FigureDraft(
        start=start,
        end=end,
        quote=text[start:end],
        kind=kind,
        value=None,
        unit=None,
        comparator=cmp,
        period_start=period[0],
        period_end=period[1],
    )


def date(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = iso_point(m["date"])
    if point is None:
        return None
    return time_figure(
        text, m.start(), m.end(), FigureKind.DATE, (point, point), comparator(m["cmp"])
    )


def day(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    return time_figure(text, m.start(), m.end(), FigureKind.DATE, (None, None))


def numeric_date(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day_ = (a, b) if a <= 12 else (b, a)
    try:
        point = dt.date(year, month, day_).isoformat()
    except ValueError:
        return None
    return time_figure(text, m.start(), m.end(), FigureKind.DATE, (point, point))


def closed_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first = iso_point(m["a"])
    last = iso_point(m.groupdict().get("b") or m["b2"], after=m["a"])
    if first is None or last is None or last < first:
        return None
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, (first, last))


def month_range(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first, last = MONTHS[(m["a"] or m["a2"]).rstrip(".")], MONTHS[m["b"].rstrip(".")]
    year = int(m["y"])
    start_year = year - 1 if first > last else year
    period = (f"{start_year}-{first:02d}", f"{year}-{last:02d}")
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, period)


# "up 38% from 2022", "lower than from 2021": the year a change is measured from, not a start.
_BASELINE = re.compile(r"(?:%|\bper\s?cent|\bpercent|\bup|\bdown|\bhigher|\blower)\s+$", re.I)


def open_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = iso_point(m["point"])
    if point is None:
        return None
    baseline = _BASELINE.search(text, max(0, m.start() - 12), m.start())
    if m.groupdict().get("since") and m["since"].lower() == "from" and baseline:
        return None
    period = (point, None) if m.groupdict().get("since") else (None, point)
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, period)


def part_of_year(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    """ "the first half of 2024": 2024-01..2024-06; "the last three months of 2023": 10..12."""
    year, which = m["year"], m["which"].lower()
    size = 6 if m["half"] else 3 if m["quarter"] else 0
    months = size or int(_COUNTS.get(m["n"].lower(), 0) or m["n"])
    if not 1 <= months <= 11:
        return None
    if which in ("last", "final"):
        first, last = 13 - months, 12
    else:
        index = _ORDINALS[which]
        if size == 0 and index != 1:  # "the second three months of" is no usage
            return None
        first, last = (index - 1) * months + 1, index * months
        if last > 12:
            return None
    return time_figure(
        text, m.start(), m.end(), FigureKind.PERIOD, (f"{year}-{first:02d}", f"{year}-{last:02d}")
    )


def decade(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first = int(m["decade"])
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, (str(first), str(first + 9)))


def is_year(digits: str) -> bool:
    return digits.isdigit() and 1000 <= int(digits) <= 2199


def iso_point(point: str, after: str | None = None) -> str | None:
    """ "2013" -> "2013", "October 2023" -> "2023-10", "5 Oct. 2023" -> "2023-10-05".

    With `after`, a two-digit point ends a range: "2012–13" -> "2013". None when invalid.
    """
    if len(point) == 2:
        if after is None or not after.isdigit():
            return None
        first = int(after)
        last = first // 100 * 100 + int(point)
        return str(last if last > first else last + 100)
    if is_year(point):
        return point
    month = re.search(r"[A-Z][a-z]+", point)
    if month is None:  # 2023-10-05
        try:
            return dt.date.fromisoformat(point).isoformat()
        except ValueError:
            return None
    four_digits = re.search(r"\d{4}", point)
    year = four_digits[0] if four_digits else ""
    day_ = re.search(r"(?<!\d)\d{1,2}(?!\d)", point.replace(year, ""))
    if day_ is None:
        return f"{year}-{MONTHS[month[0]]:02d}"
    try:
        return dt.date(int(year), MONTHS[month[0]], int(day_[0])).isoformat()
    except ValueError:  # "31 February 2023"
        return None
