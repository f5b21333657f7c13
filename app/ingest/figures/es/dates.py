"""Spanish times: dates, periods and parts of a year; the rules of the first tier.

The same figures as the English module (`figures/dates.py`), written the Spanish way:
"26 de noviembre de 2018", "el 3 de marzo", "octubre de 2018", "26-11-18", "desde 2006",
"entre 2005 y 2013", "de 2019 a 2024", "hasta 2030", "para 2030", "la década de 1990",
"el primer semestre de 2024". Month names are lower case in Spanish, and are read in any case.

Choices:
- Numeric dates are day first ("26-11-18" is 2018-11-26, "3/4/2019" 3 April 2019), as Spanish
  writes them; a two-digit year is 20xx below 50, 19xx from 50.
- A day and a month with no year ("el 3 de marzo", "26 nov") hold their place, so the day is
  never a count; the engine then drops them, as they say no date.
- "desde"/"a partir de" open a period; "hasta", "para" and "hacia" close one; "antes de" and
  "después de" a year are the year, lt and gt (as "before"/"after" are in English). "en 2018"
  is the year 2018 (its period lends itself to its clause).
- "de X a Y" is a period only between two years or dates; "entre X y Y" too.
"""

from __future__ import annotations

import datetime as dt
import re

from app.ingest.drafts import FigureDraft
from app.ingest.figures.dates import is_year, time_figure
from app.ingest.figures.es.words import accented, fold
from app.models.vocabulary import FigureKind

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sept", "sep", "set"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
_NAMES: tuple[str, ...] = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto")
_NAMES += ("septiembre", "setiembre", "octubre", "noviembre", "diciembre")
_FULL = "|".join(sorted(_NAMES, key=len, reverse=True))
_ABBR = "|".join(sorted((m for m in MONTHS if m not in _NAMES), key=len, reverse=True))
MONTH = rf"(?:{_FULL})\b|(?:{_ABBR})(?:\.|\b)"
YEAR = r"(?<!\d)(?:1\d{3}|20\d{2}|21\d{2})(?!\d)"
_DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9]|1º|1°|1ro)(?!\d)"
_DATE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_DAY}\s+(?:de\s+)?(?:{MONTH})\s*(?:,|de|del)?\s*{YEAR}"
    rf"|(?:{_FULL})\s+(?:de\s+|del\s+)?{YEAR}"
)
_POINT = rf"(?:{_DATE}|{YEAR})"
_EDGE = r"(?:(?:principios|comienzos|inicios|mediados|finales|fines)\s+(?:de|del)\s+)?"

DATES = re.compile(rf"(?P<date>{_DATE})(?![\w-])", re.I)
DAYS = re.compile(
    rf"(?P<date>{_DAY}\s+(?:de\s+)?(?:{MONTH}))(?!\s*(?:de|del)?\s*\d)(?![\w-])", re.I
)
NUMERIC_DATES = re.compile(
    r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/.-]|\.\d)"
)
CLOSED_PERIOD = re.compile(
    rf"\b(?:entre\s+(?P<a>{_POINT})\s+y\s+(?P<b>{_POINT})"
    rf"|(?:de|desde)\s+(?P<a2>{_POINT})\s+(?:a|al|hasta)\s+(?P<b2>{_POINT}))(?![\w-])",
    re.I,
)
RANGE = re.compile(rf"(?<![\w.,-])(?P<a>{_POINT})\s*[-–—]\s*(?P<b>{_POINT}|\d{{2}})(?![\w-])", re.I)
OPEN_PERIOD = re.compile(
    rf"\b(?:(?P<since>desde|a\s+partir\s+de)|hasta|para|hacia)\s+{_EDGE}"
    rf"(?:(?:el|la)\s+)?(?P<point>{_POINT})(?![\w-])(?!\s*(?:a|al|hasta|y)\s+\d)",
    re.I,
)
DECADE = re.compile(r"\b(?:la\s+)?d[eé]cada\s+de(?:\s+los)?\s+(?P<decade>(?:1\d|20)\d0)\b", re.I)
_PARTS = {"semestre": 6, "trimestre": 3}
_ORDINALS = {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4}
PART_OF_YEAR = re.compile(
    rf"\b(?:el\s+)?(?P<which>{accented('ultimo')}|primer|primero|segundo|tercer|tercero|cuarto)"
    rf"\s+(?P<part>semestre|trimestre)\s+(?:de|del)\s+(?P<year>{YEAR})(?![\w-])",
    re.I,
)


def iso_point(point: str, after: str | None = None) -> str | None:
    """ "2013" -> "2013", "octubre de 2018" -> "2018-10", "26 de noviembre de 2018" ->
    "2018-11-26"; a two-digit end of a range reads after its start ("2012-13" -> "2013")."""
    if len(point) == 2:
        if after is None or not after.isdigit():
            return None
        first = int(after)
        last = first // 100 * 100 + int(point)
        return str(last if last > first else last + 100)
    if is_year(point):
        return point
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", point):
        try:
            return dt.date.fromisoformat(point).isoformat()
        except ValueError:
            return None
    month = next((MONTHS[w] for w in re.findall(r"[^\W\d_]+", fold(point)) if w in MONTHS), None)
    year = re.search(r"\d{4}", point)
    if month is None or year is None:
        return None
    day = re.match(r"\s*(\d{1,2})", point)
    if day is None:
        return f"{year[0]}-{month:02d}"
    try:
        return dt.date(int(year[0]), month, int(day[1])).isoformat()
    except ValueError:
        return None


def date(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = iso_point(m["date"])
    if point is None:
        return None
    return time_figure(text, m.start(), m.end(), FigureKind.DATE, (point, point))


def day(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    return time_figure(text, m.start(), m.end(), FigureKind.DATE, (None, None))


def numeric_date(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    year = int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        point = dt.date(year, int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None
    return time_figure(text, m.start(), m.end(), FigureKind.DATE, (point, point))


def closed_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    a = m["a"] or m.groupdict().get("a2")
    b = m["b"] or m.groupdict().get("b2")
    if a is None or b is None:
        return None
    first, last = iso_point(a), iso_point(b, after=a)
    if first is None or last is None or last < first:
        return None
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, (first, last))


def open_period(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    point = iso_point(m["point"])
    if point is None:
        return None
    period = (point, None) if m["since"] else (None, point)
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, period)


def decade(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    first = int(m["decade"])
    return time_figure(text, m.start(), m.end(), FigureKind.PERIOD, (str(first), str(first + 9)))


def part_of_year(text: str, m: re.Match[str], end: int) -> FigureDraft | None:
    """ "el primer semestre de 2024": 2024-01..2024-06; "el último trimestre de 2023": 10..12."""
    size = _PARTS[m["part"].lower()]
    which = fold(m["which"])
    index = 12 // size if which == "ultimo" else _ORDINALS[which]
    if index * size > 12:
        return None
    first, last = (index - 1) * size + 1, index * size
    year = m["year"]
    return time_figure(
        text, m.start(), m.end(), FigureKind.PERIOD, (f"{year}-{first:02d}", f"{year}-{last:02d}")
    )
