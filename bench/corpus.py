"""A synthetic corpus: any number of distinct articles made from the seed article.

Each article has the seed's structure (a title, an introduction, numbered sections with
numbered subsections, a keywords trailer) and its vocabulary: a shuffled selection of the
seed's sections, renumbered, their paragraphs recombined (sentences reordered, paragraphs
borrowed from other sections), the countries the seed is about swapped for others of the
gazetteer (with their capitals and demonyms), and every number varied. Article `i` is a pure
function of `i`, so a corpus is the same on every run, and no two articles are the same text.

    .venv/bin/python -m bench.corpus 3 | head -40    # print article 3
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SEED_ARTICLE = Path(__file__).resolve().parents[1] / "seed" / "russia-china-venezuela.txt"
_HEADING = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)\.\s+(\S.*)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")

# Name, capital, demonym: swapped together, so the text stays consistent.
GREAT_POWERS = [("Russia", "Moscow", "Russian"), ("China", "Beijing", "Chinese")]
PARTNERS = [
    ("Venezuela", "Caracas", "Venezuelan"),
    ("Cuba", "Havana", "Cuban"),
    ("Nicaragua", "Managua", "Nicaraguan"),
    ("Bolivia", "La Paz", "Bolivian"),
]
TOPICS = [
    "How Cooperation Is Redefining Global Power Dynamics",
    "Energy, Credit and the Contest for Influence",
    "Defense Ties and the Limits of Containment",
    "Infrastructure, Technology and Strategic Depth",
    "Sanctions, Alliances and a Multipolar Century",
]


@dataclass
class Part:
    """A section of the seed: its heading title, paragraphs, and subsections."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)


@dataclass(frozen=True)
class SeedShape:
    intro: list[str]
    sections: list[Part]
    trailer: list[str]  # the keywords line and what follows


def read_shape(text: str) -> SeedShape:
    blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]
    intro: list[str] = []
    sections: list[Part] = []
    trailer: list[str] = []
    current: Part | None = None
    for block in blocks[1:]:  # the first block is the title
        heading = _HEADING.fullmatch(block.strip())
        if block.startswith("SEO keywords") or trailer:
            trailer.append(block)
        elif heading and "." not in heading.group(1):
            current = Part(heading.group(2))
            sections.append(current)
        elif heading:
            current = Part(heading.group(2))
            sections[-1].children.append(current)
        elif current is None:
            intro.append(block)
        else:
            current.paragraphs.append(block)
    return SeedShape(intro, sections, trailer)


def _swap_names(rng: random.Random) -> tuple[re.Pattern[str], dict[str, str]]:
    powers = GREAT_POWERS[:]
    rng.shuffle(powers)
    partners = PARTNERS[:]
    rng.shuffle(partners)
    mapping: dict[str, str] = {}
    for old, new in [
        *zip(GREAT_POWERS, powers, strict=True),
        *zip(PARTNERS, partners, strict=True),
    ]:
        mapping.update(zip(old, new, strict=True))
    names = sorted(mapping, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b"), mapping


def _vary_number(match: re.Match[str], rng: random.Random) -> str:
    text = match.group(0)
    if _YEAR.fullmatch(text):
        return str(rng.randint(1990, 2030))
    digits = [c for c in text if c.isdigit()]
    first = str(rng.randint(1, 9))
    rest = "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    varied = iter(first + rest)
    return "".join(next(varied) if c.isdigit() else c for c in text)


def _paragraph(text: str, rng: random.Random) -> str:
    if text.lstrip().startswith("•") or rng.random() < 0.5:
        return text
    sentences = _SENTENCE_END.split(text)
    rng.shuffle(sentences)
    return " ".join(sentences)


def article(i: int, shape: SeedShape) -> tuple[str, str]:
    """(slug, text) of synthetic article `i`."""
    rng = random.Random(i)
    names, mapping = _swap_names(rng)
    pool = [p for s in shape.sections for part in (s, *s.children) for p in part.paragraphs]
    chosen = rng.sample(shape.sections, rng.randint(4, len(shape.sections)))
    title = f"{mapping['Russia']} and {mapping['China']} in Latin America: {rng.choice(TOPICS)}"
    lines = list(shape.intro)

    def body(part: Part) -> list[str]:
        paragraphs = [_paragraph(p, rng) for p in part.paragraphs]
        if rng.random() < 0.3:
            paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(pool))
        return paragraphs

    for number, section in enumerate(chosen, start=1):
        lines += ["", f"{number}. {section.title}", *body(section)]
        for sub, child in enumerate(section.children, start=1):
            lines += [f"{number}.{sub}. {child.title}", *body(child)]
    lines += ["", *shape.trailer]
    text = names.sub(lambda m: mapping[m.group(0)], "\n\n".join(lines) + "\n")
    # Numbers in the body only: the headings keep their numbering.
    text = "\n".join(
        line if _HEADING.fullmatch(line) else _NUMBER.sub(lambda m: _vary_number(m, rng), line)
        for line in text.split("\n")
    )
    # The brief's number makes every title, and so every text, distinct.
    return f"synthetic-{i:05d}", f"{title} (brief {i})\n\n{text}"


def articles(count: int, *, start: int = 0) -> Iterator[tuple[str, str]]:
    shape = read_shape(SEED_ARTICLE.read_bytes().decode("utf-8"))
    for i in range(start, start + count):
        yield article(i, shape)


if __name__ == "__main__":
    index = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    print(next(articles(1, start=index))[1])
