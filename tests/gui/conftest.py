"""Fixtures of the wizard tests: offscreen Qt, compiled translations, wizards on the test bed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

import pytest


@pytest.fixture(scope="session", autouse=True)
def _translations_compiled(compiled_translations: None) -> None:
    """Every wizard test shows the compiled catalogues (tests/conftest.py)."""


@pytest.fixture(autouse=True)
def _machine_settings_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the wizard remembers for the computer (text size) goes to the test's folder."""
    monkeypatch.setenv("MAIL_ASSISTANT_CONFIG_DIR", str(tmp_path / "machine-settings"))


@pytest.fixture(scope="session")
def translations(qapp: object) -> Iterator[object]:
    """One set of installed translators for the whole session (as in the real program)."""
    from assistant.gui.translations import Translations

    installed = Translations()
    yield installed
    installed.install("ja")


MakeWizard = Callable[..., object]


@pytest.fixture
def make_wizard(qtbot: object, translations: object, tmp_path: Path) -> Iterator[MakeWizard]:
    """``make_wizard(lang="ja", backend=None, testbed=None, **state)``: a shown wizard whose
    network and files go to the test bed and ``tmp_path``; stopped cleanly afterwards."""
    from assistant.gui.state import Options, WizardState
    from assistant.gui.wizard import MailWizard

    made: list[MailWizard] = []

    def make(lang: str = "ja", backend: object = None, testbed: object = None,
             probe_timeout: float = 6.0, **fields: object) -> MailWizard:
        options = Options(probe_timeout=probe_timeout, login_timeout=10.0,
                          thunderbird_profile=tmp_path / "thunderbird",
                          outlook_output=tmp_path / "outlook")
        if testbed is not None:
            options.dns_server = testbed.dns_server  # type: ignore[attr-defined]
            options.ca_file = testbed.ca_file  # type: ignore[attr-defined]
        (tmp_path / "thunderbird").mkdir(exist_ok=True)
        translations.install(lang)  # type: ignore[attr-defined]
        state = WizardState(lang=lang, options=options, **fields)  # type: ignore[arg-type]
        wizard = MailWizard(state, translations, backend)  # type: ignore[arg-type]
        qtbot.addWidget(wizard)  # type: ignore[attr-defined]
        wizard.show()
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        assert wizard.shut_down(10000), "a background task did not stop"
        wizard.close()
