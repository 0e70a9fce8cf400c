"""Publication date: metadata, else a dateline, else the latest full date in the text."""

import pytest

from desktop.core.article import Document, Paragraph
from desktop.core.ingest.build import article_from_text, build_article
from desktop.core.ingest.published import find_dates, parse_metadata_date

BODY = "The ferry left Oslo on Tuesday with 300 passengers aboard, the operator said."


def article(paragraphs, published=""):
    paras = tuple(Paragraph(p) for p in paragraphs)
    return build_article(Document("x.txt", "txt", paras, published=published))


@pytest.mark.parametrize(
    "raw, value, precision",
    [
        ("2025-03-05", "2025-03-05", "day"),
        ("2025-03-05T11:15:00-04:00", "2025-03-05T11:15:00-04:00", "time"),
        ("2025-03-05T11:15:00Z", "2025-03-05T11:15:00+00:00", "time"),
        ("2025-03", "2025-03", "month"),
        ("2025", "2025", "year"),
        ("March 5, 2025", "2025-03-05", "day"),
        ("Wed, 5 Mar 2025 11:15:00 GMT", "2025-03-05", "day"),
    ],
)
def test_metadata_dates_keep_their_precision(raw, value, precision):
    found = parse_metadata_date(raw)
    assert (found.value, found.precision, found.origin) == (value, precision, "metadata")


def test_metadata_wins_over_dateline_and_text():
    art = article(["Ferry strike ends", "Published Jan. 9, 2024", "It began on Dec. 1, 2023. " + BODY], "2024-01-10")
    assert (art.published.value, art.published.origin) == ("2024-01-10", "metadata")


def test_unreadable_metadata_falls_back_to_the_dateline():
    art = article(["Ferry strike ends", "Published Jan. 9, 2024 at 7:40am AST", BODY], "not a date")
    assert (art.published.value, art.published.origin) == ("2024-01-09", "dateline")


def test_dateline_opening_the_first_paragraph():
    art = article(["Ferry strike ends", "OSLO, Norway, 9 January 2024 \u2014 " + BODY + " Talks began on Dec. 1, 2023."])
    assert (art.published.value, art.published.origin) == ("2024-01-09", "dateline")


def test_latest_full_date_in_the_text_when_nothing_else_says():
    art = article_from_text(
        "Ferry strike ends\n\nThe strike began on Dec. 1, 2023, and ended on Jan. 8, 2024.\n\n"
        "A first deal was struck on 3 January 2024."
    )
    assert (art.published.value, art.published.origin, art.published.precision) == ("2024-01-08", "text", "day")


def test_dates_in_boilerplate_do_not_count():
    art = article([
        "Ferry strike ends",
        "The strike began on Dec. 1, 2023.",
        "Recent Posts",
        "Bridge reopens after repairs finished on March 2, 2026",
        "2 hours ago",
        "Tram fares rise",
        "5 hours ago",
    ])
    assert art.published.value == "2023-12-01"


def test_no_date_without_day_month_and_year():
    art = article_from_text("Ferry strike ends\n\nThe strike ended on Tuesday. It began in January 2024. It may last.")
    assert art.published is None


def test_find_dates_spans_and_forms():
    text = "Signed Sept. 5, 2024, ratified 14th October 2024 and filed 2024-11-02; in May 2025 maybe."
    found = [(text[a:b], d.isoformat()) for a, b, d in find_dates(text)]
    assert found == [
        ("Sept. 5, 2024", "2024-09-05"),
        ("14th October 2024", "2024-10-14"),
        ("2024-11-02", "2024-11-02"),
    ]


def test_impossible_dates_are_skipped():
    assert find_dates("on February 30, 2024 and 2024-13-45") == []
