"""Which actors an article is read with: curated, annotated, built-in, proposed and recognised.

Precedence, highest first: the `--annotations` file (what the person ingesting this article
says), the curated file (what the project says), the built-in countries (what the packages
say). An entry replaces a lower one with the same id whole, names and all, so the curated
"russia" is used as written; a lower entry also loses any name a higher one uses for another
actor. Two entries of the annotations and the curated file that claim one name are an error
the message names, as in the curated file alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pydantic import ValidationError

from app.ingest.actors import Gazetteer
from app.ingest.affiliations import affiliate
from app.ingest.affiliations_es import affiliate_es
from app.ingest.candidates import find_candidates
from app.ingest.countries import builtin_countries
from app.ingest.countries_es import with_spanish_names
from app.ingest.curated import ActorEntry, Curated, CuratedError
from app.ingest.drafts import SentenceDraft
from app.ingest.names import people_and_organisations
from app.ingest.names_es import spanish_spans
from app.ingest.people_es import find_people_es
from app.ingest.reading import recognize
from app.ingest.recognizer import Recognized, Recognizer
from app.ingest.seats import seated
from app.ingest.stages import ReadWith

__all__ = ["gazetteer_for"]


def gazetteer_for(
    text: str,
    sentences: Sequence[SentenceDraft],
    curated: Curated,
    annotations: Curated | None,
    recognizer: Recognizer | None = None,
    language: str = "en",
) -> ReadWith:
    """The entries to read `text` with, its body `sentences` searched for candidates and, with
    a `recognizer`, for people and organisations (app/ingest/names.py); a Spanish text
    (`language` "es") with the countries' Spanish names too (app/ingest/countries_es.py).
    Raises CuratedError when the annotations and the curated file disagree about a name,
    RecognizerError when the recognizer fails."""
    try:
        user = curated.merged(annotations) if annotations is not None else curated
    except ValidationError as exc:
        raise CuratedError(
            f"the annotations do not fit the curated facts: {problems(exc)}"
        ) from None
    builtin = builtin_countries()
    countries = _countries_under(user.actors, text, builtin.entries, builtin.ambiguous)
    if language == "es":  # the Spanish names of every country, the curated ones included
        spanish = with_spanish_names([*user.actors, *countries], builtin.codes)
        user = user.model_copy(update={"actors": tuple(spanish[: len(user.actors)])})
        countries = spanish[len(user.actors) :]
    known = Gazetteer([*user.actors, *countries], builtin.blocked)
    taken = [a.id for a in (*user.actors, *countries)]
    proposed = find_candidates(text, sentences, known, taken, language)
    if language == "es":  # people introduced by a title or an office (app/ingest/people_es.py)
        proposed += find_people_es(text, sentences, known, [*taken, *(p.id for p in proposed)])
    if recognizer is not None:
        found = Gazetteer([*user.actors, *countries, *proposed], builtin.blocked)
        claimed = [n for a in (*user.actors, *countries, *proposed) for n in a.names]
        recognized, acronyms = people_and_organisations(
            text, sentences, _spans(text, sentences, found, recognizer, language), found, claimed
        )
        proposed = [
            p.model_copy(update={"aliases": (*p.aliases, acronyms[p.id])})
            if p.id in acronyms
            else p
            for p in proposed
        ]
        proposed, recognized = _completed(proposed, recognized)
        proposed += recognized
    entries = affiliate(text, sentences, seated([*user.actors, *countries, *proposed]))
    if language == "es":
        entries = affiliate_es(text, sentences, entries)
    try:
        merged = Curated(
            actors=tuple(entries),
            claims=user.claims,
            figures=user.figures,
        )
    except ValidationError as exc:  # the rules above keep names apart; say so if they did not
        raise CuratedError(f"the gazetteers do not fit together: {problems(exc)}") from None
    return ReadWith(curated=merged, always=user.actors, blocked=builtin.blocked)


def _spans(
    text: str,
    sentences: Sequence[SentenceDraft],
    found: Gazetteer,
    recognizer: Recognizer,
    language: str,
) -> list[Recognized]:
    """The recognizer's spans; in Spanish text trimmed of what the English model takes along
    (app/ingest/names_es.py)."""
    spans = recognize(text, sentences, found, recognizer)
    return spanish_spans(text, spans) if language == "es" else spans


def _completed(
    proposed: list[ActorEntry], recognized: list[ActorEntry]
) -> tuple[list[ActorEntry], list[ActorEntry]]:
    """A candidate the recognizer names in full ("Liberation Army" in "People's Liberation
    Army") gives way to the full name, which takes its aliases ("PLA")."""
    kept: list[ActorEntry] = []
    full = list(recognized)
    for p in proposed:
        at = next(
            (i for i, r in enumerate(full) if r.kind == p.kind and r.name.endswith(" " + p.name)),
            None,
        )
        if at is None:
            kept.append(p)
            continue
        r = full[at]
        full[at] = r.model_copy(update={"aliases": tuple(dict.fromkeys((*r.aliases, *p.aliases)))})
    return kept, full


def problems(exc: ValidationError) -> str:
    return "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())


def _countries_under(
    higher: Sequence[ActorEntry],
    text: str,
    entries: Sequence[ActorEntry],
    ambiguous: frozenset[str],
) -> list[ActorEntry]:
    """The built-in entries that `higher` leaves, each without the names `higher` uses;
    ambiguous ones only when the text names them unambiguously too."""
    kept, probe = _kept_under(tuple(higher), tuple(entries), ambiguous)
    if probe is None:
        return list(kept)
    found = {m.actor_id for m in probe.find(text)}
    return [e for e in kept if e.id not in ambiguous or e.id in found]


@lru_cache(maxsize=8)
def _kept_under(
    higher: tuple[ActorEntry, ...], entries: tuple[ActorEntry, ...], ambiguous: frozenset[str]
) -> tuple[tuple[ActorEntry, ...], Gazetteer | None]:
    """The part of `_countries_under` that is the same for every text: the entries `higher`
    leaves, and the gazetteer that tells the ambiguous ones (None when none is). Kept, as
    every article of one curated file needs the same ones (about 10 ms to make)."""
    ids = {a.id for a in higher}
    claimed = {n for a in higher for n in a.names}
    kept: list[ActorEntry] = []
    for entry in entries:
        if entry.id in ids or entry.name in claimed:
            continue
        aliases = tuple(a for a in entry.aliases if a not in claimed)
        kept.append(entry.model_copy(update={"aliases": aliases}))
    doubtful = [e for e in kept if e.id in ambiguous]
    if not doubtful:
        return tuple(kept), None
    # Probe with the doubtful entries' other names only, among all the rest, so a longer name
    # still wins: "Equatorial Guinean" does not confirm Guinea.
    probes = [
        ActorEntry(id=e.id, name=e.aliases[0], kind=e.kind, aliases=e.aliases[1:])
        for e in doubtful
        if e.aliases
    ]
    sure = [e for e in kept if e.id not in ambiguous]
    blocked = builtin_countries().blocked
    return tuple(kept), Gazetteer([*higher, *sure, *probes], blocked)
