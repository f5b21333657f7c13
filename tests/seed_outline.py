"""The seed article's numbered sections as printed: (number, title, level, parent number), in
reading order. The parser's tests and the API's tests both hold the service to it."""

from __future__ import annotations

NUMBERED_SECTIONS: list[tuple[str, str, int, str | None]] = [
    ("1", "Venezuela as a Strategic Hub in the Global South", 1, None),
    ("1.1", "A country at the crossroads of three powers", 2, "1"),
    ("1.2", "From Western isolation to Eurasian partnerships", 2, "1"),
    ("2", "The Russia–Venezuela Partnership: Defense, Technology, and Strategic Depth", 1, None),
    ("2.1", "A legacy of the Chávez years", 2, "2"),
    ("2.2", "From hard power to cyber and electronic cooperation", 2, "2"),
    ("3", "China’s Economic and Technological Role", 1, None),
    ("3.1", "Credit diplomacy and infrastructure development", 2, "3"),
    ("3.2", "Technology, digital networks, and governance", 2, "3"),
    ("4", "The Triangular Relationship: Moscow, Beijing, and Caracas", 1, None),
    ("4.1", "Strategic complementarity", 2, "4"),
    ("4.2", "Regional implications", 2, "4"),
    ("5", "The U.S. Response and the Limits of Containment", 1, None),
    ("5.1", "The sanctions dilemma", 2, "5"),
    ("5.2", "The erosion of U.S. influence", 2, "5"),
    ("6", "Economic and Energy Implications", 1, None),
    ("6.1", "Oil as geopolitical currency", 2, "6"),
    ("6.2", "Maritime security and logistics cooperation", 2, "6"),
    ("7", "The Symbolic and Ideological Dimension", 1, None),
    ("8", "Latin America’s New Geopolitical Equation", 1, None),
    ("8.1", "A region of strategic competition", 2, "8"),
    ("8.2", "The future of U.S. policy in the region", 2, "8"),
    ("9", "Energy, Security, and the New Global Balance", 1, None),
    ("10", "Conclusion: Venezuela and the Multipolar Century", 1, None),
]
