"""CoverageView and its models, standalone (offscreen): what the reader sees and what a click asks for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coverage_story import load_story
from desktop.core.coverage import cover
from desktop.core.coverage.model import CellState, Reading

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    return cover(load_story(tmp_path_factory.mktemp("story")))


@pytest.fixture
def view(qtbot, coverage):
    from desktop.ui.coverage.view import CoverageView

    v = CoverageView()
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.set_coverage(coverage)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_models_pass_the_model_tester(qtmodeltester, coverage):
    from desktop.ui.coverage.models import (AdditionsModel, CollationModel, ContainmentModel, FactTableModel,
                                            PassagesModel)

    for cls in (FactTableModel, CollationModel, ContainmentModel, AdditionsModel, PassagesModel):
        model = cls()
        model.set_coverage(coverage)
        qtmodeltester.check(model, force_py=True)
        model.set_coverage(None)
        assert model.rowCount() == 0


def test_fact_table_shows_the_disagreement_first_with_the_odd_one_marked(view, coverage):
    from desktop.ui.coverage.models import Role

    model = view.facts_model
    assert model.rowCount() == len(coverage.facts) and model.columnCount() == 4
    assert model.headerData(2, Qt.Orientation.Horizontal).startswith("B · ")
    row = [model.index(0, k).data() for k in range(4)]
    assert row[1] == "$2.4 million  ≠ B" and row[2] == "$3.1 million  ≠ A,C" and row[3] == "$2.4 million  ≠ B"
    assert model.index(0, 2).data(Role.CELL).state == CellState.DIFFERS
    assert "Sentence" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    quote = next(r for r in range(model.rowCount()) if model.index(r, 0).data().endswith("Quote"))
    assert model.index(quote, 3).data() == "—"


def test_clicking_a_cell_asks_for_the_pair_scrolled_to_the_fact(qtbot, view, coverage):
    arts = coverage.articles
    rect = view.facts_view.visualRect(view.facts_model.index(0, 2))
    with qtbot.wait_signal(view.pair_requested) as blocker:
        qtbot.mouseClick(view.facts_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    left, right, offset = blocker.args
    assert (left, right) == (arts[1].id, arts[0].id)
    assert arts[1].text[offset:].startswith("$3.1 million")


def test_a_cell_that_lacks_the_fact_opens_an_article_that_has_it(qtbot, view, coverage):
    from desktop.ui.coverage.models import Role

    model = view.facts_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 3).data(Role.CELL).state == CellState.LACKS
               and model.index(r, 1).data(Role.CELL).state != CellState.LACKS)
    with qtbot.wait_signal(view.pair_requested) as blocker:
        view.facts_view.clicked.emit(model.index(row, 3))
    left, right, offset = blocker.args
    assert right == coverage.articles[2].id and left != right and offset >= 0


def test_collation_heat_strips_and_containment(qtbot, view, coverage):
    cm = view.collation_model
    assert cm.columnCount() == 4 and cm.rowCount() == len(coverage.collation)
    readings = {cm.index(r, 3).data() for r in range(cm.rowCount())}
    assert {str(Reading.KEPT), str(Reading.DROPPED)} <= readings
    assert view.containment_model.index(1, 0).data().endswith("%")
    view.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    strips = view.strips
    herald = coverage.strips[2]
    alone = next(k for k, h in enumerate(herald) if h.presence == "alone")
    rect = strips.mark_rect(2, alone)
    image = strips.grab().toImage()
    from desktop.ui.theme import palette_colors

    assert image.pixelColor(rect.center()).name() == palette_colors(strips.palette()).deleted_line.name()
    with qtbot.wait_signal(view.pair_requested) as blocker:
        qtbot.mouseClick(strips, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0] == coverage.articles[2].id and blocker.args[1] == coverage.articles[0].id


def test_choosing_another_base_recollates(qtbot, view, coverage):
    with qtbot.wait_signal(view.base_changed) as blocker:
        view.base_box.activated.emit(2)
    assert blocker.args == [coverage.articles[2].id]
    assert view.coverage.base == 2
    assert view.collation_model.headerData(1, Qt.Orientation.Horizontal).startswith("Base: C")


def test_dark_palette_recolours_the_cells(qtbot, view):
    from desktop.ui.theme import DARK, dark_palette

    view.setPalette(dark_palette())
    qtbot.wait(10)
    assert view.facts_model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == DARK.changed


def test_cleared_view_says_so(view):
    view.set_coverage(None)
    assert view.facts_model.rowCount() == 0 and "No coverage" in view.summary.text()
