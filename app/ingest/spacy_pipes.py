"""Which components of a spaCy pipeline the recognizer runs: only those that find entities,
and what they read.

A pipeline such as `en_core_web_sm` has a shared embedding component (`tok2vec`, or
`transformer` in the larger ones) whose vectors other components may read through a
*listener* layer (`spacy.Tok2VecListener.v1`, `spacy-transformers.TransformerListener.v1`).
Whether they do is written in each component's config. In `en_core_web_sm` 3.8 the `ner`
embeds a `tok2vec` of its own (`spacy.Tok2Vec.v2`): the shared component's vectors are
read only by the tagger and parser, which the recognizer does not load, so with them gone
the shared component would compute, word by word, vectors nobody reads (a third of the
recognizer's time). So:

- `UNUSED` are never loaded: they find no entity.
- An embedding component is dropped when no component kept after it listens to it: a
  listener whose `upstream` is that component's name or `"*"` (as spaCy links them,
  `Tok2Vec.find_listeners`). A pipeline whose `ner` listens keeps it.

The decision reads configs alone (`idle_embedders`), so it is tested without a model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

__all__ = ["EMBEDDERS", "UNUSED", "idle_embedders", "listens_to"]

# Components a pipeline may have that find no entity: excluded, so never loaded.
UNUSED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
# Factories of the components whose only output is vectors for others to listen to.
EMBEDDERS = frozenset({"tok2vec", "transformer"})


def idle_embedders(configs: Mapping[str, Mapping[str, Any]], order: Sequence[str]) -> list[str]:
    """The embedding components among `order` (the pipeline's component names, in order;
    `configs` their configs) that no later component listens to."""
    return [
        name
        for i, name in enumerate(order)
        if configs[name].get("factory") in EMBEDDERS
        and not any(listens_to(configs[later], name) for later in order[i + 1 :])
    ]


def listens_to(config: Mapping[str, Any], upstream: str) -> bool:
    """Whether a component with `config` has a listener layer reading `upstream`: one whose
    `upstream` is that name or the wildcard `*` (or unset: assumed to listen)."""
    return any(
        "Listener" in str(node.get("@architectures", ""))
        and node.get("upstream", "*") in ("*", upstream)
        for node in _nodes(config)
    )


def _nodes(config: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """`config` and every table nested in it, at any depth (in lists too)."""
    yield config
    for value in config.values():
        if isinstance(value, Mapping):
            yield from _nodes(value)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, Mapping):
                    yield from _nodes(item)
