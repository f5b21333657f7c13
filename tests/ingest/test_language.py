"""An article's language: declared tags reduced to ISO 639-1, and detection when none is."""

from __future__ import annotations

import pytest

from app.ingest.front_matter import split_front_matter
from app.ingest.language import LanguageError, detect_language, language_code
from app.ingest.metadata import MetadataError, checked


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("ES_es", "es"),
        ("zh-Hant-TW", "zh"),
        ("und", "und"),
        ("haw", "und"),  # Hawaiian has no ISO 639-1 code
        ("qq", "und"),  # no such language
        (" ", None),
        (None, None),
    ],
)
def test_language_code(tag: str | None, code: str | None) -> None:
    assert language_code(tag) == code


@pytest.mark.parametrize("tag", ["english", "e", "en--GB", "en GB", "1234"])
def test_what_is_not_a_tag_is_refused(tag: str) -> None:
    with pytest.raises(LanguageError, match="language: a language tag such as en or es-ES"):
        language_code(tag)


def test_a_bad_declared_language_is_a_metadata_error() -> None:
    with pytest.raises(MetadataError, match=r"^language: a language tag"):
        checked(language="Spanish")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The port opened after four years of work.", "en"),
        ("Turbine prices rose by about 15% between 2021 and 2024.", "en"),
        ("El puerto abrió tras cuatro años de obras.", "es"),
        ("La agricultura consume alrededor del 80% del agua.", "es"),
        ("Der Hafen wurde nach vier Jahren Bauzeit eröffnet.", "de"),
        ("OK", "und"),  # too short to tell
        ("2024 — 15% · $3.5", "und"),  # no letters at all
        ("", "und"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_front_matter_declares_the_language() -> None:
    meta, _, _ = split_front_matter("---\nlang: es-MX\n---\n# Título\n\nTexto.\n")
    assert meta.language == "es"
