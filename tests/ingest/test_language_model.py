"""py3langid's model mapped from the cache answers what py3langid's own loading answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

from app.ingest import language_model
from tests.ingest.answer_keys import DATA, SAMPLES

TEXTS = [
    "La producción de petróleo volvió a caer en marzo.",
    "Die Ölförderung ist im März erneut gesunken.",
    "La production de pétrole a de nouveau baissé en mars.",
    "Oil output fell again in March.",
    "",
    "1234 5678",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(language_model.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def scores(identifier: object, texts: list[str]) -> list[bytes]:
    return [identifier._decide(text).tobytes() for text in texts]  # type: ignore[attr-defined]


def test_the_mapped_model_scores_every_language_as_py3langid_does(cache: Path) -> None:
    texts = TEXTS + [(DATA / name).read_text()[:5000] for name in SAMPLES]
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    written = language_model.load_identifier()  # writes the cache, then maps it
    mapped = language_model.load_identifier()  # maps what the first wrote
    assert isinstance(mapped.tk_nextmove, memoryview)
    assert isinstance(mapped.nb_ptc, np.memmap)
    assert scores(written, texts) == scores(stock, texts)
    assert scores(mapped, texts) == scores(stock, texts)
    assert [mapped.classify(t)[0] for t in TEXTS[:4]] == ["es", "de", "fr", "en"]


def test_the_cache_is_written_once(cache: Path) -> None:
    language_model.load_identifier()
    [folder] = cache.iterdir()
    assert folder.name.startswith("py3langid-")
    times = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert sorted(times) == sorted(language_model._FILES)
    language_model.load_identifier()
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == times
    assert [p.name for p in cache.iterdir()] == [folder.name]  # no staging folder left


def test_without_a_writable_cache_the_model_is_read_into_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(language_model.CACHE_ENV, str(blocker / "cache"))
    identifier = language_model.load_identifier()
    assert not isinstance(identifier.tk_nextmove, memoryview)
    assert identifier.classify(TEXTS[0])[0] == "es"
