"""Which spaCy components the recognizer keeps: an embedding component only when a kept
component listens to it, decided from the configs alone."""

from __future__ import annotations

from typing import Any

from app.ingest.spacy_pipes import idle_embedders, listens_to

# en_core_web_sm 3.8's tok2vec and ner configs, cut to what the decision reads.
TOK2VEC: dict[str, Any] = {
    "factory": "tok2vec",
    "model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96},
    },
}
NER_OWN_TOK2VEC: dict[str, Any] = {
    "factory": "ner",
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96},
        },
    },
}


def _ner_listening(upstream: str | None) -> dict[str, Any]:
    listener: dict[str, Any] = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96}
    if upstream is not None:
        listener["upstream"] = upstream
    return {
        "factory": "ner",
        "model": {"@architectures": "spacy.TransitionBasedParser.v2", "tok2vec": listener},
    }


def test_a_tok2vec_no_one_listens_to_is_idle() -> None:
    configs = {"tok2vec": TOK2VEC, "ner": NER_OWN_TOK2VEC}
    assert idle_embedders(configs, ["tok2vec", "ner"]) == ["tok2vec"]


def test_a_tok2vec_the_ner_listens_to_is_kept() -> None:
    for upstream in ("*", "tok2vec", None):
        configs = {"tok2vec": TOK2VEC, "ner": _ner_listening(upstream)}
        assert idle_embedders(configs, ["tok2vec", "ner"]) == []


def test_a_listener_to_another_embedder_keeps_only_that_one() -> None:
    configs = {"tok2vec": TOK2VEC, "other": TOK2VEC, "ner": _ner_listening("other")}
    assert idle_embedders(configs, ["tok2vec", "other", "ner"]) == ["tok2vec"]


def test_a_listener_before_the_embedder_does_not_keep_it() -> None:
    configs = {"ner": _ner_listening("*"), "tok2vec": TOK2VEC}
    assert idle_embedders(configs, ["ner", "tok2vec"]) == ["tok2vec"]


def test_a_transformer_is_an_embedder_and_its_listener_keeps_it() -> None:
    transformer = {"factory": "transformer", "model": {"@architectures": "spacy-transformers.X"}}
    listening = {
        "factory": "ner",
        "model": {
            "tok2vec": {
                "@architectures": "spacy-transformers.TransformerListener.v1",
                "upstream": "*",
            }
        },
    }
    assert (
        idle_embedders({"transformer": transformer, "ner": listening}, ["transformer", "ner"]) == []
    )
    assert idle_embedders(
        {"transformer": transformer, "ner": NER_OWN_TOK2VEC}, ["transformer", "ner"]
    ) == ["transformer"]


def test_a_listener_nested_in_a_list_is_found() -> None:
    config = {"model": {"layers": [{"@architectures": "spacy.Tok2VecListener.v1"}]}}
    assert listens_to(config, "tok2vec")
    assert not listens_to(NER_OWN_TOK2VEC, "tok2vec")
