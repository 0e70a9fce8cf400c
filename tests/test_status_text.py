"""The status line's word counts say what changed, so one change never reads as none."""

from desktop.core.compare import compare
from desktop.core.compare.model import Options
from desktop.core.ingest.load import load_text
from desktop.ui.toolbars import stats_text

TEXT = """Ports agree on storm warnings

Harbour authorities from six countries signed an international pact on Tuesday to share storm warnings.
"""


def test_the_status_line_counts_a_changed_word_so_one_change_never_reads_as_none():
    edited = TEXT.replace("international pact", "intercontinental pact")
    c = compare(load_text(TEXT, "a.txt"), load_text(edited, "b.txt"), Options())
    assert c.stats.words_added == c.stats.words_removed == 0 and c.stats.words_changed == 1
    assert "+0 / −0 words, 1 changed" in stats_text(c)
