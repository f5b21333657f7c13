"""A short Spanish article written for the search tests and benchmarks (bench/search_spanish.py)."""

from __future__ import annotations

from app.ingest.metadata import ArticleMeta
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed

SLUG = "petroleo-venezolano"
TEXT = """# El petróleo venezolano y sus acreedores

## Préstamos a cambio de crudo

Rusia prestó a Venezuela unos 17.000 millones de dólares entre 2006 y 2017. Las empresas \
petroleras rusas recibieron barriles de crudo como pago.

¿Quién cobrará primero? Según los analistas, China exige que la deuda petrolera se pague antes \
que cualquier otra.

## La producción

La producción de petróleo cayó a menos de un millón de barriles diarios. Los petroleros \
venezolanos dicen que la falta de inversión explica la caída.

¡Nadie esperaba una caída tan rápida!
"""


def spanish_article(seed: Seed, text: str = TEXT) -> ArticleFacts:
    """The article read as Spanish (declared: the tests do not depend on detection)."""
    return build_article(
        text,
        slug=SLUG,
        source_name=f"{SLUG}.md",
        curated=seed.curated,
        meta=ArticleMeta(language="es"),
    )
