"""Which language detector fills an article's `language` when nothing declares it, measured.

Short English and Spanish texts written for this (a headline, a sentence, a figure-laden line):
short is where detectors fail, and an article's first paragraphs are what the service reads. For
each detector this prints its accuracy, the median time per text, and the memory its model took
to load: the growth of the resident size once loaded, and of its peak while loading, in a
fresh process each.

Run: `python -m bench.language_detectors` (needs langdetect and lingua-language-detector for the
alternatives; py3langid is a dependency).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TEXTS = {
    "en": [
        "Oil output fell again in March.",
        "The port opened after four years of work.",
        "Exports rose by 12% in 2023, the ministry said.",
        "Critics see a foothold for Beijing on the Pacific coast.",
        "Turbine prices rose by about 15% between 2021 and 2024.",
        "Farmers face lower prices this winter.",
        "A second phase would raise capacity to 1.5 million containers.",
        "The government wants 30 gigawatts by 2030.",
        "Who gains and who worries",
        "Insurers agreed to cover war risk for ships on the new route.",
        "Most economists expect growth to slow.",
        "The canal handled fewer ships during the drought.",
    ],
    "es": [
        "La producción de petróleo volvió a caer en marzo.",
        "El puerto abrió tras cuatro años de obras.",
        "Las exportaciones subieron un 12% en 2023, según el ministerio.",
        "Los críticos ven una cabeza de playa para Pekín en el Pacífico.",
        "Los glaciares han perdido cerca del 40% de su superficie.",
        "Los campesinos enfrentan precios más bajos este invierno.",
        "La demanda crecerá un 25% antes de 2040.",
        "El gobierno quiere 30 gigavatios para 2030.",
        "Las ciudades buscan soluciones",
        "La agricultura consume alrededor del 80% del agua.",
        "La sequía obligó a cortar el suministro.",
        "El canal recibió menos barcos durante la sequía.",
    ],
}


def py3langid_detector() -> Callable[[str], str]:
    from app.ingest.language import detect_language

    return lambda text: detect_language(text) or "und"


def langdetect_detector() -> Callable[[str], str]:
    from langdetect import DetectorFactory, detect  # type: ignore[import-not-found]

    DetectorFactory.seed = 0  # its answers are random otherwise
    return detect  # type: ignore[no-any-return]


def lingua_detector() -> Callable[[str], str]:
    from lingua import LanguageDetectorBuilder  # type: ignore[import-not-found]

    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "und"

    return detect


DETECTORS = {
    "py3langid": py3langid_detector,
    "langdetect": langdetect_detector,
    "lingua (low accuracy)": lingua_detector,
}


def _resident_mib() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def measure(name: str) -> str:
    before, peak_before = _resident_mib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detect = DETECTORS[name]()
    detect("warm up the model")
    resident = _resident_mib() - before
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    right = total = 0
    times: list[float] = []
    for expected, texts in TEXTS.items():
        for text in texts:
            began = time.perf_counter()
            found = detect(text)
            times.append(time.perf_counter() - began)
            right += found == expected
            total += 1
    return (
        f"{name:<22} right {right}/{total}  median {statistics.median(times) * 1e6:.0f} µs  "
        f"memory {resident:.0f} MiB (peak {peak:.0f} MiB)"
    )


def main() -> None:
    if len(sys.argv) > 1:
        print(measure(sys.argv[1]))
        return
    for name in DETECTORS:  # one process each, so each load's memory is its own
        subprocess.run([sys.executable, "-m", "bench.language_detectors", name], check=False)


if __name__ == "__main__":
    main()
