"""The export dialog starts where the reader works: the left article's folder (or the last
export's), a file name made from the two titles, and the whole path in view."""

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from desktop.core.compare import compare
from desktop.core.ingest.load import load_file
from desktop.ui.report import actions
from desktop.ui.report.actions import ReportOptionsDialog, export_pdf_dialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def comparison(tmp_path):
    desk = tmp_path / "Newsdesk" / "Harbour story: day two"
    desk.mkdir(parents=True)
    (desk / "wire.txt").write_text(
        "Ferry service resumes after storm\n\nThe harbour ferry resumed service on Monday.", encoding="utf-8"
    )
    (desk / "herald.txt").write_text(
        "Ferries back on the water?\n\nThe harbour ferry resumed service on Tuesday.", encoding="utf-8"
    )
    return compare(load_file(str(desk / "wire.txt"))[0], load_file(str(desk / "herald.txt"))[0])


def _offered(monkeypatch, qtbot, parent, comparison):
    seen = {}

    def look(self):
        self.show()
        qtbot.wait_exposed(self)
        edit = self.path_edit
        seen["path"] = edit.text()
        where = self.where
        seen["where"] = where.text().replace("\u200b", "") if where.isVisible() else ""
        seen["wrapped_whole"] = where.height() >= where.heightForWidth(where.width()) and where.width() <= self.width()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReportOptionsDialog, "exec", look)
    assert export_pdf_dialog(parent, comparison) is None
    return seen


def test_export_starts_beside_the_left_article_named_from_the_titles(qtbot, monkeypatch, tmp_path, comparison):
    monkeypatch.setitem(actions._session, "folder", None)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1200, 800)
    seen = _offered(monkeypatch, qtbot, parent, comparison)
    folder = tmp_path / "Newsdesk" / "Harbour story: day two"
    assert seen["path"] == str(folder / "Ferry service resumes after storm vs Ferries back on the water.pdf")
    assert seen["where"] == seen["path"] and seen["wrapped_whole"]  # the whole path is in view, wrapped

    monkeypatch.setitem(actions._session, "folder", str(tmp_path))  # after an export elsewhere
    assert _offered(monkeypatch, qtbot, parent, comparison)["path"].startswith(str(tmp_path / "Ferry service"))
