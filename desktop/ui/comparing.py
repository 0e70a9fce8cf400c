"""Compare the chosen pair off the GUI thread in two parts, so highlights do not wait for entities.

The alignment (what the split view paints) and the entity part (what the sidebar lists)
do not depend on each other, so they are two jobs: the alignment first, shown the moment
it is ready, then the entities, and the whole Comparison follows. Every result is
cached — alignments per (left id, right id, options), extractions per article, entity
matches per pair — and results for a pair no longer wanted are kept in the cache but never
shown.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.article import Article
from desktop.core.comparison import Comparison, Options
from desktop.ui.workers import Tasks

CACHE_SIZE = 24  # comparisons per (left id, right id, options)
EXTRACTIONS = 64  # entity extractions per article
AFTER_PAINT_MS = 30  # the sidebar's work waits this long so the split view paints first
WARM_UP_AFTER_LOAD_MS = 1000  # a warm-up put off by a folder's listing starts this long after it


def align_pair(left: Article, right: Article, options: Options) -> Comparison:
    """The alignment and statistics alone (runs on a worker)."""
    from desktop.core.compare import compare

    return compare(left, right, options, entities=False)


def entity_part(left: Article, right: Article, left_ext, right_ext):
    """Extractions (the ones not cached yet) and the cross-article match (runs on a worker)."""
    from desktop.core.entities import extract, match

    left_ext = left_ext if left_ext is not None else extract(left)
    right_ext = right_ext if right_ext is not None else extract(right)
    matches, discrepancies = match(left, left_ext, right, right_ext)
    return left_ext, right_ext, tuple(matches), tuple(discrepancies)


def extract_one(article: Article):
    from desktop.core.entities import extract

    return extract(article)


def warm_up() -> None:
    """Load the entity rules and gazetteer once, before the first pair needs them (worker)."""
    from desktop.core.build import article_from_text
    from desktop.core.entities import extract

    extract(article_from_text("Officials in Halifax said on Monday, March 3, 2025, that 12 ships were delayed."))
    # The report actions are imported when the first whole comparison arrives (the window
    # enables Print and Export then): importing them here spares the GUI thread ~50 ms then.
    try:
        import desktop.ui.report.actions  # noqa: F401
    except ImportError:
        pass  # the window leaves the report actions off


def _bounded_put(cache: OrderedDict, key, value, size: int) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)


class PairComparer(QObject):
    alignment_ready = Signal(object)  # Comparison without entities, for the wanted pair
    comparison_ready = Signal(object)  # the whole Comparison, for the wanted pair
    extraction_ready = Signal(object, object)  # Article, Extraction (asked for by request_extraction)
    failed = Signal(str)  # why the wanted pair could not be compared
    entities_failed = Signal(str)  # the alignment stands; the entity part could not be made

    def __init__(self, tasks: Tasks, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._wanted: tuple | None = None
        self._articles: dict[tuple, tuple[Article, Article]] = {}
        self._aligned: OrderedDict[tuple, Comparison] = OrderedDict()
        self._whole: OrderedDict[tuple, Comparison] = OrderedDict()
        self._entities: OrderedDict[tuple, tuple] = OrderedDict()  # (left id, right id) -> matches
        self._extractions: OrderedDict[str, object] = OrderedDict()
        self._running: set[tuple] = set()
        self._warmed = False  # ("align", key) / ("entities", pair key) / ("extract", id)
        self._held = False  # a folder is loading: the warm-up waits (see hold)
        self._warm_wanted = False

    @property
    def waiting(self) -> bool:
        """True while the wanted pair is not complete."""
        return self._wanted is not None

    def request(self, left: Article, right: Article, options: Options) -> bool:
        """Ask for a pair; True when it was answered at once from the cache."""
        key = (left.id, right.id, options)
        self._wanted = key
        self._articles[key] = (left, right)
        whole = self._whole.get(key)
        if whole is not None:
            self._whole.move_to_end(key)
            self.alignment_ready.emit(whole)
            # The sidebar's turn comes after the split view has painted.
            QTimer.singleShot(AFTER_PAINT_MS, lambda k=key, c=whole: self._deliver_whole(k, c))
            return True
        aligned = self._aligned.get(key)
        if aligned is not None:
            self.alignment_ready.emit(aligned)
            QTimer.singleShot(AFTER_PAINT_MS, lambda a=left, b=right: self._start_entities(a, b))
        elif ("align", key) not in self._running:
            self._running.add(("align", key))
            self._tasks.submit(
                align_pair, left, right, options,
                on_result=lambda c, k=key: self._aligned_in(k, c),
                on_error=lambda exc, k=key: self._align_failed(k, exc),
            )
        return self._complete(key)

    def _start_entities(self, left: Article, right: Article) -> None:
        # Started once the alignment is in, not beside it: both are Python and share the GIL,
        # so running them together would only delay the highlights.
        pair = (left.id, right.id)
        if self._wanted is None or self._wanted[:2] != pair:
            return  # the reader has moved on
        if pair in self._entities:
            self._complete(self._wanted)
            return
        if ("entities", pair) in self._running:
            return
        self._running.add(("entities", pair))
        self._tasks.submit(
            entity_part, left, right, self._extractions.get(left.id), self._extractions.get(right.id),
            on_result=lambda result, p=pair: self._entities_in(p, result),
            on_error=lambda exc, p=pair: self._entities_failed(p, exc),
        )

    def warm_up(self) -> None:
        """Pay the entity extractor's one-off start (about 0.5 s) while the reader is idle."""
        if self._held:
            self._warm_wanted = True
            return
        if not self._warmed:
            self._warmed = True
            self._tasks.submit(warm_up, on_error=lambda exc: None)  # the real request reports errors

    def hold(self, held: bool) -> None:
        """Put the warm-up off while a folder lists its titles: its imports on a worker thread
        competed for the GIL with the listing, which stalled the window by up to half a second.
        A pair asked for meanwhile still loads what it needs."""
        self._held = held
        if not held and self._warm_wanted:
            self._warm_wanted = False
            # A moment later: the first read files are coming in then.
            QTimer.singleShot(WARM_UP_AFTER_LOAD_MS, self.warm_up)

    def cancel(self) -> None:
        """Nothing is wanted any more (a single article is shown, or nothing)."""
        self._wanted = None

    def extraction(self, article: Article):
        return self._extractions.get(article.id)

    def request_extraction(self, article: Article) -> None:
        if article.id in self._extractions or ("extract", article.id) in self._running:
            return
        self._running.add(("extract", article.id))
        self._tasks.submit(
            extract_one, article,
            on_result=lambda ext, a=article: self._extraction_in(a, ext),
            on_error=lambda exc, a=article: self._running.discard(("extract", a.id)),
        )

    # --- results, on the GUI thread ----------------------------------------------------

    def _aligned_in(self, key: tuple, aligned: Comparison) -> None:
        self._running.discard(("align", key))
        _bounded_put(self._aligned, key, aligned, CACHE_SIZE)
        if key == self._wanted:
            self.alignment_ready.emit(aligned)
            # Entities start once the highlights are painted: a worker running Python beside
            # the GUI thread would slow the painting down (they share the GIL).
            QTimer.singleShot(AFTER_PAINT_MS, lambda a=aligned.left, b=aligned.right: self._start_entities(a, b))

    def _entities_in(self, pair: tuple, result: tuple) -> None:
        self._running.discard(("entities", pair))
        left_ext, right_ext, matches, discrepancies = result
        _bounded_put(self._extractions, pair[0], left_ext, EXTRACTIONS)
        _bounded_put(self._extractions, pair[1], right_ext, EXTRACTIONS)
        _bounded_put(self._entities, pair, (matches, discrepancies), CACHE_SIZE)
        if self._wanted is not None and self._wanted[:2] == pair:
            self._complete(self._wanted)

    def _extraction_in(self, article: Article, extraction) -> None:
        self._running.discard(("extract", article.id))
        _bounded_put(self._extractions, article.id, extraction, EXTRACTIONS)
        self.extraction_ready.emit(article, extraction)

    def _complete(self, key: tuple) -> bool:
        aligned = self._aligned.get(key)
        entities = self._entities.get(key[:2])
        if aligned is None or entities is None:
            return False
        whole = replace(
            aligned,
            left_extraction=self._extractions.get(key[0]),
            right_extraction=self._extractions.get(key[1]),
            entities=entities[0],
            discrepancies=entities[1],
        )
        _bounded_put(self._whole, key, whole, CACHE_SIZE)
        if key == self._wanted:
            self._wanted = None
            self.comparison_ready.emit(whole)
        return True

    def _deliver_whole(self, key: tuple, whole: Comparison) -> None:
        if key == self._wanted:
            self._wanted = None
            self.comparison_ready.emit(whole)

    def _align_failed(self, key: tuple, exc: Exception) -> None:
        self._running.discard(("align", key))
        if key == self._wanted:
            self._wanted = None
            left, right = self._articles.get(key, (None, None))
            names = " and ".join(a.title or a.path for a in (left, right) if a is not None)
            self.failed.emit(f"comparing {names} failed ({type(exc).__name__}: {exc})")

    def _entities_failed(self, pair: tuple, exc: Exception) -> None:
        self._running.discard(("entities", pair))
        # The alignment still stands: complete the pair without entities rather than hang.
        _bounded_put(self._entities, pair, ((), ()), CACHE_SIZE)
        if self._wanted is not None and self._wanted[:2] == pair:
            self.entities_failed.emit(f"the people, places and figures could not be listed ({type(exc).__name__}: {exc})")
            self._complete(self._wanted)
