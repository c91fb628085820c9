"""packaging/lock-linux.txt is pyproject.toml's: every dependency (with the test and build
extras and the build system) is pinned there, with hashes, at a version its specifier allows."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.paths import ROOT

LOCK = ROOT / "packaging" / "lock-linux.txt"


def locked() -> dict[str, tuple[str, int]]:
    """Locked name → (version, number of hashes)."""
    pins: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            pins[canonicalize_name(match.group(1))] = (match.group(2),
                                                       block.count("--hash=sha256:"))
    return pins


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for extra in ("test", "build"):
        names += project["project"]["optional-dependencies"][extra]
    return [Requirement(name) for name in names]


def test_every_declared_dependency_is_locked_with_hashes_inside_its_range() -> None:
    pins = locked()
    problems = []
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement} is not in the lock")
            continue
        version, hashes = pins[name]
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement}: the lock has {version}")
        if not hashes:
            problems.append(f"{name}=={version} has no hash")
    assert not problems, "run `make lock`:\n" + "\n".join(problems)


def test_every_locked_package_has_hashes() -> None:
    pins = locked()
    assert len(pins) > 20
    assert [name for name, (_, hashes) in pins.items() if not hashes] == []
    assert pins["dnspython"][0] != "2.6.0"  # its TCP fallback on truncated answers is broken
