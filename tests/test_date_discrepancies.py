"""Date discrepancies a reader would agree with, on texts written for these tests: a weekday changed
in a sentence that tells the same thing is one; two days for two events of one story are not."""

from __future__ import annotations

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.entities.model import DiscrepancyKind

STORY = ("Ferry talks speed up\n\n"
         "The port authorities of Halden and Varne agreed on Monday to speed up talks on a shared ferry "
         "timetable as both towns vowed to cut waiting times at the docks.\n\n"
         "Harbour master Ines Kolb told the council on Monday that the new berths would open in the spring.\n\n"
         "The two towns first discussed a shared timetable in 2019.\n")


def _dates(a: str, b: str) -> list[tuple[str, str]]:
    c = compare(article_from_text(a, path="a.txt"), article_from_text(b, path="b.txt"))
    return [(d.left_text, d.right_text) for d in c.discrepancies if d.kind == DiscrepancyKind.DATE]


def test_a_changed_weekday_in_the_same_sentence_is_a_date_discrepancy():
    changed = STORY.replace("agreed on Monday", "agreed on Tuesday")
    # "Monday" is still in the other article (the council meeting): the day changed in one sentence
    assert _dates(STORY, changed) == [("Monday", "Tuesday")]


def test_a_changed_weekday_counts_with_the_same_publication_date():
    dated = STORY.replace("Ferry talks speed up\n\n", "Ferry talks speed up\n\nPublished March 4, 2025\n\n")
    assert _dates(dated, dated.replace("agreed on Monday", "agreed on Tuesday")) == [("Monday", "Tuesday")]


def test_two_events_of_one_story_on_two_days_are_not_a_discrepancy():
    fox = ("Harbour chief pressed to explain\n\n"
           "Council members kept up pressure on harbour chief Rolf Dahl on Sunday to explain his claim that the "
           "sea wall is \u201ca project of the mayor\u2019s choosing\u201d and may never be finished.\n")
    post = ("Harbour chief criticised\n\n"
            "Several engineers offered swift, harsh reactions to Rolf Dahl on Friday, after the harbour chief was "
            "recorded saying that the sea wall is a largely unfinishable project of the mayor\u2019s choosing.\n")
    assert _dates(fox, post) == []


def test_a_sentence_naming_both_days_is_not_a_changed_day():
    a = "Ferry strike\n\nThe strike ran from Monday to Tuesday, the union said.\n"
    b = "Ferry strike\n\nThe strike ran from Tuesday to Wednesday, the union said, though it began on Monday.\n"
    assert ("Monday", "Tuesday") not in _dates(a, b)
