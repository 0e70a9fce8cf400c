"""Icons are plain pixmaps: copies can be detached and painted without a Python engine behind them."""

import gc

import pytest

pytestmark = pytest.mark.gui


def test_a_detached_copy_of_every_icon_paints(qapp):
    # QIcon(icon).addPixmap() detaches the copy, which makes Qt clone the icon's engine: with
    # a Python QIconEngine the clone's Python half was freed and the next paint crashed.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

    from desktop.ui.icons import GLYPHS, icon

    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    for purpose in GLYPHS:
        original = icon(purpose)
        copy = QIcon(original)
        copy.addPixmap(QPixmap(8, 8))
        gc.collect()
        painter = QPainter(image)
        copy.paint(painter, QRect(0, 0, 24, 24))
        original.paint(painter, QRect(24, 24, 24, 24), mode=QIcon.Mode.Disabled)
        painter.end()
        assert not original.isNull() and not copy.pixmap(16, 16).isNull()


def test_icons_are_drawn_in_the_palette_colour(qapp):
    from PySide6.QtGui import QGuiApplication, QPalette

    from desktop.ui.icons import icon

    image = icon("find").pixmap(32, 32).toImage()
    inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y).alpha() > 200]
    assert inked, "the glyph drew nothing"
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    assert any(abs(c.red() - text.red()) < 40 and abs(c.green() - text.green()) < 40 for c in inked)
