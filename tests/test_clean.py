"""Cleaning rules: what each paragraph of a scrape is, and why boilerplate was set aside."""

from pathlib import Path

import pytest

from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.ingest.build import build_article
from desktop.core.ingest.clean import clean

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

BODY_1 = (
    "The river authority in Lyon said on Monday that water levels had fallen by 12% since "
    "January, the lowest reading for the month in two decades."
)
BODY_2 = (
    'Engineer Paul Martel said the locks would stay open. "We have enough water for now, '
    'but not for a dry summer," Martel said.'
)
BODY_3 = "Barge operators have already cut their loads by a third, according to the authority."


def kinds_of(paragraphs, fmt="txt", **meta):
    paras = tuple(p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs)
    result = clean(Document("x." + fmt, fmt, paras, **meta), list(paras))
    return result, [k for k, _ in result.kinds], [r for _, r in result.kinds]


def test_category_line_gives_category_and_is_boilerplate():
    result, kinds, reasons = kinds_of(["Categories: Business", "River levels fall in Lyon", BODY_1])
    assert result.category == "Business"
    assert kinds == [BlockKind.BOILERPLATE, BlockKind.TITLE, BlockKind.BODY]
    assert reasons[0] == "category line"


def test_first_short_line_without_full_stop_is_the_title():
    result, kinds, _ = kinds_of(["River levels fall in Lyon as dry winter drags on", BODY_1, BODY_2])
    assert kinds[0] == BlockKind.TITLE
    assert result.title == "River levels fall in Lyon as dry winter drags on"


def test_no_title_when_the_file_starts_with_the_body():
    result, kinds, _ = kinds_of([BODY_1, BODY_2])
    assert kinds == [BlockKind.BODY, BlockKind.BODY]
    assert result.title == ""


def test_video_label_and_the_video_headline_and_blurb_after_it():
    _, kinds, reasons = kinds_of(
        [
            "River levels fall in Lyon",
            "close Video",
            "Barges stuck on the Rhone",
            "Our reporter visits a lock near Lyon.",
            BODY_1,
        ]
    )
    assert kinds == [BlockKind.TITLE] + [BlockKind.BOILERPLATE] * 3 + [BlockKind.BODY]
    assert reasons[1:4] == ["video label", "headline of an embedded video", "description of an embedded video"]


def test_promo_headline_in_capitals_but_short_capitals_heading_stays():
    _, kinds, reasons = kinds_of(
        [
            "River levels fall in Lyon",
            BODY_1,
            "DROUGHT FORCES FARMERS IN SPAIN TO SELL THEIR HERDS EARLY",
            BODY_2,
            "WHAT COMES NEXT",
            BODY_3,
        ]
    )
    assert kinds[2] == BlockKind.BOILERPLATE and reasons[2] == "promo headline in capitals"
    assert kinds[4] == BlockKind.HEADING


@pytest.mark.parametrize(
    "plug",
    [
        "CLICK HERE TO GET THE RIVER POST APP",
        "Sign up for our morning newsletter",
        "Download the Courier app for breaking news alerts",
        "Follow us on Instagram and TikTok",
    ],
)
def test_app_and_newsletter_plugs(plug):
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, plug, BODY_2])
    assert (kinds[2], reasons[2]) == (BlockKind.BOILERPLATE, "app or newsletter plug")


@pytest.mark.parametrize(
    "caption",
    [
        "A barge waits at a lock near Lyon on Feb. 3, 2025. (Wire Photo/Anne Roux)",
        "Low water exposes the river bed in Lyon. (Photo: Anne Roux)",
        "A barge waits near Lyon. (Anne Roux/Courier)",
        "Barges wait at the lock. Photograph: Anne Roux",
        "FILE - A barge passes under a bridge in Lyon, France, on Jan. 4, 2024.",
    ],
)
def test_photo_caption_recognised_by_its_credit(caption):
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, caption, BODY_2])
    assert kinds[2] == BlockKind.CAPTION


@pytest.mark.parametrize("credit", ["Image source, Anne Roux", "Photo: Anne Roux/River Post", "(Wire Photo/Anne Roux)"])
def test_photo_credit_standing_alone(credit):
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, credit, BODY_2])
    assert (kinds[2], reasons[2]) == (BlockKind.CAPTION, "photo credit")


def test_image_caption_label_starts_a_caption():
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, "Image caption, Barges wait at a lock near Lyon", BODY_2])
    assert kinds[2] == BlockKind.CAPTION


