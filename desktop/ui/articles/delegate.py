"""Paints the title cell in two lines: the title, then source, date and length in a muted colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.articles.model import Role

PADDING = 3


class TitleDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # Qt override
        base = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        return QSize(base.width(), max(base.height(), 2 * line + 2 * PADDING + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # Qt override
        # The view's option already carries state, rect and palette: enough for the style to
        # draw the selection panel. Text and icon are drawn below, so initStyleOption (slow,
        # it asks the model for every role) is not needed.
        opt = option
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        rect = opt.rect.adjusted(PADDING + 1, PADDING, -PADDING, -PADDING)
        size = opt.decorationSize
        if icon is not None and not icon.isNull():
            icon_rect = QRect(rect.left(), rect.top() + 1, size.width(), size.height())
            icon.paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter)
            rect.setLeft(icon_rect.right() + 6)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fm = opt.fontMetrics
        line = fm.height()
        painter.save()
        painter.setFont(opt.font)
        foreground = None if selected else index.data(Qt.ItemDataRole.ForegroundRole)  # a missing file is greyed
        painter.setPen(foreground.color() if foreground is not None else opt.palette.color(group, text_role))
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        subtitle = index.data(Role.SUBTITLE) or ""
        if subtitle:
            if selected:
                color = opt.palette.color(group, text_role)
            else:
                from desktop.ui.theme import palette_colors

                color = palette_colors(opt.palette).muted_text
            painter.setPen(color)
            painter.drawText(
                QRect(rect.left(), rect.top() + line + 1, rect.width(), line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()
        if opt.state & QStyle.StateFlag.State_HasFocus:  # keyboard users see where they are
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, opt, painter, opt.widget)
