"""The comparison window: wires the article list, diff view, entity sidebar and reports together."""

from __future__ import annotations

import html
import importlib.util
import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack, QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.article import Article
from desktop.core.compare.model import Comparison, Options
from desktop.core.entities.model import Discrepancy
from desktop.ui import settings as keys
from desktop.ui.actions import ActionRegistry
from desktop.ui.articles.loading import FILE_DIALOG_FILTER, ArticleLoader
from desktop.ui.articles.model import ArticleListModel
from desktop.ui.articles.problems import Problem, ProblemsList
from desktop.ui.articles.undo import RemoveArticles, SwapSides, ask_before_removing_pasted, is_pasted
from desktop.ui.articles.view import ArticleList
from desktop.ui.comparing import PairComparer
from desktop.ui.diffview import DiffView
from desktop.ui.diffview.pane import known_word_count
from desktop.ui.help import HelpActions
from desktop.ui.icons import app_icon, icon
from desktop.ui.memory import IdleTrim
from desktop.ui.layout import SIDEBAR_MIN_WIDTH, SidebarPlacement, wide_sizes
from desktop.ui.sidebar import EntitySidebar
from desktop.ui.session import ARTICLES, COMPARISON, WORK, Session, Work
from desktop.ui.toolbars import ClassFilter, FindBar, change_counter_text, stats_text, stats_tooltip
from desktop.ui.workers import TaskRunner

WARM_UP_AFTER_MS = 1000  # after the first paint, while the reader reaches for a file
BUSY_AFTER_MS = 200  # show the busy bar only when a result is noticeably late
UNDO_LIMIT = 50  # list edits that Ctrl+Z can take back
REPORT_MODULE = "desktop.ui.report.actions"


def _same_file(a: str, b: str) -> bool:
    return bool(a) and bool(b) and os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


