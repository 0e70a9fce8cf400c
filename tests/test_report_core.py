"""The report's content and HTML, built in the core without Qt: structure, escaping, atomic writes."""

from __future__ import annotations

import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.compare.model import Op
from desktop.core.report import PRINT_PALETTE, ReportWriteError, build_report, report_html, write_atomically
from desktop.core.report.model import CHANGED, INSERTED, MOVED, STRONG
from test_report_support import HERALD, WIRE, hand_comparison, sample_comparison

NASTY = (
    'Officials said <img src="file:///etc/hostname"> was attached.\n\n'
    'Read more at <a href="https://example.com/x">this link</a> today.\n\n'
    "<style>body { display: none }</style> The council met on Monday.\n\n"
    "A stray </table></td> closed nothing at all."
)
NASTY_PIECES = (
    '<img src="file:///etc/hostname">',
    '<a href="https://example.com/x">',
    "<style>body { display: none }</style>",
    "A stray </table></td> closed",
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "p", "h1", "h2", "h3", "table", "thead", "tr", "th", "td",
    "span", "b", "br",
}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.style if self._in_style else self.text).append(data)


def parse(html: str) -> TagCollector:
    p = TagCollector()
    p.feed(html)
    p.close()
    return p


def nasty_comparison():
    left = article_from_text(NASTY, path="nasty.txt", title="<b>Bold</b> & <script>alert(1)</script>")
    right = article_from_text(NASTY.replace("Monday", "Tuesday"), path="nasty-b.txt", title="Plain title")
    return compare(left, right)


# ---- structure -------------------------------------------------------------------------------


def test_report_carries_both_headers_and_summary_figures():
    c = sample_comparison()
    r = build_report(c)
    assert r.left.side == "A" and r.right.side == "B"
    assert r.left.title.startswith("Fuel spill closes") and r.right.title.startswith("Shellfish harvest halted")
    assert r.left.file_name == "harbour-wire.txt"
    assert "/stories" not in report_html(r)  # file names only, never the reader's folders
    assert r.left.sha256 == c.left.sha256 and len(r.left.sha256) == 64
    labels = [f.label for f in r.figures]
    assert labels[:3] == ["Similarity", "A found in B", "B found in A"]
    assert r.figures[0].value == f"{c.stats.similarity * 100:.0f}%"
    assert f"{c.stats.words_added:,} added" in r.figures[3].value


def test_classes_are_ordered_by_significance_with_examples():
    r = build_report(sample_comparison())
    names = [cs.cls for cs in r.classes]
    assert names[0] == "figure"  # 14 -> 16 and 1,200 -> 1,300 come first
    figures = r.classes[0]
    assert ("14", "16") in figures.examples
    assert figures.count == sum(1 for ch in sample_comparison().changes if ch.cls == "figure")


def test_discrepancies_keep_order_and_mark_the_value_in_its_sentence():
    c = sample_comparison()
    r = build_report(c)
    assert [d.left_value for d in r.discrepancies] == [d.left_text for d in c.discrepancies]
    first = r.discrepancies[0]
    marked = [run.text for run in first.left_context if run.mark == "value"]
    assert marked == ["14"]
    assert "".join(run.text for run in first.left_context).startswith("HALIFAX, Nova Scotia")


def test_entities_that_differ_come_first_and_shared_ones_are_listed_briefly():
    r = build_report(sample_comparison())
    statuses = [e.status for e in r.entities]
    assert statuses == sorted(statuses, key=["conflict", "variant", "left", "right"].index)
    assert "both" not in statuses
    shared = dict(r.shared)
    assert "Colm Brennan" in shared["person"]


def test_quotes_pair_by_wording_and_flag_altered_words():
    r = build_report(sample_comparison())
    by_speaker = {q.speaker: q for q in r.quotes}
    rasheed = by_speaker["Amira Rasheed"]
    assert rasheed.status == "altered"
    assert [run.text for run in rasheed.right if run.mark == INSERTED] == ["single"]
    assert "Amira Rashid" in rasheed.note  # the speaker is spelled differently in B
    assert by_speaker["Colm Brennan"].status == "same"


def test_body_holds_every_sentence_once_with_word_and_move_marks():
    c = sample_comparison()
    r = build_report(c)
    left_sentences = [s for row in r.body for s in row.left]
    right_sentences = [s for row in r.body for s in row.right]
    assert len(left_sentences) == sum(p.left is not None for p in c.sentences)
    assert len(right_sentences) == sum(p.right is not None for p in c.sentences)
    # A one-letter change shows the letter: Rasheed -> Rashid marks "ee"/"i" as strong inside the word.
    strong = [run.text for s in left_sentences for run in s.runs if run.mark == STRONG]
    assert "ee" in strong
    changed = [run.text for s in right_sentences for run in s.runs if run.mark in (CHANGED, STRONG)]
    assert "3" in "".join(changed)  # 1,200 -> 1,300
    moved = [s for s in left_sentences + right_sentences if s.op == Op.MOVED]
    assert len(moved) == 2 and moved[0].marker.startswith("M1") and moved[1].marker.startswith("M1")
    assert {moved[0].marker[-1], moved[1].marker[-1]} == {"↓", "↑"}
    assert all(run.mark in (MOVED, "") or run.mark for s in moved for run in s.runs)


