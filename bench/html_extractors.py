"""Which main-text extractor `article-facts ingest page.html` uses, measured on the HTML fixtures.

Each fixture in tests/data/html/ is a page written for the tests: an article body (its
paragraphs and subheadings) inside the furniture of a real news site (navigation, cookie banner,
share bars, related links, comments, subscription boxes, footer). For each extractor this prints:

- body: the share of the body's paragraphs found whole in the output;
- heads: the share of its subheadings kept as headings (a line of their own);
- noise: the furniture lines found in the output (every text that is neither the body nor the
  title);
- ms: the median time per page.

Run: `python -m bench.html_extractors` (needs readability-lxml and jusText for the alternatives;
trafilatura is a dependency, and jusText comes with it). The title line is left out of
what is measured: each fixture's `<h1>` is the title, not body or furniture.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "html"
# Where each fixture's body is: the element whose paragraphs and headings are the article.
BODIES = {
    "harbour-deal.html": "story-body",
    "agua-andina.html": "cuerpo",
    "wind-auction.html": "post",
    "grain-corridor.html": "col-main",
}
BLOCKS = ("p", "h1", "h2", "h3", "li", "a", "button", "div")


def _norm(text: str) -> str:
    return " ".join(text.split())


def truth(html: str, body_class: str) -> tuple[list[str], list[str], list[str]]:
    """The body's paragraphs, its headings, and every furniture text of the page."""
    root = lxml.html.fromstring(html)
    body = root.find_class(body_class)[0]
    paragraphs = [
        _norm(p.text_content())
        for p in body.iter("p")
        if not any(a.tag == "aside" or "ad-slot" in a.classes for a in p.iterancestors())
        and "meta" not in p.classes
    ]
    heads = [_norm(h.text_content()) for h in body.iter("h2", "h3")]
    title = _norm(root.findtext(".//h1") or "")
    inside = {*paragraphs, *heads, title}
    noise: list[str] = []
    for element in root.iter(*BLOCKS):
        if element.getchildren() or _norm(element.text_content()) in paragraphs:
            continue
        text = _norm(element.text_content())
        if len(text) >= 4 and text not in inside and not any(text in t for t in inside):
            noise.append(text)
    return paragraphs, heads, sorted(set(noise))


def trafilatura_as_ingested(html: str) -> str:
    """trafilatura as `article-facts ingest` uses it (app/ingest/html.py), title line dropped."""
    from app.ingest.html import read_html

    text, _ = read_html(html.encode())
    return text.split("\n\n", 1)[1]


def trafilatura_alone(html: str) -> str:
    """trafilatura's own Markdown, without the headings app/ingest/html.py puts back."""
    import trafilatura

    text = trafilatura.extract(
        html, output_format="markdown", include_formatting=True, include_comments=False
    )
    return text or ""


def readability_html(html: str) -> str:
    from readability import Document  # type: ignore[import-untyped]

    summary = lxml.html.fromstring(Document(html).summary(html_partial=True))
    lines = []
    for element in summary.iter("p", "h1", "h2", "h3", "h4", "li"):
        prefix = "## " if element.tag in ("h2", "h3", "h4") else ""
        lines.append(prefix + _norm(element.text_content()))
    return "\n\n".join(lines)


def justext_paragraphs(html: str) -> str:
    import justext  # type: ignore[import-untyped]

    language = "Spanish" if 'lang="es' in html else "English"
    paragraphs = justext.justext(html.encode(), justext.get_stoplist(language))
    return "\n\n".join(
        ("## " if p.is_heading else "") + p.text for p in paragraphs if not p.is_boilerplate
    )


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura, as ingested": trafilatura_as_ingested,
    "trafilatura alone": trafilatura_alone,
    "readability-lxml": readability_html,
    "jusText": justext_paragraphs,
}


def measure(name: str, extract: Callable[[str], str]) -> str:
    found = total = heads_kept = heads_total = noise_found = 0
    times: list[float] = []
    for page, body_class in BODIES.items():
        html = (PAGES / page).read_text(encoding="utf-8")
        paragraphs, heads, noise = truth(html, body_class)
        began = time.perf_counter()
        text = extract(html)
        times.append(time.perf_counter() - began)
        flat = _norm(text)
        lines = {_norm(re.sub(r"^#+ ", "", line)) for line in text.splitlines() if line.strip()}
        found += sum(p in flat for p in paragraphs)
        total += len(paragraphs)
        heads_kept += sum(h in lines for h in heads)
        heads_total += len(heads)
        noise_found += sum(n in flat for n in noise)
    return (
        f"{name:<26} body {found}/{total}  heads {heads_kept}/{heads_total}  "
        f"noise {noise_found}  ms {statistics.median(times) * 1000:.1f}"
    )


def main() -> None:
    for name, extract in EXTRACTORS.items():
        extract((PAGES / next(iter(BODIES))).read_text(encoding="utf-8"))  # warm up
        print(measure(name, extract))


if __name__ == "__main__":
    main()