def test_paragraph_with_a_parenthesis_is_not_a_caption():
    text = "The authority (which runs 14 locks) said levels would recover by May."
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, text])
    assert kinds[2] == BlockKind.BODY


@pytest.mark.parametrize("label", ["Share", "Share this article", "Facebook Twitter Email", "Print"])
def test_share_labels(label):
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, label, BODY_2])
    assert (kinds[2], reasons[2]) == (BlockKind.BOILERPLATE, "share buttons")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Advertisement", "advertisement label"),
        ("Story continues below advertisement", "advertisement label"),
        ("READ MORE: Canal tolls rise for the first time in a decade", "link to another story"),
        ("© 2025 The River Post. All rights reserved.", "copyright notice"),
        ("4 min read", "reading time or audio label"),
        ("More:", "heading of links to other stories"),
        ("You may also like...", "heading of links to other stories"),
        ("[Related: Canal tolls rise for the first time]", "link to another story"),
        ("Morning Briefing Newsletter", "app or newsletter plug"),
        ("Have a tip? Claire Dubois can be reached at claire@riverpost.example.", "contact details"),
        ("Media contact: Jean Roux, River Authority", "contact details"),
        ("SOURCE: news agencies", "source line"),
        ("FOR IMMEDIATE RELEASE", "press-release label"),
    ],
)
def test_other_labels(text, reason):
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, text, BODY_2])
    assert (kinds[2], reasons[2]) == (BlockKind.BOILERPLATE, reason)


def test_trailing_list_of_other_posts_with_relative_times():
    tail = [
        "Latest Stories",
        "Ferry fares rise on the lake",
        "Passengers will pay more from April after the operator…",
        "2 hours ago",
        "New bridge opens in Grenoble",
        "The crossing took four years to build and…",
        "1 day ago",
    ]
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, *tail])
    assert kinds[:3] == [BlockKind.TITLE, BlockKind.BODY, BlockKind.BODY]
    assert kinds[3:] == [BlockKind.BOILERPLATE] * len(tail)
    assert set(reasons[3:]) == {"list of other posts"}


def test_trailing_list_without_a_label_starts_at_the_first_headline():
    tail = ["Ferry fares rise on the lake", "3 hours ago", "New bridge opens in Grenoble", "5 hours ago"]
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, *tail])
    assert kinds[2] == BlockKind.BODY
    assert kinds[3:] == [BlockKind.BOILERPLATE] * 4


def test_trailing_list_with_teasers_written_as_full_sentences():
    tail = [
        "Ferry fares rise on the lake",
        "Passengers will pay more from April.",
        "3 hours ago",
        "New bridge opens in Grenoble",
        "The crossing took four years to build.",
        "Yesterday",
    ]
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, *tail])
    assert kinds[:3] == [BlockKind.TITLE, BlockKind.BODY, BlockKind.BODY]
    assert kinds[3:] == [BlockKind.BOILERPLATE] * len(tail)


def test_list_at_the_end_of_the_article_itself_is_body():
    tail = ["Top tips", "Check the lock times", "Carry spare fuel", "Call the harbour master"]
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, *tail])
    assert BlockKind.BOILERPLATE not in kinds


@pytest.mark.parametrize("label", ["Related", "Most Read", "More from Lyon", "Latest Stories", "Recent Posts"])
def test_list_labels(label):
    tail = [label, "Ferry fares rise on the lake", "New bridge opens in Grenoble"]
    _, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, *tail])
    assert kinds[3:] == [BlockKind.BOILERPLATE] * 3 and reasons[3] == "list of other posts"


def test_short_line_of_ordinary_words_is_not_share_buttons():
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, "More on this", BODY_2])
    assert kinds[2] != BlockKind.BOILERPLATE


def test_article_ending_in_a_short_line_has_no_list():
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, "More to come"])
    assert BlockKind.BOILERPLATE not in kinds


def test_byline_gives_author_and_date_line_is_a_dateline():
    result, kinds, _ = kinds_of(
        ["River levels fall in Lyon", "By Claire Dubois, River Post", "Updated Feb. 3, 2025 at 9:14 a.m. EST", BODY_1]
    )
    assert kinds == [BlockKind.TITLE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.BODY]
    assert result.author == "Claire Dubois"


def test_tag_line_at_the_foot_is_boilerplate_but_not_the_category():
    result, kinds, reasons = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, "Tags: rivers | drought | Lyon"])
    assert (kinds[-1], reasons[-1]) == (BlockKind.BOILERPLATE, "category or tag line")
    assert result.category == ""


def test_reporting_credit_at_the_foot_is_a_byline():
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, BODY_2, "(Reporting by Claire Dubois; Editing by Jean Roux)"])
    assert kinds[-1] == BlockKind.BYLINE


