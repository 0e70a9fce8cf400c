"""The one owner of what the window shows: the pair or single article, the options, the
comparison and the state of the work for it.

Everything that shows or acts on the pair (article list marks, comparer, diff view, sidebar,
status bar, report actions) reads it from here and subscribes to `changed`; nobody keeps a
copy. Results of background work come back through `*_arrived` with the key they were made
for, and a result for a pair or option set no longer shown is dropped here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal

from desktop.core.article import Article
from desktop.core.compare.model import Comparison, Options

# What a `changed` emission says changed (a frozenset of these).
ARTICLES = "articles"  # which articles are shown (pair, single, nothing)
OPTIONS = "options"
COMPARISON = "comparison"  # the alignment arrived, or the whole comparison with entities
EXTRACTION = "extraction"  # the single article's entities arrived
WORK = "work"  # the state of the work for what is shown


class Work(Enum):
    IDLE = "idle"  # nothing shown, or all that is shown is complete
    COMPARING = "comparing"  # the alignment is on its way
    ENTITIES = "entities"  # the alignment is shown, the entities are on their way
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class PairKey:
    left: str
    right: str
    options: Options


class Session(QObject):
    changed = Signal(frozenset)  # what changed: ARTICLES, OPTIONS, COMPARISON, EXTRACTION, WORK

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._left: Article | None = None
        self._right: Article | None = None
        self._single: Article | None = None
        self._options = Options()
        self._comparison: Comparison | None = None
        self._complete = False
        self._extraction = None
        self._work = Work.IDLE
        self._reason = ""

    # --- reading -------------------------------------------------------------------------

    @property
    def left(self) -> Article | None:
        return self._left

    @property
    def right(self) -> Article | None:
        return self._right

    @property
    def single(self) -> Article | None:
        return self._single

    @property
    def options(self) -> Options:
        return self._options

    @property
    def comparison(self) -> Comparison | None:
        """The shown pair's comparison: the alignment first, the whole one once `complete`."""
        return self._comparison

    @property
    def complete(self) -> bool:
        return self._complete

    @property
    def extraction(self):
        """The single article's entities, once they arrived."""
        return self._extraction

    @property
    def work(self) -> Work:
        return self._work

    @property
    def reason(self) -> str:
        """Why the work failed, in plain words."""
        return self._reason

    def has_pair(self) -> bool:
        return self._left is not None and self._right is not None

    def key(self) -> PairKey | None:
        if self._left is None or self._right is None:
            return None
        return PairKey(self._left.id, self._right.id, self._options)

    def shown(self) -> list[Article]:
        """The shown articles, left then right, or the single one."""
        return [a for a in (self._left, self._right, self._single) if a is not None]

    def shown_ids(self) -> list[str]:
        return [a.id for a in self.shown()]

    # --- what the user asks for ----------------------------------------------------------

    def show_pair(self, left: Article, right: Article) -> None:
        if left.id == right.id:
            self.show_single(left)
            return
        same = self.key() == PairKey(left.id, right.id, self._options)
        self._left, self._right, self._single, self._extraction = left, right, None, None
        if same and self._work != Work.FAILED:
            self.changed.emit(frozenset({ARTICLES}))  # the same pair again (its objects may be fuller)
            return
        self._comparison, self._complete, self._reason = None, False, ""
        self._work = Work.COMPARING
        self.changed.emit(frozenset({ARTICLES, COMPARISON, WORK}))

    def show_single(self, article: Article) -> None:
        if self._single is not None and self._single.id == article.id and not self.has_pair():
            return
        self._left = self._right = None
        self._single, self._comparison, self._complete, self._extraction = article, None, False, None
        self._work, self._reason = Work.IDLE, ""
        self.changed.emit(frozenset({ARTICLES, COMPARISON, EXTRACTION, WORK}))

    def show(self, articles: list[Article]) -> None:
        """Show what was chosen: two articles as a pair, one alone; more or none change nothing."""
        if len(articles) == 2:
            self.show_pair(articles[0], articles[1])
        elif len(articles) == 1:
            self.show_single(articles[0])

    def set_side(self, side: str, article: Article) -> None:
        """Put `article` on one side; the article being read alone becomes the other side."""
        left, right = self._left, self._right
        if left is None and right is None and self._single is not None:
            left = right = self._single
        if side == "left":
            left = article
            if right is not None and right.id == article.id:
                right = self._left if self._left is not None and self._left.id != article.id else None
        else:
            right = article
            if left is not None and left.id == article.id:
                left = self._right if self._right is not None and self._right.id != article.id else None
        if left is not None and right is not None:
            self.show_pair(left, right)
        else:
            self.show_single(article)

    def swap(self) -> None:
        if self._left is not None and self._right is not None:
            self.show_pair(self._right, self._left)

    def set_options(self, options: Options) -> None:
        if options == self._options:
            return
        self._options = options
        if self.has_pair():
            self._comparison, self._complete, self._reason = None, False, ""
            self._work = Work.COMPARING
            self.changed.emit(frozenset({OPTIONS, COMPARISON, WORK}))
        else:
            self.changed.emit(frozenset({OPTIONS}))

    def clear(self) -> None:
        if not self.shown() and self._comparison is None:
            return
        self._left = self._right = self._single = None
        self._comparison, self._complete, self._extraction = None, False, None
        self._work, self._reason = Work.IDLE, ""
        self.changed.emit(frozenset({ARTICLES, COMPARISON, EXTRACTION, WORK}))

    def replace_article(self, old_id: str, article: Article) -> None:
        """A shown article's file changed on disk and was read again: show the new text."""
        if self._single is not None and self._single.id == old_id:
            self.show_single(article)
        elif self._left is not None and self._left.id == old_id and self._right is not None:
            self.show_pair(article, self._right)
        elif self._right is not None and self._right.id == old_id and self._left is not None:
            self.show_pair(self._left, article)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Show a finished comparison as it is (a standalone view, a restored report)."""
        if comparison is None:
            self.clear()
            return
        self._left, self._right, self._single, self._extraction = comparison.left, comparison.right, None, None
        self._options = comparison.options
        self._comparison, self._complete, self._work, self._reason = comparison, True, Work.IDLE, ""
        self.changed.emit(frozenset({ARTICLES, OPTIONS, COMPARISON, WORK}))

    # --- results of background work (dropped unless they are for what is shown) ---------

    def alignment_arrived(self, key: PairKey, comparison: Comparison) -> bool:
        if key != self.key() or self._complete:
            return False
        self._comparison, self._work = comparison, Work.ENTITIES
        self.changed.emit(frozenset({COMPARISON, WORK}))
        return True

    def comparison_arrived(self, key: PairKey, comparison: Comparison) -> bool:
        if key != self.key():
            return False
        self._comparison, self._complete, self._work = comparison, True, Work.IDLE
        self.changed.emit(frozenset({COMPARISON, WORK}))
        return True

    def comparison_failed(self, key: PairKey, reason: str) -> bool:
        if key != self.key():
            return False
        self._work, self._reason = Work.FAILED, reason
        self.changed.emit(frozenset({WORK}))
        return True

    def extraction_arrived(self, article_id: str, extraction) -> bool:
        if self._single is None or self._single.id != article_id:
            return False
        self._extraction = extraction
        self.changed.emit(frozenset({EXTRACTION}))
        return True
