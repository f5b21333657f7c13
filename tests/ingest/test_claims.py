from pathlib import Path

import pytest

from app.ingest.claims import classify_claim, is_assertive
from app.models.vocabulary import ClaimKind

SEED = (Path(__file__).parents[2] / "seed" / "russia-china-venezuela.txt").read_text(
    encoding="utf-8"
)

SEED_CLAIMS = [
    # The article's only prescription in the author's voice.
    (
        "Experts increasingly argue for a more pragmatic policy toward Latin America, one that "
        "recognizes the legitimacy of multipolar relations rather than attempting to reverse them.",
        ClaimKind.PRESCRIPTION,
    ),
    (
        "In the long term, Venezuela’s integration into a Russia–China strategic framework may "
        "serve as a model for other nations in the Global South seeking to assert autonomy in a "
        "rapidly changing world.",
        ClaimKind.FORECAST,
    ),
    (
        "The geopolitical future of Latin America — and perhaps of the entire international "
        "system — will depend on how effectively old and new powers can coexist within this "
        "emerging architecture of shared influence.",
        ClaimKind.FORECAST,
    ),
    (
        "The region, once seen as politically dependent on Washington, is becoming a testing "
        "ground for a post-unipolar order.",
        ClaimKind.FORECAST,
    ),
    (
        "Latin America is once again emerging as a theater of global competition.",
        ClaimKind.FORECAST,
    ),
    (
        "For Moscow, Venezuela represents a lever of indirect influence over the United States — "
        "a way to project geopolitical presence into the Western Hemisphere.",
        ClaimKind.ASSESSMENT,
    ),
    (
        "The Venezuelan case demonstrates that even states under severe Western sanctions can "
        "survive — and at times thrive — by diversifying alliances and integrating into "
        "alternative global networks.",
        ClaimKind.ASSESSMENT,
    ),
    (
        "The traditional approach — based on sanctions and containment — has proven less "
        "effective in a world where alternatives to Western capital and technology abound.",
        ClaimKind.ASSESSMENT,
    ),
    # "should refrain" reports what the Monroe Doctrine held: the judgement is "clear challenge".
    (
        "For Washington, this is a clear challenge to the traditional Monroe Doctrine, which long "
        "maintained that extra-hemispheric powers should refrain from political or military "
        "involvement in the Americas.",
        ClaimKind.ASSESSMENT,
    ),
    # "few could have predicted" looks back, so "strategic importance" decides.
    (
        "In the past two decades, the joint presence of Russia and China in Latin America has "
        "taken on a strategic importance that few could have predicted after the Cold War.",
        ClaimKind.ASSESSMENT,
    ),
    (
        "Between 2005 and 2013, Caracas purchased over $11 billion in Russian military equipment, "
        "including air defense systems, tanks, and Sukhoi fighter jets.",
        ClaimKind.FACT,
    ),
    (
        "Today, more than 60% of Venezuelan oil exports go to Asia, primarily to China through "
        "state-linked trading companies.",
        ClaimKind.FACT,
    ),
    (
        "Caracas has emerged as a symbol of resistance to U.S. hegemony, inspiring neighboring "
        "countries like Cuba, Nicaragua, and Bolivia to pursue deeper ties with Eurasian powers.",
        ClaimKind.FACT,
    ),
    ("Russia offers military, strategic, and security expertise.", ClaimKind.FACT),
]

INVENTED_CLAIMS = [
    ("Washington should engage Caracas directly.", ClaimKind.PRESCRIPTION),
    ("Beijing must diversify its lenders.", ClaimKind.PRESCRIPTION),
    ("Policymakers ought to lift the sanctions.", ClaimKind.PRESCRIPTION),
    ("The region needs to invest in ports.", ClaimKind.PRESCRIPTION),
    ("It is essential that the loans be restructured.", ClaimKind.PRESCRIPTION),
    ("Analysts recommend a phased approach.", ClaimKind.PRESCRIPTION),
    ("Moscow will open a new base in 2026.", ClaimKind.FORECAST),
    ("The deal could collapse next year.", ClaimKind.FORECAST),
    ("Output is likely to fall.", ClaimKind.FORECAST),
    ("Trade is rapidly evolving toward Asia.", ClaimKind.FORECAST),
    ("This will be crucial for the region.", ClaimKind.FORECAST),
    ("The treaty was signed in May 2023.", ClaimKind.FACT),
    ("The political will of the government was tested in 2019.", ClaimKind.FACT),
    ("The officers must have known about the plan.", ClaimKind.FACT),
    ("The pipeline is a vital link.", ClaimKind.ASSESSMENT),
    ("The summit signals a new phase.", ClaimKind.ASSESSMENT),
    ("Its significance is hard to overstate.", ClaimKind.ASSESSMENT),
    ("Caracas signed 12 agreements with Beijing in 2023.", ClaimKind.FACT),
]


