"""A realistic synthetic corpus: articles with the seed's structure and English prose.

bench/corpus.py recombines the seed article, so its whole corpus has the seed's ~700 words and
a query matches a large share of the rows: the worst case for search. Here the prose draws its
words from wordfreq's English frequency list (the top `VOCABULARY_SIZE` words, each drawn with
its frequency in the language, so their use follows Zipf's law), and names real countries (the
gazetteer's), people (a first name and a surname) and organisations, with sentences stating
figures ("$4.2 billion in 2019", "12%"). Each article has the seed's structure (a title, an
introduction, numbered sections, some with numbered subsections, a keywords trailer) and
800-1,500 words. Article `i` is a pure function of `i`; the words are nonsense in order but
real in kind and frequency.

    .venv/bin/python -m bench.realistic 3 | head -40    # print article 3
"""

from __future__ import annotations

import functools
import itertools
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass

VOCABULARY_SIZE = 40_000
WORDS = (720, 1320)  # an article's prose in words, drawn uniformly; headings and all: 800-1,500

FIRST_NAMES = (  # noqa: SIM905 (a list of words, read more easily as one string)
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa "
    "Anthony Margaret Mark Sandra Paul Ashley Steven Emily Andrew Donna Joshua Michelle "
    "Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca "
    "Jason Laura Edward Helen Jeffrey Sharon Ryan Cynthia Jacob Kathleen Gary Amy Nicholas "
    "Angela Eric Anna Jonathan Ruth Stephen Brenda Larry Pamela Justin Nicole Scott Katherine "
    "Brandon Samantha Carlos Maria Ahmed Fatima Wei Li Hiroshi Yuki Ivan Olga Pierre Claire "
    "Hans Greta Luis Sofia Raj Priya Kwame Amara Mehmet Ayse Sergei Natalia Diego Lucia Omar "
    "Leila"
).split()
SURNAMES = (  # noqa: SIM905 (a list of words, read more easily as one string)
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter "
    "Roberts Petrov Ivanova Schmidt Weber Dubois Moreau Rossi Bianchi Tanaka Suzuki Chen Wang "
    "Zhang Kumar Sharma Okafor Mensah Yilmaz Kaya Haddad Nasser Silva Santos Kowalski Novak "
    "Larsen Jensen Eriksson Lindqvist Murphy Kelly Byrne Fischer Becker Costa Ferreira "
    "Morales Ortiz"
).split()
ORGANISATION_FORMS = (
    "{country} Ministry of {field}",
    "National Bank of {country}",
    "{surname} {kind}",
    "{country} {field} Agency",
    "{surname} & {surname2} {kind}",
    "Institute for {field} Studies",
    "{country} {field} Council",
)
FIELDS = (  # noqa: SIM905 (a list of words, read more easily as one string)
    "Energy Finance Defense Trade Health Transport Agriculture Education Industry Technology "
    "Mining Water Labour Housing Research Security Development Infrastructure Communications"
).split()
KINDS = (  # noqa: SIM905 (a list of words, read more easily as one string)
    "Holdings Group Capital Partners Industries Corporation Foundation Associates"
).split()
VERBS = (  # noqa: SIM905 (a list of words, read more easily as one string)
    "said signed announced approved rejected reported proposed financed expanded reduced "
    "secured criticised welcomed delayed launched"
).split()
UNITS = ("million", "billion", "thousand")
CURRENCIES = ("$", "€", "£")


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]
    cumulative: tuple[float, ...]  # running sum of the words' frequencies, for random.choices


