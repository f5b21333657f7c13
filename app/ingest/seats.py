"""A capital that news uses for an organisation seated there, not for its country.

"Brussels sent Mercosur an additional instrument", "diplomats in Brussels argue": in an
article that names the European Union, "Brussels" is the Union, as "Washington" is the United
States. So when the entries an article is read with hold the organisation, the city's name
moves from its country's entry (the built-in Belgium) to the organisation's. In an article
that does not name the Union, Brussels stays Belgium's capital. Curated and annotated
entries that already claim the name keep it.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.ingest.curated import ActorEntry
from app.models.vocabulary import ActorKind

__all__ = ["SEATS", "seated"]

# The seat's name, and the names of the organisation it stands for.
SEATS: dict[str, frozenset[str]] = {
    "Brussels": frozenset({"European Union", "EU"}),
}


def seated(entries: Sequence[ActorEntry]) -> list[ActorEntry]:
    """`entries` with each seat's name moved to the organisation it stands for, when one of
    the entries is that organisation and the seat is a country's alias."""
    moved: dict[str, str] = {}  # seat -> organisation id
    for seat, names in SEATS.items():
        holders = [e for e in entries if seat in e.names]
        organisation = next((e for e in entries if e.name in names), None)
        if organisation is None or any(h.kind is not ActorKind.COUNTRY for h in holders):
            continue
        moved[seat] = organisation.id
    if not moved:
        return list(entries)
    out: list[ActorEntry] = []
    for e in entries:
        aliases = tuple(a for a in e.aliases if a not in moved or moved[a] == e.id)
        aliases += tuple(s for s, owner in moved.items() if owner == e.id and s not in aliases)
        out.append(e.model_copy(update={"aliases": aliases}) if aliases != e.aliases else e)
    return out
