"""The Linux bundle, built once per session with the sample profile embedded (~20 s)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant import APP_NAME
from tests.packaging.helpers import Bundle, build_script
from tests.paths import SAMPLE_PROFILE


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory,
           compiled_translations: None) -> Iterator[Bundle]:
    if not SAMPLE_PROFILE.is_file():
        pytest.fail(f"sample profile missing: {SAMPLE_PROFILE}")
    base = tmp_path_factory.mktemp("bundle")
    result = build_script("bundle", str(SAMPLE_PROFILE),
                          env={"DIST_DIR": str(base / "dist"), "WORK_DIR": str(base / "work")})
    assert result.returncode == 0, f"bundle build failed:\n{result.stdout}\n{result.stderr}"
    root = base / "dist" / APP_NAME
    yield Bundle(root=root, program=root / APP_NAME, data=root / "_internal",
                 profile=SAMPLE_PROFILE)