@functools.cache
def vocabulary(size: int = VOCABULARY_SIZE) -> Vocabulary:
    """The top `size` plain English words of wordfreq (ASCII letters, two or more, or "a")."""
    from wordfreq import top_n_list, word_frequency

    words = tuple(
        w
        for w in top_n_list("en", size + size // 5)
        if w.isascii() and w.isalpha() and (len(w) > 1 or w == "a")
    )[:size]
    cumulative = tuple(itertools.accumulate(word_frequency(w, "en") for w in words))
    return Vocabulary(words, cumulative)


@functools.cache
def countries() -> tuple[tuple[str, ...], ...]:
    """The gazetteer's countries (the unambiguous ones): name, then its other spellings."""
    from app.ingest.countries import builtin_countries

    builtin = builtin_countries()
    return tuple(
        (e.name, *e.aliases)
        for e in builtin.entries
        if e.id not in builtin.ambiguous and " " not in e.name
    )


class _Writer:
    def __init__(self, i: int) -> None:
        self.rng = random.Random(f"realistic-{i}")
        self.vocabulary = vocabulary()
        rng = self.rng
        # Each article is about a few countries, people and organisations, as a real one is.
        self.countries = [c[0] for c in rng.sample(countries(), rng.randint(2, 5))]
        self.people = [
            f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(2, 6))
        ]
        self.organisations = [self._organisation() for _ in range(rng.randint(1, 4))]
        self.words = 0

    def _organisation(self) -> str:
        rng = self.rng
        return rng.choice(ORGANISATION_FORMS).format(
            country=rng.choice(self.countries),
            field=rng.choice(FIELDS),
            surname=rng.choice(SURNAMES),
            surname2=rng.choice(SURNAMES),
            kind=rng.choice(KINDS),
        )

    def prose(self, count: int) -> list[str]:
        v = self.vocabulary
        return self.rng.choices(v.words, cum_weights=v.cumulative, k=count)

    def figure(self) -> str:
        rng = self.rng
        year = rng.randint(1995, 2030)
        match rng.randrange(4):
            case 0:
                amount = f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
                return f"{rng.choice(CURRENCIES)}{amount} {rng.choice(UNITS)} in {year}"
            case 1:
                return f"{rng.randint(1, 95)}%"
            case 2:
                return f"{rng.randint(2, 900):,} {rng.choice(UNITS)} people"
            case _:
                return f"{rng.randint(1, 60)}% since {year}"

    def sentence(self) -> str:
        rng = self.rng
        words = self.prose(rng.randint(6, 22))
        roll = rng.random()
        if roll < 0.25:
            subject = rng.choice(self.people + self.organisations)
            words[:0] = [subject, rng.choice(VERBS), "that"]
        elif roll < 0.45:
            words[:0] = [rng.choice(self.countries), rng.choice(VERBS)]
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words)), f"by {self.figure()}")
        if rng.random() < 0.2:
            words.insert(rng.randint(1, len(words)), f"in {rng.choice(self.countries)}")
        self.words += sum(w.count(" ") + 1 for w in words)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))

    def heading(self) -> str:
        words = self.prose(self.rng.randint(3, 7))
        if self.rng.random() < 0.5:
            words.insert(self.rng.randint(0, len(words)), self.rng.choice(self.countries))
        return " ".join(w[0].upper() + w[1:] for w in words)


def article(i: int) -> tuple[str, str]:
    """(slug, text) of realistic article `i`."""
    writer = _Writer(i)
    rng = writer.rng
    target = rng.randint(*WORDS)
    title = f"{writer.heading()}: {' and '.join(writer.countries[:2])} ({i})"
    lines = [title, "", writer.paragraph(), "", writer.paragraph(), ""]

    def paragraphs(most: int) -> list[str]:
        # At least one, then more while the article is short of its length.
        found = [writer.paragraph(), ""]
        for _ in range(rng.randint(1, most) - 1):
            if writer.words < target:
                found += [writer.paragraph(), ""]
        return found

    number = 0
    while writer.words < target:
        number += 1
        lines += ["", f"{number}. {writer.heading()}", ""]
        subsections = rng.choice((0, 0, 2, 3))
        if not subsections:
            lines += paragraphs(3)
        for sub in range(1, subsections + 1):
            lines += [f"{number}.{sub}. {writer.heading()}", "", *paragraphs(2)]
    keywords = [*writer.countries, *writer.organisations[:2], *writer.prose(4)]
    lines += ["", f"SEO keywords included: {', '.join(keywords)}."]
    return f"realistic-{i:06d}", "\n".join(lines) + "\n"


def articles(count: int, *, start: int = 0) -> Iterator[tuple[str, str]]:
    for i in range(start, start + count):
        yield article(i)


if __name__ == "__main__":
    index = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    print(article(index)[1])