class MainWindow(QMainWindow):
    alignment_shown = Signal(object)  # the split view shows the pair (entities may follow)
    comparison_shown = Signal(object)  # the whole Comparison is on screen (tests, --screenshot)
    article_shown = Signal(object)  # single Article now on screen
    comparison_failed = Signal(str)  # why, in plain words

    def __init__(self, store: QSettings, tasks: TaskRunner | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.tasks = tasks or TaskRunner(self)
        self.idle_trim = IdleTrim(self.tasks, self)  # freed heap goes back to the system when idle
        self.setWindowTitle("Diptych")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        # An explicit floor: the layout then never resizes the native window's limits after it
        # is shown (which some platforms, offscreen included, warn about).
        self.setMinimumSize(640, 420)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        # The one owner of what is shown; everything below subscribes to it.
        self.session = Session(self)
        self.actions = ActionRegistry(self)  # what controllers get instead of the window's attributes
        self.actions.added.connect(self.addAction)  # shortcuts work even when the toolbar is hidden
        self._place_on: dict[str, str] = {}  # side -> path dropped on that pane, waiting to load
        self._autopick: list[str] | None = None  # ids of newly opened articles to show, if nothing was shown
        self._report_actions = None  # the report module, once imported

        self.model = ArticleListModel(self)
        self.model.follow(self.session)
        self.article_list = ArticleList(self.model, self.session, self)
        self.loader = ArticleLoader(self.tasks, self)
        self.comparer = PairComparer(self.session, self.tasks, self)
        self.diff_view = self._make_diff_view()
        self.sidebar = self._make_sidebar()
        self.find_bar = FindBar(self)
        self.class_filter = ClassFilter(self)
        self.problems = ProblemsList(self)

        center = QWidget(self)
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.setSpacing(0)
        self._center_layout = center_layout
        center_layout.addWidget(self.diff_view, 1)
        center_layout.addWidget(self.find_bar)

        # The list column holds the article list, and the sidebar under it when the reader
        # stacks them (View ▸ Sidebar under the list): at 1024 px the panes then get the
        # sidebar's width back, and the list's empty lower half holds the entities.
        self.list_column = QSplitter(Qt.Orientation.Vertical, self)
        self.list_column.setObjectName("listColumn")
        self.list_column.setChildrenCollapsible(False)
        self.list_column.addWidget(self.article_list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_column)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.sidebar)
        # A wider window gives the sidebar a share too, so its names fit at 1920 px; a
        # narrower one takes from the articles only down to the sidebar's floor (stacking
        # the sidebar under the list is the narrow layout).
        self.sidebar.setMinimumWidth(SIDEBAR_MIN_WIDTH)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)
        self.placement = SidebarPlacement(self.splitter, self.list_column, self.sidebar)

        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_toolbars()
        self._connect()
        self._install_many_articles()
        self._restore_settings()
        self._update_actions()

    # --- panes ---------------------------------------------------------------------------

    def show_banner(self, banner: QWidget) -> None:
        """A bar above the comparison (an offer the reader answers, then it goes)."""
        self._center_layout.insertWidget(0, banner)
        banner.show()

    def _make_diff_view(self) -> DiffView:
        view = DiffView(self, session=self.session)
        view.setAccessibleName("Comparison")
        return view

    def _make_sidebar(self) -> EntitySidebar:

        bar = EntitySidebar(self)
        bar.follow(self.session)
        bar.setAccessibleName("Entities and discrepancies")
        return bar

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.stats_label = QLabel("", self)
        self.stats_label.setAccessibleName("Comparison statistics")
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName("Working")
        self.busy_bar.hide()
        self.busy_label = QLabel("", self)
        self.busy_label.hide()
        self.problem_button = QToolButton(self)
        self.problem_button.setAutoRaise(True)
        self.problem_button.setIcon(icon("problem"))
        self.problem_button.setAccessibleName("Show problems")
        self.problem_button.hide()
        self.problem_button.clicked.connect(lambda: self._show_problems(True))
        bar.addWidget(self.stats_label, 1)
        bar.addPermanentWidget(self.problem_button)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy_bar)
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)

    def _build_actions(self) -> None:
        a = self.actions.add
        K = QKeySequence.StandardKey
        # Removing from the list and swapping sides can be taken back (Edit menu, Ctrl+Z).
        self.undo_stack = QUndoStack(self)
        # Each removal keeps its articles for Undo: a bounded history keeps a long day's memory flat.
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(K.Undo))
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(K.Redo))
        self.redo_action.setIcon(icon("redo"))
        self.actions.put("undo", self.undo_action)
        self.actions.put("redo", self.redo_action)
        self.open_action = a("open", "&Open…", self.open_dialog, K.Open, "open", "Open article files")
        self.paste_action = a("paste", "&Paste as article", self.paste_article, "Ctrl+Shift+V", "paste", "Add the clipboard text as a new article")
        self.print_preview_action = a("print_preview", "Print pre&view…", lambda: self._report("print_preview"), "Ctrl+Shift+P", "print_preview", "Preview the comparison report")
        self.print_action = a("print", "&Print…", lambda: self._report("print_comparison"), K.Print, "print", "Print the comparison report")
        self.export_pdf_action = a("export_pdf", "Export P&DF…", lambda: self._report("export_pdf_dialog"), "Ctrl+E", "export_pdf", "Save the comparison report as PDF")
        self.export_html_action = a("export_html", "Export &HTML…", lambda: self._report("export_html_dialog"), "Ctrl+Shift+E", "export_html", "Save the comparison report as a web page")
        self.quit_action = a("quit", "&Quit", self.close, "Ctrl+Q")

        self.set_left_action = a("set_left", "Set as &left", lambda: self.set_side("left"), "Ctrl+1", "set_left", "Put the current article on the left")
        self.set_right_action = a("set_right", "Set as &right", lambda: self.set_side("right"), "Ctrl+2", "set_right", "Put the current article on the right")
        self.swap_action = a("swap", "S&wap sides", self.swap_sides, "Ctrl+Shift+X", "swap", "Swap the left and right articles")
        self.remove_action = a("remove", "Re&move from list", self.remove_selected, K.Delete, "remove", "Remove the selected articles from the list")
        self.reveal_action = a("reveal", "Show in &folder", self.reveal_selected, "Ctrl+Shift+R", "reveal", "Open the folder holding the file")
        # Delete removes articles only from the list itself, never while reading the panes.
        self.removeAction(self.remove_action)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.article_list.view.addAction(self.remove_action)

        self.next_action = a("next", "&Next change", self._next_change, "F7", "next_change", "Go to the next change")
        self.previous_action = a("previous", "P&revious change", self._previous_change, "Shift+F7", "previous_change", "Go to the previous change")
        self.find_action = a("find", "&Find…", self.find_bar.open_bar, K.Find, "find", "Find text in both articles")
        self.find_next_action = a("find_next", "Find ne&xt", lambda: self.find_bar.step(1), "F3", None, "Go to the next match")
        self.find_previous_action = a("find_previous", "Find pre&vious", lambda: self.find_bar.step(-1), "Shift+F3", None, "Go to the previous match")
        self.filter_list_action = self.article_list.focus_filter_action

        self.ignore_case_action = a("ignore_case", "Ignore &case", self._options_changed, "Ctrl+Alt+C", "ignore_case", "Treat upper and lower case as equal", True)
        self.ignore_punct_action = a("ignore_punct", "Ignore &punctuation", self._options_changed, "Ctrl+Alt+P", "ignore_punctuation", "Treat punctuation differences as equal", True)
        self.boilerplate_action = a("boilerplate", "Show &boilerplate", self._options_changed, "Ctrl+Alt+B", "boilerplate", "Show and compare the text set aside as boilerplate", True)
        self.sidebar_action = a("sidebar", "Show &entity sidebar", self._sidebar_toggled, "F9", "sidebar", "Show or hide the entity sidebar", True)
        self.stack_sidebar_action = a("stack_sidebar", "Sidebar &under the list", self._stack_sidebar, "Ctrl+Alt+S", None, "Put the entity sidebar under the article list, giving its width to the articles (for narrow windows)", True)
        self.problems_action = self.problems_dock.toggleViewAction()
        self.problems_action.setText("Show pro&blems")
        self.problems_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.problems_action.setIcon(icon("problem"))
        self.actions.put("problems", self.problems_action)
        self.help = HelpActions(self.actions, self)
        self.legend_action = self.help.legend_action
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.setIcon(icon("recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.article_list.set_menu_actions(
            [self.set_left_action, self.set_right_action, self.swap_action, None, self.reveal_action, self.remove_action]
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for item in (self.open_action, self.recent_menu, self.paste_action, None, self.print_preview_action,
                     self.print_action, self.export_pdf_action, self.export_html_action, None, self.quit_action):
            self._add(file_menu, item)
        edit_menu = bar.addMenu("&Edit")
        for item in (self.undo_action, self.redo_action):
            self._add(edit_menu, item)
        articles_menu = bar.addMenu("&Articles")
        for item in (self.set_left_action, self.set_right_action, self.swap_action, None, self.reveal_action,
                     self.remove_action, None, self.filter_list_action):
            self._add(articles_menu, item)
        articles_menu.addMenu(self.article_list.language_menu)
        go_menu = bar.addMenu("&Go")
        for item in (self.next_action, self.previous_action, None, self.class_filter, None, self.find_action,
                     self.find_next_action, self.find_previous_action):
            self._add(go_menu, item)
        view_menu = bar.addMenu("&View")
        for item in (self.ignore_case_action, self.ignore_punct_action, self.boilerplate_action, None,
                     self.sidebar_action, self.stack_sidebar_action, self.problems_action):
            self._add(view_menu, item)
        self.help.install(bar.addMenu("&Help"))
        self._menus = (file_menu, articles_menu, view_menu)

    def _install_many_articles(self) -> None:
        """Folders, related coverage, the similarity matrix, workspaces and watched files."""
        from desktop.ui.folders.controller import FolderController
        from desktop.ui.coverage.controller import CoverageController
        from desktop.ui.matrix.controller import MatrixController
        from desktop.ui.workspace.controller import WorkspaceController
        from desktop.ui.workspace.watch import FileWatcher

        # Controllers get the session, the task runner and the action registry, never the
        # window: what they show goes out by signals, and their docks are placed here.
        session, tasks, actions, model = self.session, self.tasks, self.actions, self.model
        selected = self.article_list.selected_articles
        self.folders = FolderController(session, tasks, actions, model, self.loader.articles_loaded,
                                        self.article_list.proxy, self.store, self)
        self.matrix = MatrixController(session, tasks, actions, model, selected, self.folders.coverage, self)
        self.coverage = CoverageController(session, tasks, actions, model, selected, self.folders, self)
        self.workspace = WorkspaceController(session, tasks, actions, model, self.loader, self.folders, self.store, self)
        self.watcher = FileWatcher(session, tasks, model, self.folders.coverage, self)

        self.statusBar().addPermanentWidget(self.folders.progress)
        self.folders.listing.connect(self.comparer.hold)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.matrix.dock)
        self.tabifyDockWidget(self.problems_dock, self.matrix.dock)  # the bottom strip is shared, one tab each
        # Below the pair, full width: one column per article needs the room.
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.coverage.dock)
        self.coverage.dock_opened.connect(
            lambda: self.resizeDocks([self.coverage.dock], [int(self.height() * 0.45)], Qt.Orientation.Vertical))
        self.coverage.scroll_requested.connect(self.diff_view.scroll_to_offset)
        self.coverage.clear_message.connect(self.statusBar().clearMessage)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.workspace.notes)
        self.workspace.notes.hide()
        self.workspace.banner.connect(self.show_banner)
        for controller in (self.folders, self.coverage, self.workspace):
            controller.message.connect(self.statusBar().showMessage)
        for controller in (self.folders, self.workspace, self.watcher):
            controller.problem_found.connect(self.add_problem)
        file_menu, articles_menu, view_menu = self._menus
        self.folders.install(file_menu, articles_menu, self.toolbars[0])
        self.matrix.install(articles_menu, self.toolbars[0])
        self.coverage.install(articles_menu, self.toolbars[0])
        self.workspace.install(file_menu, view_menu, self.print_preview_action)
        for signal in (self.workspace.modified_changed, self.workspace.opened, self.workspace.saved):
            signal.connect(self._update_title)

    @staticmethod
    def _add(menu: QMenu, item) -> None:
        if item is None:
            menu.addSeparator()
        elif isinstance(item, QMenu):
            menu.addMenu(item)
        else:
            menu.addAction(item)

    def _build_toolbars(self) -> None:
        files = QToolBar("Files", self)
        files.setObjectName("filesToolbar")
        for item in (self.open_action, self.paste_action, None, self.set_left_action, self.swap_action,
                     self.set_right_action):
            files.addSeparator() if item is None else files.addAction(item)
        self.addToolBar(files)

        nav = QToolBar("Navigation", self)
        nav.setObjectName("navigationToolbar")
        nav.addAction(self.previous_action)
        nav.addAction(self.next_action)
        self.change_counter = QLabel(change_counter_text(0, 0), self)
        self.change_counter.setAccessibleName("Change position")
        self.change_counter.setContentsMargins(6, 0, 6, 0)
        self.change_counter.setMinimumWidth(self.fontMetrics().horizontalAdvance("change 888 of 888") + 12)
        nav.addWidget(self.change_counter)
        self.class_button = QToolButton(self)
        self.class_button.setIcon(icon("filter"))
        self.class_button.setText("Changes")
        self.class_button.setToolTip("Show only some kinds of change")
        self.class_button.setAccessibleName("Filter changes by kind")
        self.class_button.setMenu(self.class_filter)
        self.class_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.class_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        nav.addWidget(self.class_button)
        nav.addAction(self.find_action)
        nav.addAction(self.legend_action)
        self.addToolBar(nav)

        opts = QToolBar("Options", self)
        opts.setObjectName("optionsToolbar")
        for action in (self.ignore_case_action, self.ignore_punct_action, self.boilerplate_action, self.sidebar_action):
            opts.addAction(action)
        self.addToolBar(opts)

        report = QToolBar("Report", self)
        report.setObjectName("reportToolbar")
        for action in (self.print_preview_action, self.print_action, self.export_pdf_action, self.export_html_action):
            report.addAction(action)
        self.addToolBar(report)
        self.toolbars = (files, nav, opts, report)

    def _connect(self) -> None:
        self.session.changed.connect(self._session_changed)
        self.diff_view.panes["left"].header.words_counted.connect(
            lambda article_id, words: self.session.single is not None and self.session.single.id == article_id
            and self._show_single_stats(self.session.single, words))
        self.article_list.chosen.connect(self.session.show)
        self.article_list.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.loader.articles_loaded.connect(self._articles_loaded)
        self.loader.problem_found.connect(self.add_problem)
        self.loader.pending_changed.connect(self._loading_changed)
        self.comparer.entities_failed.connect(self._entities_failed)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.step_requested.connect(self._find_step)
        self.class_filter.filter_changed.connect(self._class_filter_changed)
        self.problems.count_changed.connect(self._problem_count_changed)
        self.model.rowsInserted.connect(self._update_actions)
        self.model.rowsRemoved.connect(self._update_actions)

        view = self.diff_view
        view.change_position_changed.connect(self._change_position_changed)
        view.files_dropped.connect(self._files_dropped_on_side)
        view.offset_hovered.connect(self.sidebar.select_at)
        self.sidebar.mentions_selected.connect(view.highlight_mentions)
        self.sidebar.discrepancy_selected.connect(self._discrepancy_selected)

    # --- getting articles in -------------------------------------------------------------

    def open_files(self, paths: list[str]) -> None:
        """Read files and folders on workers; problems go to the problems list."""
        paths = self.folders.take(self.workspace.take([str(p) for p in paths]))  # folders, .diptych files
        if not paths:
            return
        if not self.session.shown():
            self._autopick = []  # nothing on screen: show the first one or two that arrive
        self.loader.load(paths)

    def open_dialog(self) -> None:
        folder = keys.LAST_FOLDER.read(self.store) or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", folder, FILE_DIALOG_FILTER)
        if paths:
            keys.LAST_FOLDER.write(self.store, os.path.dirname(paths[0]))
            self.open_files(paths)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.statusBar().showMessage("The clipboard holds no text to add.", 5000)
            return
        pasted = sum(1 for a in self.model.articles() if a.path.startswith("Pasted text")) + 1
        if not self.session.shown():
            self._autopick = []
        self.loader.paste(text, f"Pasted text {pasted}")

    def add_problem(self, problem: Problem) -> None:
        recent = keys.RECENT_FILES.read(self.store)
        if problem.path and any(_same_file(p, problem.path) for p in recent):
            # Recent files lists files that open: one that no longer does leaves the list.
            keys.RECENT_FILES.write(self.store, [p for p in recent if not _same_file(p, problem.path)])
        self.problems.add(problem)
        self.statusBar().showMessage(f"Could not open {problem.text}", 8000)
        self._show_problems(True)

    def _show_problems(self, visible: bool) -> None:
        self.problems_dock.setVisible(visible)

    def _problem_count_changed(self, count: int) -> None:
        self.problem_button.setVisible(count > 0)
        self.problem_button.setToolTip(f"{count} file{'s' if count != 1 else ''} could not be opened")
        if count == 0:
            self.problems_dock.hide()

    def _articles_loaded(self, articles: list[Article], rows: list, paths: list[str]) -> None:
        added = self.model.add_articles(articles, rows)
        self._remember_opened(paths)
        by_path = {a.path: a for a in articles}
        placed = False
        for side, path in list(self._place_on.items()):
            match = next((a for p, a in by_path.items() if _same_file(p, path)), None)
            if match is not None:
                del self._place_on[side]
                self.session.set_side(side, match)
                placed = True
        if placed:
            self._autopick = None
        if self._autopick is None or not added:
            return
        self._autopick = (self._autopick + [a.id for a in added])[:2]
        if len(self._autopick) < 2 and self.loader.pending:
            return  # a second article may be on its way: compare rather than flash a single one
        self._show_ids(self._autopick)
        self._autopick = None

    def _remember_opened(self, paths: list[str]) -> None:
        """Recent files: only files that gave articles (in the order they were asked for)."""
        recent = keys.RECENT_FILES.read(self.store)
        for path in dict.fromkeys(paths):
            if path and os.path.isfile(path):
                recent = keys.add_recent(recent, os.path.abspath(path))
        keys.RECENT_FILES.write(self.store, recent)

    def _show_ids(self, ids: list[str]) -> None:
        self.session.show(self.model.articles_of(ids))

    def _files_dropped_on_side(self, side: str, paths: list) -> None:
        paths = [str(p) for p in paths]
        if not paths:
            return
        first = paths[0]
        existing = next((a for a in self.model.articles() if _same_file(a.path, first)), None)
        if existing is not None:
            self.session.set_side(side, existing)
            paths = paths[1:]
        else:
            self._place_on[side] = first
        self.open_files(paths)

    def _loading_changed(self, pending: int) -> None:
        if pending == 0 and self._autopick:
            QTimer.singleShot(0, self._finish_autopick)  # after the last batch is in the list
        self.busy_label.setText(f"Reading {pending} file{'s' if pending != 1 else ''}…" if pending else "")
        self.busy_label.setVisible(pending > 0)

    def _finish_autopick(self) -> None:
        if self._autopick and self.loader.pending == 0:
            self._show_ids(self._autopick)
            self._autopick = None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = keys.RECENT_FILES.read(self.store)
        for n, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{n % 10} {Path(path).name}" if n <= 10 else Path(path).name)
            action.setToolTip(f"<p>{html.escape(path)}</p>")  # a path is text, never markup
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_files([p]))
        if not recent:
            self.recent_menu.addAction("No recent files").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear list", lambda: keys.RECENT_FILES.write(self.store, []))

    # --- drag and drop (Qt overrides) ----------------------------------------------------

    @staticmethod
    def _local_paths(mime: QMimeData) -> list[str]:
        if not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if self._local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt override
        if self._local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = self._local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_files(paths)

    # --- which articles are shown (the session owns it; these are the user's verbs) -----

    def set_side(self, side: str) -> None:
        article = self.article_list.current_article()
        if article is not None:
            self.session.set_side(side, article)

    def swap_sides(self) -> None:
        if self.session.has_pair():
            self.undo_stack.push(SwapSides(self.session, self.session.left, self.session.right, self.model.article))

    def show_pair(self, left: Article, right: Article) -> None:
        self.session.show_pair(left, right)

    def show_article(self, article: Article) -> None:
        self.session.show_single(article)

    def clear_view(self) -> None:
        self.session.clear()

    def comparison(self) -> Comparison | None:
        return self.session.comparison

    def sides(self) -> tuple[Article | None, Article | None]:
        return self.session.left, self.session.right

    def _show_single_stats(self, article: Article, words: int | None) -> None:
        # The pane counts a long article's words over event-loop turns (Article.word_count
        # walked 150,000 tokens on this thread for a 1 MB paragraph): the count follows.
        if self.session.single is None or self.session.single.id != article.id:
            return
        count = f"{words:,} words" if words is not None else "counting words…"
        self.stats_label.setText(f"{count} · {len(article.sentences):,} sentences · {article.format}")

    def _session_changed(self, what: frozenset) -> None:
        """Title, status bar, busy bar and actions follow the session."""
        session = self.session
        if ARTICLES in what:
            self._update_title()
        if session.single is not None and ARTICLES in what:
            article = session.single
            self._end_busy()
            self._change_position_changed(0, 0)
            self._show_single_stats(article, known_word_count(article))
            self.stats_label.setToolTip(f"<p>{html.escape(article.path)}</p>")
            self.article_shown.emit(article)
        elif not session.shown():
            self._end_busy()
            self.stats_label.setText("")
            self.stats_label.setToolTip("")
            self._change_position_changed(0, 0)
        elif WORK in what or COMPARISON in what:
            self._pair_progress(what)
        self._update_actions()

    def _update_title(self, *_: object) -> None:
        """What is compared, the workspace's name with Qt's unsaved mark ([*]), the app."""
        names = " ↔ ".join(a.title or Path(a.path).name for a in self.session.shown())
        workspace = getattr(self, "workspace", None)
        path = workspace.path if workspace is not None else None
        parts = [names] if names else []
        if path:
            parts.append(f"{Path(path).stem}[*]")
        elif workspace is not None and workspace.modified:
            parts.append("unsaved workspace[*]")
        title = " — ".join(parts + ["Diptych"])
        self.setWindowTitle(title)
        self.setWindowModified(bool(workspace is not None and workspace.modified) and "[*]" in title)

    def _pair_progress(self, what: frozenset) -> None:
        session, c = self.session, self.session.comparison
        if session.work == Work.FAILED:
            self._end_busy()
            self.stats_label.setText("The comparison failed.")
            self.add_problem(Problem(session.left.path if session.left else "", session.reason))
            self.comparison_failed.emit(session.reason)
            return
        if c is None:
            self.stats_label.setText("Comparing…")
            self.stats_label.setToolTip("")
            self._change_position_changed(0, 0)
            self._busy_timer.start()
            return
        if COMPARISON in what:
            self.stats_label.setText(stats_text(c))
            self.stats_label.setToolTip(stats_tooltip(c))
            if self.find_bar.isVisible() and self.find_bar.edit.text():
                self._find(self.find_bar.edit.text())
        if session.complete:
            self._end_busy()
            if COMPARISON in what:
                self.comparison_shown.emit(c)
        elif COMPARISON in what:
            self.alignment_shown.emit(c)

    def _entities_failed(self, reason: str) -> None:
        left = self.session.left
        self.add_problem(Problem(left.path if left else "", reason))

    # --- list actions --------------------------------------------------------------------

    def remove_selected(self) -> None:
        """Remove the selected articles from the list (undoable); what is compared stays on
        screen until the reader picks something else. A pasted article exists nowhere else:
        the reader is asked first (a window-modal box answered later, no nested event loop)."""
        ids = set(self.article_list.selected_ids())
        if not ids:
            return
        pasted = [a for a in (self.model.article(i) for i in ids) if a is not None and is_pasted(a.path)]
        if not pasted:
            self._remove_ids(ids)
            return
        ask_before_removing_pasted(self, [a.title or a.path for a in pasted], lambda: self._remove_ids(ids))

    def _remove_ids(self, ids: set[str]) -> None:
        self.undo_stack.push(RemoveArticles(self.model, ids, self.folders.listed_again))

    def reveal_selected(self) -> None:
        article = self.article_list.current_article()
        if article is None or not article.path or not os.path.exists(article.path):
            self.statusBar().showMessage("This article has no file on disk.", 5000)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(os.path.abspath(article.path))))

    # --- navigation and find -------------------------------------------------------------

    def _next_change(self) -> None:
        self.diff_view.next_change()

    def _previous_change(self) -> None:
        self.diff_view.previous_change()

    def _change_position_changed(self, current: int, total: int) -> None:
        self.change_counter.setText(change_counter_text(current, total) if self.session.comparison else "")
        self.next_action.setEnabled(total > 0)
        self.previous_action.setEnabled(total > 0)

    def _find(self, text: str) -> None:
        if not text:
            self.diff_view.clear_find()
            self.find_bar.show_count(0)
            return
        self.diff_view.find(text)
        self.find_bar.show_position(*self.diff_view.find_position())

    def _find_step(self, delta: int) -> None:
        self.find_bar.show_position(*self.diff_view.step_find(delta))

    def _discrepancy_selected(self, discrepancy: Discrepancy) -> None:
        left, right = discrepancy.left, discrepancy.right
        self.diff_view.highlight_mentions([left] if left else [], [right] if right else [])
        for side, span in (("left", left), ("right", right)):
            if span is not None:
                self.diff_view.scroll_to_offset(side, span.start)

    # --- options -------------------------------------------------------------------------

    def options(self) -> Options:
        return Options(
            ignore_case=self.ignore_case_action.isChecked(),
            ignore_punctuation=self.ignore_punct_action.isChecked(),
            include_boilerplate=self.boilerplate_action.isChecked(),
        )

    def _options_changed(self, _checked: bool = False) -> None:
        keys.IGNORE_CASE.write(self.store, self.ignore_case_action.isChecked())
        keys.IGNORE_PUNCTUATION.write(self.store, self.ignore_punct_action.isChecked())
        keys.SHOW_BOILERPLATE.write(self.store, self.boilerplate_action.isChecked())
        self.diff_view.set_show_boilerplate(self.boilerplate_action.isChecked())
        self.session.set_options(self.options())

    def _class_filter_changed(self, classes) -> None:
        self.diff_view.set_class_filter(classes)
        hidden = [] if classes is None else sorted(str(c) for c in self.class_filter.class_actions if c not in classes)
        keys.HIDDEN_CHANGE_CLASSES.write(self.store, hidden)
        self.class_button.setText("Changes" if classes is None else f"Changes ({len(classes)} of {len(self.class_filter.class_actions)})")

    def _stack_sidebar(self, stacked: bool) -> None:
        self.placement.stack(stacked)
        keys.SIDEBAR_STACKED.write(self.store, stacked)

    def _sidebar_toggled(self, visible: bool) -> None:
        self.sidebar.setVisible(visible)
        keys.SIDEBAR_VISIBLE.write(self.store, visible)

    # --- reports -------------------------------------------------------------------------

    def _report(self, name: str) -> None:
        if not self.session.complete or self._report_actions is None:
            return
        getattr(self._report_actions, name)(self, self.session.comparison)

    def _report_module(self):
        if self._report_actions is None and importlib.util.find_spec(REPORT_MODULE) is not None:
            self._report_actions = importlib.import_module(REPORT_MODULE)
        return self._report_actions

    def _update_actions(self, *_: object) -> None:
        chosen = self.article_list.selected_ids()
        current = self.article_list.current_article()
        has_pair = self.session.has_pair()
        self.set_left_action.setEnabled(current is not None)
        self.set_right_action.setEnabled(current is not None)
        self.swap_action.setEnabled(has_pair)
        self.remove_action.setEnabled(bool(chosen))
        self.reveal_action.setEnabled(current is not None and bool(current.path))
        can_report = self.session.complete and self._report_module() is not None
        for action in (self.print_preview_action, self.print_action, self.export_pdf_action, self.export_html_action):
            action.setEnabled(can_report)
        if self.session.comparison is None:
            self.next_action.setEnabled(False)
            self.previous_action.setEnabled(False)

    # --- busy indicator ------------------------------------------------------------------

    def _show_busy(self) -> None:
        if self.session.work in (Work.COMPARING, Work.ENTITIES):
            self.busy_bar.show()

    def _end_busy(self) -> None:
        self._busy_timer.stop()
        self.busy_bar.hide()

    # --- settings ------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = keys.GEOMETRY.read(self.store)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = keys.WINDOW_STATE.read(self.store)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = keys.MAIN_SPLITTER.read(self.store)
        if splitter.isEmpty() or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(wide_sizes(self.width()))
        if keys.SIDEBAR_STACKED.read(self.store):
            self.stack_sidebar_action.setChecked(True)  # moves the sidebar under the list
        header = keys.LIST_HEADER.read(self.store)
        if not header.isEmpty():
            self.article_list.view.header().restoreState(header)
        for action, setting in (
            (self.ignore_case_action, keys.IGNORE_CASE),
            (self.ignore_punct_action, keys.IGNORE_PUNCTUATION),
            (self.boilerplate_action, keys.SHOW_BOILERPLATE),
        ):
            action.blockSignals(True)
            action.setChecked(setting.read(self.store))
            action.blockSignals(False)
        self.diff_view.set_show_boilerplate(self.boilerplate_action.isChecked())
        self.session.set_options(self.options())
        hidden = set(keys.HIDDEN_CHANGE_CLASSES.read(self.store))
        if hidden:
            self.class_filter.set_classes(frozenset(c for c in self.class_filter.class_actions if str(c) not in hidden))
        visible = keys.SIDEBAR_VISIBLE.read(self.store)
        self.sidebar_action.setChecked(visible)
        self.sidebar.setVisible(visible)
        self.sidebar.read_settings(self.store)

    def save_settings(self) -> None:
        keys.GEOMETRY.write(self.store, self.saveGeometry())
        keys.WINDOW_STATE.write(self.store, self.saveState())
        wide = self.placement.side_by_side_state()
        if wide is not None:  # the side-by-side layout's sizes, kept while stacked
            keys.MAIN_SPLITTER.write(self.store, wide)
        self.sidebar.write_settings(self.store)
        keys.LIST_HEADER.write(self.store, self.article_list.view.header().saveState())
        keys.SIDEBAR_VISIBLE.write(self.store, self.sidebar_action.isChecked())
        self.store.sync()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        QTimer.singleShot(WARM_UP_AFTER_MS, self.comparer.warm_up)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        self.save_settings()
        self.tasks.cancel_all()
        self.workspace.flush()
        self.folders.loader.cancel()
        super().closeEvent(event)

