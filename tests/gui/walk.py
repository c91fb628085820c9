"""A walk over every page with the canned backend, and the checks made on each page.

Used by test_qualities.py in-process and, for the 150 % scaling check, in a subprocess
started with QT_SCALE_FACTOR=1.5 (the factor must be set before Qt starts).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from assistant.gui.flow import Page
from assistant.gui.state import Options, WizardState
from assistant.gui.translations import Translations
from assistant.gui.wizard import MailWizard
from tests.gui.demo import DemoBackend
from tests.gui.helpers import current, fill_account, press_back, press_next


def visible_texts(widget: QWidget) -> Iterator[tuple[QWidget, str]]:
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QAbstractButton) and child.text():
            yield child, child.text()


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower or lower than their text needs."""
    problems = []
    for widget, text in visible_texts(root):
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_height = widget.heightForWidth(widget.width())
            if needed_height > widget.height() + 1:
                problems.append(f"{text!r}: height {widget.height()} < {needed_height}")
        elif widget.width() + 1 < hint.width():
            problems.append(f"{text!r}: width {widget.width()} < {hint.width()}")
    return problems


def outside_screen(window: QWidget) -> list[str]:
    """The window's frame and visible buttons that reach past its screen's free area."""
    screen = window.screen()
    room = screen.availableGeometry()
    problems = [] if room.contains(window.frameGeometry()) else [
        f"window {window.frameGeometry().getRect()} outside {room.getRect()}"]
    for button in window.findChildren(QAbstractButton):
        shown = button.visibleRegion().boundingRect()  # a page scrolled past it hides it
        if button.isVisible() and not shown.isEmpty():
            rect = QRect(button.mapToGlobal(shown.topLeft()), shown.size())
            if not room.contains(rect):
                problems.append(f"{button.text()!r} at {rect.getRect()} outside {room.getRect()}")
    return problems


def cut_buttons(window: QWidget) -> list[str]:
    """Visible buttons smaller than their size hint (a cut label), and those outside the
    window; a page's own buttons may lie beyond its scrolled part (they scroll into view)."""
    problems = []
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        hint, size = button.sizeHint(), button.size()
        # One pixel of rounding, as in clipped(): at 150 % layouts split odd pixels.
        if hint.width() > size.width() + 1 or hint.height() > size.height() + 1:
            problems.append(f"{button.text()!r}: {size.width()}x{size.height()} < "
                            f"{hint.width()}x{hint.height()}")
        rect = QRect(button.mapTo(window, QPoint(0, 0)), size)
        scrolled = any(isinstance(w, QScrollArea) for w in _ancestors(button, window))
        if not scrolled and not inside.contains(rect):
            problems.append(f"{button.text()!r} at {rect.getRect()} outside the window "
                            f"{inside.getRect()}")
    return problems


def _ancestors(widget: QWidget, top: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        yield parent
        parent = parent.parentWidget()


def walk(lang: str, work: Path, translations: Translations,
         on_page: Callable[[MailWizard, Page], None], *, volunteer: bool = False,
         large_font: bool = False, wait: Callable[[Callable[[], bool]], object]) -> MailWizard:
    """Go through every page, calling ``on_page`` on each once it has settled. The checks'
    pages go on by themselves for a member: they are looked at through 戻る afterwards."""
    translations.install(lang)
    state = WizardState(lang=lang, volunteer=volunteer, large_font=large_font,
                        options=Options())
    wizard = MailWizard(state, translations, DemoBackend(work))
    wizard.show()
    fill_account(wizard, "山田 太郎", "taro@example-church.jp", "pw-demo-123")
    on_page(wizard, Page.ACCOUNT)
    press_next(wizard)
    assert current(wizard) is Page.PROTOCOL, current(wizard)
    on_page(wizard, Page.PROTOCOL)
    press_next(wizard)  # 確認する
    while current(wizard) is not Page.CLIENT:  # a volunteer's details hold each result
        wait(lambda: current(wizard) is Page.CLIENT or wizard.currentPage().isComplete())
        if current(wizard) is not Page.CLIENT:
            on_page(wizard, current(wizard))
            press_next(wizard)
    if not volunteer:
        for page in (Page.LOGIN, Page.SERVER):
            press_back(wizard)
            assert current(wizard) is page, current(wizard)
            on_page(wizard, page)
        press_next(wizard)  # 確認する again: the login check, and on by itself
        wait(lambda: current(wizard) is Page.CLIENT)
    wait(wizard.currentPage().isComplete)
    on_page(wizard, Page.CLIENT)
    press_next(wizard)
    assert current(wizard) is Page.DONE, current(wizard)
    on_page(wizard, Page.DONE)
    return wizard


def main() -> int:
    """Subprocess entry: print clipped texts of every page in both languages (``--large``:
    with 文字を大きくする on; ``--fit``: also the window and buttons that do not fit the
    screen, and buttons cut or outside the window)."""
    import tempfile

    from tests.gui.screenshots import wait_until

    app = QApplication(sys.argv[:1])
    large = "--large" in sys.argv
    fit = "--fit" in sys.argv  # on the member's screens: the window must fit them too
    translations = Translations()
    problems: list[str] = []

    def check(wizard: MailWizard, page: Page) -> None:
        wait_until(lambda: False, 100)
        found = clipped(wizard) + (outside_screen(wizard) + cut_buttons(wizard) if fit else [])
        problems.extend(f"{page.name}: {p}" for p in found)

    with tempfile.TemporaryDirectory() as work:
        for lang in ("ja", "en"):
            wizard = walk(lang, Path(work), translations, check,
                          large_font=large,
                          wait=lambda c: wait_until(c, 10000))
            wizard.shut_down()
            wizard.close()
    print("\n".join(problems) if problems else "OK")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