@pytest.mark.parametrize(
    "line",
    [
        "Feb 27, 2023 / 10:15 AM EST",
        "Mon 27 Feb 2023 09.00 GMT",
        "Updated: 5 March 2025",
        "February 27, 2023 at 10:15 a.m. ET",
        "LYON, France — March 4, 2025",
    ],
)
def test_date_lines_are_datelines(line):
    _, kinds, _ = kinds_of(["River levels fall in Lyon", line, BODY_1])
    assert kinds[1] == BlockKind.DATELINE


def test_sentence_with_a_date_is_not_a_dateline():
    _, kinds, _ = kinds_of(["River levels fall in Lyon", BODY_1, "The locks reopened on March 4, 2025 after repairs"])
    assert kinds[2] != BlockKind.DATELINE


def test_dek_under_the_title_and_heading_between_paragraphs():
    _, kinds, _ = kinds_of(
        [
            "River levels fall in Lyon",
            "Barge operators count the cost of the driest winter in twenty years",
            BODY_1,
            BODY_2,
            "Locks stay open",
            BODY_3,
        ]
    )
    assert kinds == [
        BlockKind.TITLE,
        BlockKind.DEK,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.HEADING,
        BlockKind.BODY,
    ]


def test_hints_from_the_file_are_honoured():
    paras = [
        Paragraph("River levels fall in Lyon", "title"),
        Paragraph(BODY_1),
        Paragraph("We have enough water for now.", "quote"),
        Paragraph("Locks", "heading"),
        Paragraph(BODY_2),
    ]
    _, kinds, _ = kinds_of(paras, fmt="md")
    assert kinds == [BlockKind.TITLE, BlockKind.BODY, BlockKind.QUOTE, BlockKind.HEADING, BlockKind.BODY]


def test_web_pages_are_cleaned_conservatively():
    paras = [
        Paragraph("River levels fall in Lyon", "title"),
        Paragraph("Barge operators count the cost"),  # would be a dek in plain text
        Paragraph(BODY_1),
        Paragraph("LOCKS AND WEIRS ALONG THE RHONE", "heading"),  # a heading set in capitals
        Paragraph(BODY_2),
        Paragraph("Short line"),  # would be a heading in plain text
        Paragraph(BODY_3),
        Paragraph("CLICK HERE TO GET THE RIVER POST APP"),
    ]
    _, kinds, _ = kinds_of(paras, fmt="html", title="River levels fall in Lyon | River Post")
    assert kinds == [
        BlockKind.TITLE,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.HEADING,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.BOILERPLATE,
    ]


def test_metadata_title_marks_the_repeated_headline():
    paras = [Paragraph("River levels fall in Lyon"), Paragraph(BODY_1)]
    _, kinds, _ = kinds_of(paras, fmt="html", title="River levels fall in Lyon | River Post")
    assert kinds == [BlockKind.TITLE, BlockKind.BODY]


def test_all_text_is_kept_only_the_marks_differ():
    paras = ["Categories: Business", "River levels fall in Lyon", "close Video", BODY_1, "Share"]
    article = build_article(Document("x.txt", "txt", tuple(Paragraph(p) for p in paras)))
    for p in paras:
        assert p in article.text
    assert [article.text[b.start : b.end] for b in article.blocks] == paras
    assert article.body_text == BODY_1


def test_rules_name_no_outlet():
    source = (Path(__file__).resolve().parent.parent / "desktop" / "core" / "ingest" / "clean.py").read_text()
    for outlet in ("Fox", "CNN", "Reuters", "AP Photo", "Harbour", "BBC"):
        assert outlet not in source


