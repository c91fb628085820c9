"""POP と IMAP: the church FAQ taught with a diagram; IMAP preselected and recommended."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.gui.flow import Page, effective_protocol
from assistant.gui.looks import LARGER
from assistant.gui.pages.base import BasePage, wrapping_label
from assistant.gui.state import WizardState
from assistant.gui.translations import diagram_path, help_html
from assistant.settings import Protocol

DIAGRAM_HEIGHT = (150, 190)  # pixels at the normal text size: least, most
# With larger text the wide picture (760x200) would need ~1100 px of width to grow ×1.5, more
# than a laptop's window has: the tall one (POP under IMAP, 374x404) grows in height instead.
TALL = 404 / 200


class ProtocolPage(BasePage):
    page_id = Page.PROTOCOL

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.diagram = QSvgWidget(self)  # loaded, and kept in proportion, by retranslate()
        self.imap = QRadioButton(self)
        self.pop = QRadioButton(self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.imap)
        self.group.addButton(self.pop)
        self.shared_pc = wrapping_label(self)  # the PC's mode is set on the first page
        self.leave_on_server = QCheckBox(self)
        self.leave_reason = wrapping_label(self)
        self.explanation = QTextBrowser(self)
        self.explanation.setOpenExternalLinks(False)
        self.explanation.setMinimumHeight(110)
        self.pop_options = QWidget(self)  # indented under the POP choice it belongs to
        indented = QVBoxLayout(self.pop_options)
        indented.setContentsMargins(24, 0, 0, 0)
        indented.addWidget(self.leave_on_server)
        indented.addWidget(self.leave_reason)
        for widget in (self.diagram, self.imap, self.pop, self.pop_options, self.shared_pc):
            self.body.addWidget(widget)
        self.body.addWidget(self.explanation, 1)

        self.imap.setChecked(state.protocol is Protocol.IMAP)
        self.pop.setChecked(state.protocol is Protocol.POP3)
        self.leave_on_server.setChecked(state.leave_on_server)
        self.imap.toggled.connect(self._changed)
        self.leave_on_server.toggled.connect(self._changed)
        self.finish_layout()
        self._changed()

    def initializePage(self) -> None:
        offered = self.state.offered_protocols()
        self.imap.setEnabled(Protocol.IMAP in offered)
        self.pop.setEnabled(Protocol.POP3 in offered and not self.state.shared_pc)
        (self.imap if effective_protocol(self.state) is Protocol.IMAP else self.pop).setChecked(
            True)
        self._changed()  # the first page may have changed the PC's mode since

    def _changed(self) -> None:
        self.shared_pc.setVisible(self.state.shared_pc)
        if self.state.shared_pc:
            self.imap.setChecked(True)
        self.pop.setEnabled(not self.state.shared_pc
                            and Protocol.POP3 in self.state.offered_protocols())
        chosen = Protocol.IMAP if self.imap.isChecked() else Protocol.POP3
        if chosen is not self.state.protocol:
            self.state.forget_servers()
        self.state.protocol = chosen
        self.state.leave_on_server = self.leave_on_server.isChecked()
        pop = chosen is Protocol.POP3
        self.pop_options.setVisible(pop)
        self.refresh_details()

    def text_size_changed(self) -> None:
        """The diagram's labels are part of the picture: they grow with the text."""
        if self.state.large_font:  # its full size: the page scrolls rather than shrink it
            self.diagram.setFixedHeight(round(DIAGRAM_HEIGHT[1] * LARGER * TALL))
        else:
            self.diagram.setMinimumHeight(DIAGRAM_HEIGHT[0])
            self.diagram.setMaximumHeight(DIAGRAM_HEIGHT[1])
        self._load_diagram()

    def _load_diagram(self) -> None:
        name = "pop-imap-tall" if self.state.large_font else "pop-imap"
        self.diagram.load(str(diagram_path(name, self.state.lang)))
        self.diagram.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)

    def retranslate(self) -> None:
        lang = self.state.lang
        self.setTitle(self.tr("POP and IMAP"))
        self.setSubTitle(self.tr("Where should your mail be kept? Read below, then choose."))
        self._load_diagram()
        self.diagram.setAccessibleName(self.tr("Diagram: IMAP and POP"))
        self.diagram.setAccessibleDescription(self.tr(
            "With IMAP the mail stays on the church's server and the computer, the phone and "
            "WebMail all show the same mail. With POP the mail is moved into one computer."))
        self.imap.setText(self.tr("IMAP: keep mail on the server (recommended)"))
        self.imap.setAccessibleName(self.imap.text())
        self.pop.setText(self.tr("POP: move mail into this computer"))
        self.pop.setAccessibleName(self.pop.text())
        self.shared_pc.setText(self.tr("This is a shared church computer: only IMAP is "
                                       "suitable, so the mail stays on the server."))
        self.leave_on_server.setText(self.tr("Leave mail on the server"))
        self.leave_on_server.setAccessibleName(self.leave_on_server.text())
        self.leave_reason.setText(self.tr(
            "Keep this on: otherwise mail read here disappears from the server, and WebMail, "
            "your phone or a later change to IMAP can no longer see it."))
        self.explanation.setHtml(help_html("pop-imap", lang))
        self.explanation.setAccessibleName(self.tr("Explanation of POP and IMAP"))

    def details_text(self) -> str:
        return "\n".join([
            self.tr("IMAP: port 993 (SSL/TLS from the start, RFC 8314) or 143 with STARTTLS"),
            self.tr("POP3: port 995 (SSL/TLS from the start) or 110 with STLS"),
            self.tr("Sending (SMTP): port 465 (SSL/TLS from the start) or 587 with STARTTLS, "
                    "with SMTP AUTH"),
            self.tr("Chosen: {protocol}; shared PC: {shared}; leave mail on the server: "
                    "{leave}").format(protocol=effective_protocol(self.state).value,
                                      shared=self.yes_no(self.state.shared_pc),
                                      leave=self.yes_no(self.state.leave_on_server)),
        ])
