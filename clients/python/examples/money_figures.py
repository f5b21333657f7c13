"""The money figures of every article, with the sentence each comes from, and an ETag-checked
re-read: what a program that cites figures does with the client.

    python clients/python/examples/money_figures.py [BASE_URL]
"""

from __future__ import annotations

import sys

from article_facts_client import Client, NotFound, models


def main(base_url: str) -> None:
    with Client(base_url) as api:
        for figure in api.iter_figures(
            kind=models.FigureKind.money, sort=models.FigureSort.field_value
        ):
            claim = api.get_claim(figure.claim).text if figure.claim else ""
            value = "?" if figure.value is None else f"{figure.value:,.0f}"
            print(f"{figure.quote:>20}  {value:>16} {figure.unit}  {claim[:60]}")
        # A second read of the same list is a 304 on the wire, answered from the client's cache.
        page = api.list_figures(kind=models.FigureKind.money)
        print(f"{page.total} money figures")
        try:
            api.get_actor("atlantis")
        except NotFound as error:
            print(f"{error.status}: {error.detail}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
