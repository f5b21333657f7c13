"""People in Spanish text, by rule: the names Spanish news copy introduces with a title or an
office, for articles read without the recognizer.

Two shapes, each within one sentence:

- a title or office right before the name: "el presidente Nicolás Maduro", "la general Laura
  Richardson", "el Sr. Alexéi Miller", "el Dr. Wang Yifan", "la canciller Ana Ruiz";
- a name followed by a comma and an office or a profession with "de": "Francisco Monaldi,
  experto en energía de …", "Ariel Slipak, economista de …", "Manuel Quevedo, ministro de …",
  and the name set off after an office ("El ministro de Petróleo, Manuel Quevedo, dijo").

A name is two to four capitalised words (particles "de", "del", "la" between them), none of
them a word that heads organisations' names or the gazetteer's; its last word alone, where the
text uses it ("Maduro", "Slipak"), is its alias unless another of them shares it. Entries are
kind `person`, unreviewed. With the recognizer, these are found first and the recognizer adds
what they miss.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from app.core.folding import fold
from app.ingest.actors import Gazetteer
from app.ingest.candidates_es import HEAD_NOUNS_ES
from app.ingest.curated import ActorEntry
from app.ingest.drafts import SentenceDraft
from app.models.vocabulary import ActorKind

__all__ = ["find_people_es"]

_OFFICES = (
    r"presidente|presidenta|vicepresidente|vicepresidenta|ministro|ministra|canciller|general"
    r"|almirante|coronel|senador|senadora|diputado|diputada|gobernador|gobernadora|alcalde"
    r"|alcaldesa|secretario|secretaria|embajador|embajadora|director|directora|jefe|jefa"
    r"|portavoz|vocero|vocera|primer\s+ministro|primera\s+ministra|rey|reina|papa|líder"
    r"|fiscal|juez|jueza|experto|experta|economista|analista|investigador|investigadora"
    r"|profesor|profesora|consejero|consejera|asesor|asesora|fundador|fundadora"
    r"|representante|mandatario|mandataria|homólogo|homóloga"
)
_COURTESY = r"(?:Sr|Sra|Srta|Dr|Dra|Lic|Ing|Prof)\."
_UPPER = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü'’-]+"
_NAME = rf"{_UPPER}(?:\s+(?:(?:de|del|de\s+la)\s+)?{_UPPER}){{1,3}}"
_TITLED = re.compile(
    rf"(?:\b(?i:el|la)\s+(?:(?:{_OFFICES})\s+(?:{_COURTESY}\s+)?|{_COURTESY}\s+))(?P<name>{_NAME})"
)
_INTRODUCED = re.compile(rf"(?P<name>{_NAME}),\s+(?:(?:el|la|un|una)\s+)?(?:{_OFFICES})\b")
# "El ministro de Petróleo, Manuel Quevedo,", "El presidente ruso, Vladimir Putin,".
_SET_OFF = re.compile(
    rf"\b(?i:el|la)\s+(?:{_OFFICES})(?:\s+(?:de|del)\s+[^,]{{1,60}}|\s+[a-záéíóúñ]+)?,\s+"
    rf"(?P<name>{_NAME})(?=[,.;])"
)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].strip("-")


def find_people_es(
    text: str, sentences: Sequence[SentenceDraft], known: Gazetteer, taken: Iterable[str]
) -> list[ActorEntry]:
    """People the Spanish `sentences` of `text` introduce, in order of first mention; none
    whose name the gazetteer `known` already has or whose id is `taken`."""
    taken_ids = set(taken)
    starts: dict[str, int] = {}
    for sentence in sentences:
        for pattern in (_TITLED, _INTRODUCED, _SET_OFF):
            for m in pattern.finditer(text, sentence.start, sentence.end):
                name = m["name"]
                words = name.split()
                if any(w in HEAD_NOUNS_ES for w in words) or known.find(name):
                    continue
                starts[name] = min(starts.get(name, m.start("name")), m.start("name"))
    # A surname two of them share ("Serguéi Lavrov", "Sergei Lavrov") is neither's alias.
    names = sorted(starts, key=starts.__getitem__)
    surnames = Counter(name.split()[-1] for name in names)
    found: list[ActorEntry] = []
    for name in names:
        slug = _slug(name)
        if not slug or slug in taken_ids:
            continue
        surname = name.split()[-1]
        alone = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text.replace(name, ""))
        unique = surnames[surname] == 1 and not known.find(surname)
        aliases = (surname,) if alone and unique and surname != name else ()
        taken_ids.add(slug)
        found.append(
            ActorEntry(id=slug, name=name, kind=ActorKind.PERSON, aliases=aliases, reviewed=False)
        )
    return found
