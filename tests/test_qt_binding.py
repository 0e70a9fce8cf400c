"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on CPython 3.11 lost a reference to None on every void call and to
True/False on every bool signal, so a long session aborted with "none_dealloc";
pyproject.toml excludes that release. This guards against any other such release.
"""

import sys

import pytest

pytestmark = pytest.mark.gui


def test_void_calls_and_bool_signals_keep_singleton_refcounts(qapp):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    action = QAction()
    action.setCheckable(True)
    seen = [0]

    def on_toggled(checked):
        seen[0] += 1

    action.toggled.connect(on_toggled)
    before = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    for i in range(2000):
        widget.setEnabled(True)
        action.setChecked(i % 2 == 0)
    after = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    assert seen[0] == 2000
    for name in before:
        assert abs(after[name] - before[name]) < 100, (name, before[name], after[name])
