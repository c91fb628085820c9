"""How the wizard looks for an elderly reader: 12 pt body text (×1.5 on request), placeholder
text well above 4.5:1 contrast, and a focus frame that can be seen (a faint fill was all
Fusion showed)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

BODY_POINTS = 12.0  # ~16 px at 100 %
LARGER = 1.5
# #595959 on white is 7.0:1; Qt's default placeholder (#959595 here) was about 3:1.
PLACEHOLDER = (0x59, 0x59, 0x59)
# #1A5FB4 is 6.4:1 on white and 5.5:1 on the window's light grey.
FOCUS = (0x1A, 0x5F, 0xB4)
FOCUS_WIDTH = 2

INDICATOR = 1.25  # check marks a little larger than the style's, at the normal text size
_FRAMED = (QStyle.PrimitiveElement.PE_FrameFocusRect, QStyle.PrimitiveElement.PE_PanelLineEdit)


def body_points(large: bool) -> float:
    return BODY_POINTS * (LARGER if large else 1.0)


# Check boxes' and radio buttons' marks, which styles draw at a fixed ~13 px whatever the text.
_INDICATORS = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
               QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
               QStyle.PixelMetric.PM_ExclusiveIndicatorHeight)


class FocusFrameStyle(QProxyStyle):
    """The platform's style, with a solid frame around whatever has the keyboard focus, and
    check marks that grow with the text (a 13 px box is hard to hit for a shaky hand)."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            return round(size * QApplication.font().pointSizeF() / BODY_POINTS * INDICATOR)
        return size

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _FRAMED and option.state & QStyle.StateFlag.State_HasFocus:
            draw_focus_frame(painter, option.rect)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption,
                    painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element is QStyle.ControlElement.CE_PushButton and (
                option.state & QStyle.StateFlag.State_HasFocus):
            draw_focus_frame(painter, option.rect)


def draw_focus_frame(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setPen(QPen(QColor(*FOCUS), FOCUS_WIDTH))
    painter.setBrush(QColor(0, 0, 0, 0))
    half = FOCUS_WIDTH // 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


def apply_looks(large: bool) -> None:
    """Body text size, placeholder colour and the focus frame, for the whole application."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not isinstance(app.style(), FocusFrameStyle):
        app.setStyle(FocusFrameStyle())
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(*PLACEHOLDER))
    app.setPalette(palette)
    set_text_size(large)


def set_text_size(large: bool) -> None:
    font = QApplication.font()
    font.setPointSizeF(body_points(large))
    QApplication.setFont(font)