def test_sample_scrape_is_cleaned_as_its_readme_says():
    from desktop.core.ingest.load import load_file

    (article,) = load_file(SAMPLES / "harbour-wire.txt")
    assert article.title == "Fuel spill closes Halifax shellfish beds after cargo ship runs aground"
    assert article.category == "Canada"
    assert article.author == "Tomas Lindqvist"
    shown = [(b.kind, article.text[b.start : b.end]) for b in article.blocks]
    body = [t for k, t in shown if k == BlockKind.BODY]
    assert len(body) == 10
    assert body[0].startswith("HALIFAX, Nova Scotia")
    assert body[-1].startswith("Salvage teams plan")
    captions = [t for k, t in shown if k == BlockKind.CAPTION]
    assert captions == [
        "The MV Saltmarsh Dawn sits aground near McNabs Island at the entrance to Halifax Harbour "
        "on March 4, 2025. (Harbour Wire Photo/Lena Marsh)"
    ]
    reasons = {article.text[b.start : b.end]: b.reason for b in article.blocks if b.kind == BlockKind.BOILERPLATE}
    assert reasons["FERRY SERVICE SUSPENDED AS WINTER STORM BATTERS ATLANTIC COAST"] == "promo headline in capitals"
    assert reasons["CLICK HERE TO GET THE HARBOUR WIRE APP"] == "app or newsletter plug"
    assert reasons["close Video"] == "video label"
    assert reasons["Share"] == "share buttons"
    assert reasons["1 day ago"] == "list of other posts"
    for leftover in ("CLICK HERE", "Recent Posts", "hours ago", "close Video", "Categories"):
        assert leftover not in article.body_text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINES = st.sampled_from(
    [BODY_1, BODY_2, BODY_3, "Share", "3 hours ago", "Recent Posts", "CLICK HERE TO GET THE APP", "close Video",
     "Categories: World", "By Ann Lee", "March 4, 2025", "A short line", "PROMO HEADLINE IN BIG CAPITAL LETTERS",
     "Teaser cut short\u2026", "A caption. (Photo: Ann Lee)", "", "   ", "(", "\u2014"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=25), st.sampled_from(["txt", "html", "md"]))
def test_every_paragraph_gets_a_kind_and_all_text_is_kept(lines, fmt):
    paras = tuple(Paragraph(t) for t in lines)
    kept = [p for p in paras if p.text.strip()]
    result = clean(Document("x", fmt, paras), kept)
    assert len(result.kinds) == len(kept)
    for kind, reason in result.kinds:
        assert isinstance(kind, BlockKind)
        assert kind != BlockKind.BOILERPLATE or reason
    article = build_article(Document("x", fmt, paras))
    assert [article.text[b.start : b.end] for b in article.blocks] == [p.text.strip() for p in kept]


def test_single_spaced_is_the_split_words_joined():
    """text.single_spaced keeps a text as it is when `isprintable` shows it single-spaced already: that
    holds only because no whitespace but the space is printable, which every code point confirms."""
    import random
    import sys

    from desktop.core.ingest.text import single_spaced

    assert not [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " " and c.isprintable()]
    rnd = random.Random(3)
    pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\u2028", "\u201c", "\u00ad", "."]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert single_spaced(text) == " ".join(text.split()), repr(text)


def test_capitals_counted_as_bytes_match_the_unicode_tests():
    import random

    from desktop.core.ingest import clean as c

    rnd = random.Random(5)
    for _ in range(5000):
        text = "".join(rnd.choice("AZaz09 .!?-'\"ÉéßΣσ") for _ in range(rnd.randint(0, 40)))
        upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
        assert c._is_capitals(text) == (upper + lower >= 12 and upper >= 0.9 * (upper + lower)), repr(text)


def test_credit_test_agrees_with_line_kind():
    """clean.py asks `boilerplate.is_credit` where it asked `line_kind(text) == "credit"`."""
    import random

    from desktop.core.ingest import boilerplate

    table = boilerplate.phrases()
    starts = sorted(table["credit"] | table["prefix"] | table["plug"]) + ["(", "[", "", "Photo", "word"]
    rnd = random.Random(7)
    words = ["Anna", "Reed", "dpa", ":", "-", "»", "AFP", "newsletter", "the", "a"]
    seen = 0
    for _ in range(20000):
        start = rnd.choice(starts)
        text = (rnd.choice(["", "(", "["]) + (start.title() if rnd.random() < 0.5 else start)
                + rnd.choice(["", " ", ": ", " - ", " » "]) + " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 34))))
        expected = boilerplate.line_kind(text) == "credit"
        seen += expected
        assert boilerplate.is_credit(text) == expected, repr(text)
    assert seen > 1000  # the credit lines themselves were tried, not only other lines


def test_credit_search_skips_only_where_the_credit_pattern_finds_nothing():
    import random

    from desktop.core.ingest import clean as c

    rnd = random.Random(13)
    pieces = ["Photo", "photos", "PICTURE", "image", "Credit", "illustration", " by ", ": ", " ", "  ", ".", "..", "(",
              ")", "Jane Doe", "AP", "Reuters/", "Getty Images", "the mayor said", ",", "\u0130", "\u212a", "\n", "x"]
    for _ in range(30000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        found = c._CREDIT_RE.search(text)
        fast = c._credit_search(text)
        assert (fast is None) == (found is None), repr(text)
        assert fast is None or fast.span() == found.span(), repr(text)
