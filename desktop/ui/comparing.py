"""Compare the chosen pair off the GUI thread in two parts, so highlights do not wait for entities.

The alignment (what the split view paints) and the entity part (what the sidebar lists)
do not depend on each other, so they are two jobs: the alignment first, shown the moment
it is ready, then the entities, and the whole Comparison follows. Every result is
cached — alignments per (left id, right id, options), extractions per article, entity
matches per pair — and results for a pair the session no longer shows are kept in the cache and dropped by
the session.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.article import Article
from desktop.core.compare.model import Comparison, Options
from desktop.ui.session import ARTICLES, OPTIONS, PairKey, Session
from desktop.ui.workers import TaskRunner

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
    from desktop.core.ingest.build import article_from_text
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
    """Keeps the session's pair compared: asks the runner when the session shows a new pair or
    options, and hands results back to the session, which drops what is no longer shown."""

    entities_failed = Signal(str)  # the alignment stands; the entity part could not be made

    def __init__(self, session: Session, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._tasks = tasks
        self._aligned: OrderedDict[PairKey, Comparison] = OrderedDict()
        self._whole: OrderedDict[PairKey, Comparison] = OrderedDict()
        self._entities: OrderedDict[tuple, tuple] = OrderedDict()  # (left id, right id) -> matches
        self._extractions: OrderedDict[str, object] = OrderedDict()
        self._running: set[tuple] = set()  # ("align", key) / ("entities", pair) / ("extract", id)
        self._warmed = False
        self._held = False  # a folder is loading: the warm-up waits (see hold)
        self._warm_wanted = False
        session.changed.connect(self._session_changed)

    def _session_changed(self, what: frozenset) -> None:
        if ARTICLES not in what and OPTIONS not in what:
            return
        session = self._session
        key = session.key()
        if key is not None:
            self._request(session.left, session.right, key)
        elif session.single is not None and session.extraction is None:
            self._request_extraction(session.single)

    def _request(self, left: Article, right: Article, key: PairKey) -> None:
        whole = self._whole.get(key)
        if whole is not None:
            self._whole.move_to_end(key)
            # Delivered from the event loop, never inside the session's own change signal.
            QTimer.singleShot(0, self, lambda k=key, c=whole: self._session.alignment_arrived(k, c))
            # The sidebar's turn comes after the split view has painted.
            QTimer.singleShot(AFTER_PAINT_MS, self, lambda k=key, c=whole: self._session.comparison_arrived(k, c))
            return
        aligned = self._aligned.get(key)
        if aligned is not None:
            QTimer.singleShot(0, self, lambda k=key, c=aligned: self._session.alignment_arrived(k, c))
            QTimer.singleShot(AFTER_PAINT_MS, self, lambda a=left, b=right, k=key: self._start_entities(a, b, k))
        elif ("align", key) not in self._running:
            self._running.add(("align", key))
            self._tasks.submit(
                align_pair, left, right, key.options,
                on_result=lambda c, k=key: self._aligned_in(k, c),
                on_error=lambda exc, k=key, a=left, b=right: self._align_failed(k, a, b, exc),
            )

    def _start_entities(self, left: Article, right: Article, key: PairKey) -> None:
        # Started once the alignment is in, not beside it: both are Python and share the GIL,
        # so running them together would only delay the highlights.
        if self._session.key() != key:
            return  # the reader has moved on
        pair = (key.left, key.right)
        if pair in self._entities:
            self._finish_pair(key)
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
            QTimer.singleShot(WARM_UP_AFTER_LOAD_MS, self, self.warm_up)

    def extraction(self, article: Article):
        return self._extractions.get(article.id)

    def _request_extraction(self, article: Article) -> None:
        found = self._extractions.get(article.id)
        if found is not None:
            QTimer.singleShot(0, self, lambda a=article.id, e=found: self._session.extraction_arrived(a, e))
            return
        if ("extract", article.id) in self._running:
            return
        self._running.add(("extract", article.id))
        self._tasks.submit(
            extract_one, article,
            on_result=lambda ext, a=article: self._extraction_in(a, ext),
            on_error=lambda exc, a=article: self._running.discard(("extract", a.id)),
        )

    # --- results, on the GUI thread ----------------------------------------------------

    def _aligned_in(self, key: PairKey, aligned: Comparison) -> None:
        self._running.discard(("align", key))
        _bounded_put(self._aligned, key, aligned, CACHE_SIZE)
        if self._session.alignment_arrived(key, aligned):
            # Entities start once the highlights are painted: a worker running Python beside
            # the GUI thread would slow the painting down (they share the GIL).
            QTimer.singleShot(AFTER_PAINT_MS, self, lambda a=aligned.left, b=aligned.right, k=key: self._start_entities(a, b, k))

    def _entities_in(self, pair: tuple, result: tuple) -> None:
        self._running.discard(("entities", pair))
        left_ext, right_ext, matches, discrepancies = result
        _bounded_put(self._extractions, pair[0], left_ext, EXTRACTIONS)
        _bounded_put(self._extractions, pair[1], right_ext, EXTRACTIONS)
        _bounded_put(self._entities, pair, (matches, discrepancies), CACHE_SIZE)
        key = self._session.key()
        if key is not None and (key.left, key.right) == pair:
            self._finish_pair(key)

    def _extraction_in(self, article: Article, extraction) -> None:
        self._running.discard(("extract", article.id))
        _bounded_put(self._extractions, article.id, extraction, EXTRACTIONS)
        self._session.extraction_arrived(article.id, extraction)

    def _finish_pair(self, key: PairKey) -> bool:
        aligned = self._aligned.get(key)
        entities = self._entities.get((key.left, key.right))
        if aligned is None or entities is None:
            return False
        whole = replace(
            aligned,
            left_extraction=self._extractions.get(key.left),
            right_extraction=self._extractions.get(key.right),
            entities=entities[0],
            discrepancies=entities[1],
        )
        _bounded_put(self._whole, key, whole, CACHE_SIZE)
        self._session.comparison_arrived(key, whole)
        return True

    def _align_failed(self, key: PairKey, left: Article, right: Article, exc: Exception) -> None:
        self._running.discard(("align", key))
        names = " and ".join(a.title or a.path for a in (left, right))
        self._session.comparison_failed(key, f"comparing {names} failed ({type(exc).__name__}: {exc})")

    def _entities_failed(self, pair: tuple, exc: Exception) -> None:
        self._running.discard(("entities", pair))
        # The alignment still stands: complete the pair without entities rather than hang.
        _bounded_put(self._entities, pair, ((), ()), CACHE_SIZE)
        key = self._session.key()
        if key is not None and (key.left, key.right) == pair:
            self.entities_failed.emit(f"the people, places and figures could not be listed ({type(exc).__name__}: {exc})")
            self._finish_pair(key)
