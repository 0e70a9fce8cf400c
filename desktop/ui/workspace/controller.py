"""Workspaces: save, save as, open, autosave a moment after each change, reopen at start."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.library.workspace import Workspace, WorkspaceError, read_with_fallback, write_workspace
from desktop.ui import settings as keys
from desktop.ui.actions import ActionRegistry
from desktop.ui.articles.loading import ArticleLoader
from desktop.ui.articles.model import ArticleListModel, Role
from desktop.ui.folders.glyphs import glyph
from desktop.ui.workspace.notes import NotesDock
from desktop.ui.session import ARTICLES, OPTIONS, Session
from desktop.ui.workers import TaskRunner
from desktop.ui.workspace.restore import RestoreOffer, has_autosave

SUFFIX = ".diptych"

AUTOSAVE_NAME = "autosave.diptych"
AUTOSAVE_MS = 2000  # after the last change
FOLDER_LOAD_OVER = 16  # a workspace with more files than this loads like a folder
FILTER = "Diptych workspaces (*.diptych);;All files (*)"
# Option name in the workspace file -> the action that holds it (in the window's registry).
OPTION_ACTIONS = {"ignore_case": "ignore_case", "ignore_punctuation": "ignore_punct", "include_boilerplate": "boilerplate"}


def save_to(path: str, ws: Workspace) -> str:
    """Runs on a worker: the write is flushed to disk, which can take a moment."""
    write_workspace(path, ws)
    return path


def _is_pasted(path: str) -> bool:
    return path.startswith("Pasted text") and not os.path.exists(path)


class WorkspaceController(QObject):
    opened = Signal(str)  # path
    refused = Signal(str)  # message naming the file and the reason
    saved = Signal(str)  # path written
    modified_changed = Signal(bool)  # the list, pair, options or notes differ from the saved workspace

    problem_found = Signal(object)  # a Problem for the Problems panel
    message = Signal(str, int)  # a status-bar message and how long it stays (ms)
    banner = Signal(object)  # a bar to show above the comparison (the restore offer)

    def __init__(self, session: Session, tasks: TaskRunner, actions: ActionRegistry, model: ArticleListModel,
                 loader: ArticleLoader, folders, store: QSettings, parent: QWidget):
        """`folders`: the folder controller (big workspaces load like a folder); `parent` also
        parents the file dialogs."""
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.actions = actions
        self.model = model
        self.loader = loader
        self.folders = folders
        self.store = store
        self.path: str | None = None  # the workspace file being worked on, if any
        self.offer: RestoreOffer | None = None  # shown after a run that did not close cleanly
        self.autosave_dir: str | None = None  # None: autosave only to an explicit workspace file
        self._want_pair: tuple[str | None, str | None] | None = None
        self._saving = False
        self.notes = NotesDock()  # the window places it
        self.notes.hide()
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self.autosave)
        # Unsaved changes: what is on screen against what was last written to the workspace
        # file (or read from it). Compared after a pause, not per row of a folder load.
        self.modified = False
        self._saved_state = Workspace()
        self._saving_state: Workspace | None = None
        self._recheck_timer = QTimer(self, singleShot=True, interval=200, timeout=self._recheck)

        act = actions.add
        self.open_action = act("open_workspace", "Open &workspace…", self.open_dialog, "Ctrl+Alt+O", None, "Open a saved workspace (.diptych)")
        self.save_action = act("save_workspace", "&Save workspace", self.save, "Ctrl+S", None, "Save the articles, pair, options and notes")
        self.save_as_action = act("save_workspace_as", "Save workspace &as…", self.save_as, "Ctrl+Shift+S", None, "Save the workspace to a new file")
        for action, name in ((self.open_action, "open_workspace"), (self.save_action, "save"), (self.save_as_action, "save_as")):
            action.setIcon(glyph(name))
        self.notes_action = self.notes.toggleViewAction()
        self.notes_action.setText("Show &notes")
        self.notes_action.setShortcut("Ctrl+Shift+N")
        self.notes_action.setIcon(glyph("notes"))
        actions.put("notes", self.notes_action)

        for signal in (self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self.changed)
        session.changed.connect(self._session_changed)
        for name in OPTION_ACTIONS.values():
            actions[name].toggled.connect(self.changed)
        self.notes.editor.textChanged.connect(self.changed)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.dataChanged.connect(self._data_changed)
        self._pair_paths: list[str] = []  # paths of the saved pair, left first
        self._found: dict[str, str] = {}  # path -> id, as they arrive

    def _session_changed(self, what: frozenset) -> None:
        if ARTICLES in what or OPTIONS in what:  # the pair or the options a workspace keeps
            self.changed()

    def install(self, file_menu, view_menu, before) -> None:
        for action in (self.open_action, self.save_action, self.save_as_action):
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        view_menu.addAction(self.notes_action)

    # --- what a workspace holds ------------------------------------------------------------

    def state(self) -> Workspace:
        paths: list[str] = []
        pasted: list[tuple[str, str]] = []
        for row in range(self.model.rowCount()):
            path = self.model.index(row, 0).data(Role.PATH) or ""
            if _is_pasted(path):
                article = self.model.article(self.model.index(row, 0).data(Role.ID))
                if article is not None:
                    pasted.append((path, article.text))
            elif path:
                paths.append(os.path.abspath(path))
        left, right = self.session.left, self.session.right
        options = self.session.options
        return Workspace(
            articles=tuple(dict.fromkeys(paths)),
            pasted=tuple(pasted),
            left=left.path if left else None,
            right=right.path if right else None,
            options={
                "ignore_case": options.ignore_case,
                "ignore_punctuation": options.ignore_punctuation,
                "include_boilerplate": options.include_boilerplate,
            },
            notes=self.notes.text(),
        )

    def apply(self, ws: Workspace) -> None:
        self.session.clear()
        self.model.remove_articles({self.model.index(r, 0).data(Role.ID) for r in range(self.model.rowCount())})
        for key, name in OPTION_ACTIONS.items():
            action = self.actions[name]
            action.setChecked(bool(ws.options.get(key, action.isChecked())))
        self.notes.set_text(ws.notes)
        if ws.notes:
            self.notes.show()
        self._want_pair = (ws.left, ws.right) if ws.left or ws.right else None
        self._pair_paths = [p if _is_pasted(p) else os.path.abspath(p) for p in (ws.left, ws.right) if p]
        self._found = {}
        gone = [p for p in ws.articles if not os.path.exists(p)]
        for path in gone:
            from desktop.ui.articles.problems import Problem

            self.problem_found.emit(Problem(path, "in the workspace, but the file no longer exists"))
        for name, text in ws.pasted:
            self.loader.paste(text, name)
        present = [p for p in ws.articles if p not in gone]
        if len(present) > FOLDER_LOAD_OVER:
            self.folders.open_folders(present)  # titles at once, worker processes, slim articles
        elif present:
            self.loader.load(present)
        self._place_pair()

    def _rows_inserted(self, _parent, first: int, last: int) -> None:
        self._place_pair(first, last)

    def _data_changed(self, top_left, bottom_right, _roles=()) -> None:
        self._place_pair(top_left.row(), bottom_right.row())

    def _place_pair(self, first: int = 0, last: int = -1) -> None:
        """Once both articles of the saved pair are read, compare them (only new rows are looked at)."""
        if self._want_pair is None:
            return
        last = self.model.rowCount() - 1 if last < 0 else last
        for row in range(first, last + 1):
            index = self.model.index(row, 0)
            path = index.data(Role.PATH) or ""
            key = path if _is_pasted(path) else os.path.abspath(path)
            if key in self._pair_paths and self.model.article(index.data(Role.ID)) is not None:
                self._found[key] = index.data(Role.ID)
        ids = [self._found.get(key) for key in self._pair_paths]
        if ids and all(ids):
            self._want_pair = None
            self.session.show(self.model.articles_of(ids))

    # --- files -------------------------------------------------------------------------

    def take(self, paths: list[str]) -> list[str]:
        """Open the workspace among `paths` (the first); return the other paths."""
        spaces = [p for p in paths if p.lower().endswith(SUFFIX)]
        if spaces:
            self.open_path(spaces[0])
        return [p for p in paths if p not in spaces]

    def open_path(self, path: str) -> bool:
        path = os.path.abspath(path)
        try:
            ws, fallback = read_with_fallback(path)
        except WorkspaceError as exc:
            self._refuse(exc.path, f"workspace refused: {exc.reason}", f"Could not open the workspace {exc.path}: {exc.reason}.")
            return False
        self.apply(ws)
        self._saved_state = ws
        if fallback is not None:
            self._refuse(path, f"workspace damaged, opened its last good copy instead: {fallback}", f"The workspace was damaged: {fallback}.")
            self.path = None  # the damaged file stays untouched for the reader to inspect
        else:
            self.path = path
            keys.LAST_WORKSPACE.write(self.store, path)
        self._timer.stop()
        self._update_title()
        self.opened.emit(path)
        return True

    def _refuse(self, path: str, reason: str, message: str) -> None:
        # The problems panel (it opens by itself) rather than a modal box: the reader keeps working.
        from desktop.ui.articles.problems import Problem

        self.problem_found.emit(Problem(path, reason))
        self.message.emit(message, 15000)
        self.refused.emit(message)

    def open_dialog(self) -> None:
        start = os.path.dirname(self.path) if self.path else keys.LAST_FOLDER.read(self.store)
        path, _ = QFileDialog.getOpenFileName(self.parent(), "Open workspace", start or os.path.expanduser("~"), FILTER)
        if path:
            self.open_path(path)

    def save(self) -> None:
        if self.path is None:
            self.save_as()
        else:
            self.save_now(self.path)

    def save_as(self) -> None:
        start = self.path or os.path.join(keys.LAST_FOLDER.read(self.store) or os.path.expanduser("~"), "Workspace.diptych")
        path, _ = QFileDialog.getSaveFileName(self.parent(), "Save workspace", start, FILTER)
        if path:
            self.save_now(path if path.lower().endswith(SUFFIX) else path + SUFFIX)

    def save_now(self, path: str) -> None:
        """Save on the GUI thread (an explicit save): the reader sees at once if it failed."""
        try:
            write_workspace(path, self.state())
        except OSError as exc:
            self._refuse(path, f"could not save the workspace: {exc.strerror or exc}", f"Could not save the workspace {path}: {exc.strerror or exc}.")
            return
        self.path = os.path.abspath(path)
        keys.LAST_WORKSPACE.write(self.store, self.path)
        self._timer.stop()
        self._saved_state = self.state()
        self._update_title()
        self._recheck()
        self.saved.emit(self.path)

    def _update_title(self) -> None:
        self.notes.setWindowTitle(f"Notes — {os.path.basename(self.path)}" if self.path else "Notes")

    # --- autosave ----------------------------------------------------------------------

    def start(self, restore: bool, autosave_dir: str | None = None, unclean: str | None = None) -> None:
        """Autosave from now on (to the workspace file, else to the app's data folder);
        with `restore`, reopen the last workspace first. After a run that did not close
        cleanly (`unclean` says what it left), the autosave is offered instead, not reopened."""
        self.autosave_dir = autosave_dir or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        if unclean and has_autosave(self.autosave_path()):
            self.offer = RestoreOffer(self.autosave_path())
            self.offer.restore_requested.connect(self._restore_autosave)
            self.offer.dismissed.connect(lambda: setattr(self, "offer", None))
            self.banner.emit(self.offer)
            return
        if not restore:
            return
        last = keys.LAST_WORKSPACE.read(self.store) or self.autosave_path()
        if last and (os.path.lexists(last) or os.path.lexists(last + ".bak")):
            is_autosave = os.path.abspath(last) == os.path.abspath(self.autosave_path() or "")
            if self.open_path(last):
                if is_autosave:
                    self.path = None  # keep autosaving there, never ask for a name
            elif is_autosave:
                self._set_aside(last)

    def _set_aside(self, path: str) -> None:
        """An autosave that cannot be opened is renamed out of the way (kept, untouched), so it
        can never stop a later start; the window starts empty and the Problems panel says why."""
        from desktop.core.library.workspace import set_aside

        try:
            moved = set_aside(path)
        except OSError:
            return  # cannot be renamed: it is refused again next time, still without harm
        self._refuse(str(moved), "the autosave could not be opened, so it was set aside under this name",
                     f"The last autosave could not be opened; it was kept as {moved}.")

    def _restore_autosave(self, path: str) -> None:
        self.offer = None
        if not self.open_path(path):
            self._set_aside(path)
        self.path = None  # keep autosaving there, never ask for a name

    def autosave_path(self) -> str | None:
        return os.path.join(self.autosave_dir, AUTOSAVE_NAME) if self.autosave_dir else None

    def changed(self, *_args) -> None:
        if self.path is not None or self.autosave_dir is not None:
            self._timer.start()
        self._recheck_timer.start()

    def _recheck(self) -> None:
        self._recheck_timer.stop()
        modified = self.state() != self._saved_state
        if modified != self.modified:
            self.modified = modified
            self.modified_changed.emit(modified)

    def autosave(self) -> None:
        if self.loader.pending or self.folders.loader.is_running() or self._saving:
            self._timer.start()  # the list is still filling: save once it is whole
            return
        target = self.path or self.autosave_path()
        if target is None:
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if self.path is None:
            keys.LAST_WORKSPACE.write(self.store, target)
        self._saving = True
        self._saving_state = self.state()
        self.tasks.submit(
            save_to, target, self._saving_state,
            on_result=self._autosaved,
            on_error=lambda exc, t=target: self._autosave_failed(t, exc),
        )

    def _autosaved(self, path: str) -> None:
        self._saving = False
        if self.path is not None and os.path.abspath(path) == self.path and self._saving_state is not None:
            self._saved_state = self._saving_state  # autosaved into the workspace file itself
            self._recheck()
        self.saved.emit(path)

    def _autosave_failed(self, path: str, exc: Exception) -> None:
        self._saving = False
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.message.emit(f"Could not autosave to {path}: {reason}", 10000)

    def flush(self) -> None:
        """Save what is pending now (the window is closing)."""
        if self._timer.isActive():
            self._timer.stop()
            target = self.path or self.autosave_path()
            if target:
                try:
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    write_workspace(target, self.state())
                except OSError:
                    pass  # closing: nowhere left to report it; the previous autosave stands