@pytest.mark.parametrize(("sentence", "kind"), SEED_CLAIMS)
def test_seed_claim_kinds(sentence: str, kind: ClaimKind) -> None:
    assert sentence in SEED
    assert classify_claim(sentence) is kind


@pytest.mark.parametrize(("sentence", "kind"), INVENTED_CLAIMS)
def test_invented_claim_kinds(sentence: str, kind: ClaimKind) -> None:
    assert classify_claim(sentence) is kind


def test_prescription_wins_over_forecast_and_assessment() -> None:
    assert classify_claim("It is crucial that Caracas will pay; it should.") is (
        ClaimKind.PRESCRIPTION
    )


def test_forecast_wins_over_assessment() -> None:
    assert classify_claim("The key port will reopen.") is ClaimKind.FORECAST


@pytest.mark.parametrize(
    "sentence",
    [
        "Caracas has emerged as a symbol of resistance to U.S. hegemony.",
        "flexible alliances rather than rigid blocs;",
        "More broadly, this trilateral cooperation exemplifies the logic of the 21st-century "
        "multipolar world:",
        "Venezuela offers energy access and geopolitical positioning.",
        "Russia is the main supplier",
        "Sanctions were imposed on the state oil company after the 2017 crisis began",
        "It worked!",
    ],
)
def test_assertive(sentence: str) -> None:
    assert is_assertive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "   ",
        "Why does Venezuela matter?",
        "What did Washington call it, “a threat?”",
        "Regional implications",
        "Key points:",
        "The Triangular Relationship: Moscow, Beijing, and Caracas",
        # Furniture inside a paragraph.
        "(Click here to see the latest prices of Example Corp.)",
        "This is breaking news.",
        "Source: Example Wire.",
    ],
)
def test_not_assertive(sentence: str) -> None:
    assert not is_assertive(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Analysts expect that demand to triple by 2030.", ClaimKind.FORECAST),
        ("Output is projected to rise 4% next year.", ClaimKind.FORECAST),
        ("The bank forecasts a 3% decline in imports.", ClaimKind.FORECAST),
        ("The fund will likely cut its lending.", ClaimKind.FORECAST),
        ("Refiners are likely to buy more crude.", ClaimKind.FORECAST),
        ("Critics argue that the deal is flawed.", ClaimKind.ASSESSMENT),
        ("Many in Caracas believe the loans were a mistake.", ClaimKind.ASSESSMENT),
        ("In our view, the accord favours Beijing.", ClaimKind.ASSESSMENT),
        ("The court appears to side with the government.", ClaimKind.ASSESSMENT),
        ("Ana Ruiz called it a threat to farmers.", ClaimKind.ASSESSMENT),
        ("The minister described the pipeline as a lifeline.", ClaimKind.ASSESSMENT),
        ("Washington should lift the sanctions.", ClaimKind.PRESCRIPTION),
        ("Caracas must repay the loans by 2026.", ClaimKind.PRESCRIPTION),
        ("The country needs to diversify its exports.", ClaimKind.PRESCRIPTION),
        # Look-alikes that are facts.
        ("Output fell more than expected.", ClaimKind.FACT),
        ("Exports rose, as expected.", ClaimKind.FACT),
        ("Joint projects aim to improve the ports.", ClaimKind.FACT),
        ("Weather forecasts were ignored by the crew.", ClaimKind.FACT),
        ("A group called Friends of the Port met in May.", ClaimKind.FACT),
        ("Planners studied how the port copes should it be closed.", ClaimKind.FACT),
        ("Should the bank cut rates, the peso falls.", ClaimKind.FACT),
        # A forecast of more, less, higher or lower.
        ("The broker anticipates further falls in freight rates.", ClaimKind.FORECAST),
        # The future seen from a past report, and its negative.
        ("The regulator said it would publish new rules in March.", ClaimKind.FORECAST),
        ("Growers warned that the tariff would hurt exports.", ClaimKind.FORECAST),
        ("Engineers say the bridge is unlikely to open before 2030.", ClaimKind.FORECAST),
        ("Prices should be expected to stay high.", ClaimKind.FORECAST),
        ("The minister said it would have been unwise to wait.", ClaimKind.FACT),
        # Judgements reported.
        ("Auditors concluded that the accounts were sound.", ClaimKind.ASSESSMENT),
        ("The envoy has warned of a wider war.", ClaimKind.ASSESSMENT),
        ("The port still owes $2 billion, analysts estimate.", ClaimKind.ASSESSMENT),
        ("Western estimates put the losses higher.", ClaimKind.ASSESSMENT),
        ("An estimated 3,000 people fled.", ClaimKind.FACT),
        # A need stated in the first person prescribes.
        ("We need a ceasefire, not another summit.", ClaimKind.PRESCRIPTION),
    ],
)
def test_kinds_from_verbs_and_modals(sentence: str, kind: ClaimKind) -> None:
    assert classify_claim(sentence) == kind
