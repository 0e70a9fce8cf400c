"""One quote pairing: the report, the sidebar, the JSON and the discrepancies read the pairs the
Comparison carries, so they agree on every quote (texts written for the project)."""

from __future__ import annotations

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.compare.model import comparison_json
from desktop.core.entities.model import DiscrepancyKind, MatchStatus
from desktop.core.entities.quote_pairs import comparable
from desktop.core.ingest.load import load_file
from desktop.core.report.model import build_report
from desktop.core.resources import resource_path
from desktop.ui.sidebar.rows import Group, comparison_rows


def _report_verdicts(c) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    out = []
    for row in build_report(c).quotes:
        left = comparable(" ".join(r.text for r in row.left))
        right = comparable(" ".join(r.text for r in row.right))
        out.append((left, right, row.status))
    return sorted(out)


def _sidebar_verdicts(c) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """What the sidebar's quote rows say, in the report's words."""
    out = []
    for row in comparison_rows(c, c.quotes)[Group.QUOTES]:
        p = row.quote
        left = comparable(p.left.text) if p.left else ()
        right = comparable(p.right.text) if p.right else ()
        if row.status == MatchStatus.LEFT:
            verdict = "only in A"
        elif row.status == MatchStatus.RIGHT:
            verdict = "only in B"
        elif row.status_text.startswith("Worded"):
            verdict = "altered"
        elif "quoted in part" in row.status_text or (row.status_text == "Attributed differently" and left != right):
            verdict = "in part"
        else:
            verdict = "same"
        out.append((left, right, verdict))
    return sorted(out)


def _agree(c) -> None:
    report, sidebar = _report_verdicts(c), _sidebar_verdicts(c)
    assert report == sidebar
    js = comparison_json(c)["quotes"]
    assert len(js) == len(c.quotes) == len(report)


def test_report_and_sidebar_agree_on_every_quote_of_the_sample_pair():
    wire = load_file(resource_path("samples", "harbour-wire.txt"))[0]
    herald = load_file(resource_path("samples", "harbour-herald.html"))[0]
    c = compare(wire, herald)
    assert c.quotes, "the sample pair quotes people"
    _agree(c)
    # The quote discrepancies are the pairs whose words changed or whose speaker did.
    flagged = {(d.left.start, d.right.start) for d in c.discrepancies if d.kind == DiscrepancyKind.QUOTE}
    conflicts = {(p.left.start, p.right.start) for p in c.quotes
                 if p.left and p.right and (p.wording == "altered") != p.reattributed}
    assert flagged == conflicts


SHORT_A = ("Ministers agree on sea lanes\n\n"
           "Foreign Minister Ilse Tamm said the two navies would keep the strait \u201cfree and open\u201d for "
           "shipping, and that talks would resume in the spring.\n\n"
           "\u201cWe have agreed to share what our patrols see,\u201d Tamm said on Monday.\n")
SHORT_B = ("Ministers agree to share patrol data\n\n"
           "The two navies will keep the strait \u201cfree and open\u201d for shipping, Foreign Minister Ilse Tamm "
           "said, adding that talks would resume in the spring.\n\n"
           "\u201cWe have agreed to share what our patrols see,\u201d Tamm said on Monday.\n")


def test_a_short_identical_quote_by_the_same_speaker_is_in_both_everywhere():
    c = compare(article_from_text(SHORT_A, path="a.txt"), article_from_text(SHORT_B, path="b.txt"))
    short = [p for p in c.quotes if p.text == "free and open"]
    assert len(short) == 1 and short[0].left and short[0].right and short[0].wording == "same"
    assert short[0].left.speaker == short[0].right.speaker == "Ilse Tamm"  # credited on both sides
    rows = [r for r in build_report(c).quotes if "free and open" in " ".join(x.text for x in r.left + r.right)]
    assert [r.status for r in rows] == ["same"]
    _agree(c)
    assert not [d for d in c.discrepancies if d.kind == DiscrepancyKind.QUOTE]


def test_pairs_survive_replacing_the_comparison_as_the_window_does():
    from dataclasses import replace

    a, b = article_from_text(SHORT_A, path="a.txt"), article_from_text(SHORT_B, path="b.txt")
    whole = compare(a, b)
    aligned = compare(a, b, entities=False)
    assert aligned.quotes == ()
    rebuilt = replace(aligned, left_extraction=whole.left_extraction, right_extraction=whole.right_extraction,
                      entities=whole.entities, discrepancies=whole.discrepancies)
    assert rebuilt.quotes == whole.quotes