@pytest.mark.parametrize("context", [0, 1, 2])
def test_changes_only_keeps_context_and_counts_what_it_leaves_out(context):
    c = sample_comparison()
    full = build_report(c)
    short = build_report(c, changes_only=True, context=context)
    kept = sum(len(row.left) + len(row.right) for row in short.body)
    total = sum(len(row.left) + len(row.right) for row in full.body)
    skipped = sum(row.skipped for row in short.body)
    assert kept <= total
    # Every piece is either shown or counted in a gap.
    shown_pieces = len(c.sentences) - skipped
    expected = [False] * len(c.sentences)
    for i, p in enumerate(c.sentences):
        if p.op != Op.EQUAL:
            for k in range(max(0, i - context), min(len(c.sentences), i + context + 1)):
                expected[k] = True
    assert shown_pieces == sum(expected)
    if sum(expected) < len(expected):
        assert kept < total and any(row.skipped for row in short.body)


def test_identical_articles_report_no_changes():
    a = article_from_text(WIRE, path="a.txt")
    b = article_from_text(WIRE, path="b.txt")
    r = build_report(hand_comparison(a, b, extraction=False), changes_only=True, context=1)
    assert r.classes == ()
    assert all(row.skipped for row in r.body)
    html = report_html(r)
    assert "No labelled changes" in html and "Not computed for this comparison." in html


# ---- HTML: self-contained and safe -----------------------------------------------------------------


def test_html_is_self_contained():
    html = report_html(build_report(sample_comparison()))
    doc = parse(html)
    tags = {t for t, _ in doc.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attrs in doc.tags:
        assert not {"src", "href", "srcset", "action", "data", "poster"} & set(attrs), (tag, attrs)
        assert "style" not in attrs  # only the one fixed stylesheet styles anything
    style = "".join(doc.style)
    for banned in ("url(", "@import", "http:", "https:", "file:"):
        assert banned not in style
    assert "Shellfish harvest halted" in "".join(doc.text)


def test_article_text_cannot_inject_markup_style_or_resources():
    r = build_report(nasty_comparison())
    for target in ("browser", "qt"):
        html = report_html(r, target=target)
        for piece in NASTY_PIECES + ("<script>", "<b>Bold</b>"):
            assert piece not in html
        assert html.count("<style>") == 1  # the report's own
        assert "&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in html
        assert "&lt;/table&gt;&lt;/td&gt;" in html
        assert "&lt;style&gt;body { display: none }&lt;/style&gt;" in html
        doc = parse(html)
        assert {t for t, _ in doc.tags} <= ALLOWED_TAGS
        assert sum(1 for t, _ in doc.tags if t == "style") == 1
        text = "".join(doc.text)
        for piece in NASTY_PIECES:  # shown to the reader as the literal characters
            assert piece in text


def test_palette_cannot_inject_css():
    r = build_report(sample_comparison())
    html = report_html(r, palette={"inserted": "red;}</style><img src=x>", "deleted": "#123456", "bogus": "#000000"})
    assert "</style><img" not in html
    assert "#123456" in html
    assert PRINT_PALETTE["inserted"] in html


# ---- atomic writes --------------------------------------------------------------------------------


def test_write_atomically_replaces_the_whole_file(tmp_path):
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    write_atomically(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # readable like any document


def test_write_into_a_missing_folder_says_so_and_writes_nothing(tmp_path):
    target = tmp_path / "missing" / "report.pdf"
    with pytest.raises(ReportWriteError) as info:
        write_atomically(target, b"%PDF")
    assert "does not exist" in info.value.reason and "missing" in str(info.value)
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_write_into_a_read_only_folder_says_so_and_leaves_nothing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReportWriteError) as info:
            write_atomically(folder / "report.pdf", b"%PDF")
        assert "cannot be written" in info.value.reason
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_failure_during_write_removes_the_temporary_file(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ReportWriteError) as info:
        write_atomically(tmp_path / "r.pdf", b"%PDF-1.4")
    assert info.value.reason == "the disk is full"
    assert list(Path(tmp_path).iterdir()) == []


def test_sample_texts_are_the_projects_own():
    # The hand-built pair must stay in step with the herald variant used above.
    assert "Rashid" in HERALD and "Rasheed" in WIRE


def test_sentences_that_moved_together_share_one_label_on_the_samples(samples_dir):
    from collections import Counter

    from desktop.core.ingest.load import load_file

    c = compare(load_file(samples_dir / "harbour-wire.txt")[0], load_file(samples_dir / "harbour-herald.html")[0])
    r = build_report(c)
    sentences = [s for row in r.body for s in row.left + row.right]
    moved = [s for s in sentences if s.op == Op.MOVED]
    labels = [s.marker for s in sentences if s.marker]
    by_move = Counter(label.split()[0] for label in labels)
    assert by_move and all(n == 2 for n in by_move.values())  # each move labelled at both ends
    for move in by_move:
        assert sorted(lab[-1] for lab in labels if lab.split()[0] == move) == ["↑", "↓"]
    assert len(moved) > len(labels)  # the two-sentence Brennan paragraph is one move, not two
