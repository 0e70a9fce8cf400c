"""Publication dates and relative dates that a reader would accept, on texts written for these tests:
a date the text names as history is not the article's, and relative dates never count from it."""

from __future__ import annotations

import datetime as dt
import json

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.entities import extract
from desktop.core.entities.dates import Reference, find_dates
from desktop.core.ingest.load import load_file

HISTORY = (
    "Harbour chief under fire\n\n"
    "The harbour chief drew sharp criticism on Friday after calling the sea wall \u201ca project of the "
    "mayor\u2019s choosing.\u201d\n\n"
    "The wall was begun after the storm of Oct. 29, 2002, which flooded the lower town. Critics said on "
    "Thursday that he had forgotten the storm. Last year the council doubled its budget.\n"
)


def _dates(text: str) -> dict[str, str]:
    ext = extract(article_from_text(text, path="dates.txt"))
    return {m.text: e.value for e in ext.entities if e.type == "date" for m in e.mentions}


def test_a_date_named_as_history_is_not_the_publication_date():
    assert article_from_text(HISTORY, path="history.txt").published is None


def test_relative_dates_do_not_count_from_a_date_in_the_past():
    dates = _dates(HISTORY)
    assert dates["Oct. 29, 2002"] == "2002-10-29"
    assert dates["Friday"] == "" and dates["Thursday"] == ""  # not the Friday before the storm
    assert "2001" not in dates.get("Last year", "")


def test_a_published_line_gives_the_date_and_the_latest_stamp_wins():
    text = ("Harbour chief under fire\n\nPublished March 2, 2010. Updated March 3, 2010.\n\n"
            "The wall was begun after the storm of Oct. 29, 2002. Critics spoke on Friday.\n")
    art = article_from_text(text, path="stamped.txt")
    assert (art.published.value, art.published.origin) == ("2010-03-03", "dateline")
    assert _dates(text)["Friday"] == "2010-02-26"


def test_a_date_line_and_a_print_note_are_the_articles():
    art = article_from_text("Ferry fares rise\n\nBy Ana Ruiz | April 7, 2011\n\nFares rose on Monday.\n", path="l.txt")
    assert art.published.value == "2011-04-07"
    art = article_from_text("Ferry fares rise\n\nFares rose on Monday.\n\nA version of this article appears in print "
                            "on April 8, 2011, on page A12.\n", path="p.txt")
    assert art.published.value == "2011-04-08"


def test_an_event_date_later_than_history_is_kept_when_nothing_places_news_by_weekday():
    art = article_from_text("Ferry strike ends\n\nThe strike began on Dec. 1, 2023, and ended on Jan. 8, 2024.\n")
    assert (art.published.value, art.published.origin) == ("2024-01-08", "text")
    art = article_from_text("Ferry strike ends\n\nThe strike of Dec. 1, 2003 is still remembered in 2024.\n")
    assert art.published is None  # a later year is named: the full date is history


def test_a_month_named_for_a_coming_election_is_the_coming_one():
    ref = Reference(dt.date(2010, 3, 15), "the publication date")

    def month(sentence: str) -> str:
        return [h.value for h in find_dates(sentence, 0, len(sentence), ref) if "November" in h.text][0]

    assert month("Republicans hope to take the House in the November election.") == "2010-11"
    assert month("Party leaders said the November vote would be close.") == "2010-11"
    assert month("Democrats lost the House in the November election.") == "2009-11"
    assert month("The mayor resigned in November.") == "2009-11"


def test_the_same_article_as_txt_and_as_json_compares_the_same(tmp_path):
    title, paragraphs = HISTORY.split("\n\n")[0], [p.strip() for p in HISTORY.split("\n\n")[1:]]
    (tmp_path / "a.txt").write_text(HISTORY, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": title, "date": "2010-07-02",
                                                 "body-paragraphs": [[p] for p in paragraphs]}), encoding="utf-8")
    txt, js = load_file(tmp_path / "a.txt")[0], load_file(tmp_path / "a.json")[0]
    c = compare(txt, js)
    assert c.stats.similarity == 1.0
    assert not [d for d in c.discrepancies if d.kind == "date"]


def test_a_photo_caption_dates_the_story_it_illustrates():
    text = ("Ministers agree on sea lanes\n\n"
            "The two ministers agreed on Monday to share what their patrols see.\n\n"
            "Foreign Minister Ilse Tamm, left, and her counterpart shake hands after their meeting at the "
            "harbour hall on March 6, 2023, in Varne. (Photo/Ana Ruiz)\n\n"
            "The pact was first proposed on June 2, 2019.\n")
    art = article_from_text(text, path="caption.txt")
    assert any(b.kind == "caption" for b in art.blocks)
    assert (art.published.value, art.published.origin) == ("2023-03-06", "caption")
    assert _dates(text)["Monday"] == "2023-03-06"
