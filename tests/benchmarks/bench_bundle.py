"""Bundle benchmark (on demand; fails on a missed README target, tests/benchmarks/targets.py).

Figures:
  size of the onedir bundle on disk, as .tar.gz and as .zip (target: compressed <= 45 MB);
  cold and warm start to the first page shown, in the same run, for the frozen bundle,
  ``python -m assistant`` and a bare PySide6 QWizard (target: frozen <= 1.3 x bare QWizard);
  peak memory (VmHWM) of each start, up to 500 ms after its first page.
"Start to the first page" ends when the program, N = 0 ms after showing its window, prints
its start-check line (assistant/embedded.py: SMOKE_ENV). Under Xvfb when it is installed (a
real xcb window), else offscreen. Cold starts drop the page cache first
(``echo 3 > /proc/sys/vm/drop_caches``, needs root); without root only warm starts are given.

Run: ``.venv/bin/pytest tests/benchmarks/bench_bundle.py -s -p no:cacheprovider -o addopts=""``
or ``PYTHONPATH=. .venv/bin/python tests/benchmarks/bench_bundle.py [BUNDLE_DIR]`` (without
BUNDLE_DIR the bundle is built into a temporary folder with the sample profile).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant import APP_NAME
from assistant.embedded import SMOKE_ENV
from tests.benchmarks.targets import enforce, exit_with
from tests.paths import ROOT, SAMPLE_PROFILE

WARM_RUNS = 9
COLD_RUNS = 5
MB = 1_000_000
MIB = 1 << 20

BARE_WIZARD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage
app = QApplication(sys.argv[:1])
wizard = QWizard()
for title in ("Welcome", "Account", "Done"):
    page = QWizardPage()
    page.setTitle(title)
    QVBoxLayout(page).addWidget(QLabel(title * 10))
    wizard.addPage(page)
wizard.show()
QTimer.singleShot(0, lambda: (print('{"smoke": 1}', flush=True), app.quit()))
sys.exit(app.exec())
"""


@dataclass
class Row:
    cold: float | None  # median seconds, None without root
    warm: float
    max_rss_mib: float


@dataclass
class Figures:
    disk: int
    files: int
    tar_gz: int
    zip: int
    platform: str
    starts: dict[str, Row]


def build_bundle(into: Path) -> Path:
    env = {**os.environ, "PYTHON": sys.executable, "DIST_DIR": str(into / "dist"),
           "WORK_DIR": str(into / "work")}
    subprocess.run(["bash", "packaging/build.sh", "bundle", str(SAMPLE_PROFILE)], cwd=ROOT,
                   env=env, check=True, capture_output=True, timeout=900)
    return into / "dist" / APP_NAME


def disk_size(root: Path) -> int:
    """Bytes of the files (symbolic links counted as links, as the archives store them)."""
    return sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir() or p.is_symlink())


def tar_gz_size(root: Path) -> int:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=6) as archive:
        archive.add(root, arcname=root.name)
    return buffer.tell()


def zip_size(root: Path) -> int:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(root.rglob("*")):
            name = str(path.relative_to(root.parent))
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = 0o120777 << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, name)
    return buffer.tell()


def can_drop_caches() -> bool:
    try:
        drop_caches()
    except OSError:
        return False
    return True


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def start_once(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Wall time until the start-check line appears."""
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if elapsed is None and line.startswith('{"smoke"'):
            elapsed = time.perf_counter() - began
    if process.wait() != 0 or elapsed is None:
        raise RuntimeError(f"{command[0]} gave no start-check line (exit {process.returncode})")
    return elapsed


def peak_rss_kib(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """VmHWM of a start that stays up 500 ms after its first page, read from /proc.

    getrusage/wait4 would report at least this (large) process's own peak: Linux carries the
    parent's high-water mark over fork and exec into the child's.
    """
    process = subprocess.Popen(command, cwd=cwd, env={**env, SMOKE_ENV: "500"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = Path(f"/proc/{process.pid}/status")
    peak = 0
    while process.poll() is None:
        with contextlib.suppress(OSError):
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        time.sleep(0.01)
    return peak


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for a real X window under Xvfb, or offscreen without Xvfb."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp",
                               "-screen", "0", "1280x1024x24"], pass_fds=(write_fd,),
                              stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as numbers:
        number = numbers.readline().strip()
    try:
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def workdir(name: str, bundle: Path) -> Path:
    """The frozen program from its own folder; the others from the repository, like `make run`."""
    return bundle if name == "frozen bundle" else ROOT


def measure(bundle: Path) -> Figures:
    python = str(Path(sys.executable))
    commands = {
        "frozen bundle": [str(bundle / APP_NAME)],
        "python -m assistant": [python, "-m", "assistant"],
        "bare QWizard": [python, "-c", BARE_WIZARD],
    }
    cold = can_drop_caches()
    starts: dict[str, Row] = {}
    with tempfile.TemporaryDirectory() as home, display() as screen:
        base = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env = {**base, **screen, SMOKE_ENV: "0", "HOME": home,
               "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "XDG_STATE_HOME": home,
               "XDG_CACHE_HOME": home, "PYTHONPATH": str(ROOT)}
        # Round-robin, so that load from other processes spreads over all three alike.
        colds: dict[str, list[float]] = {name: [] for name in commands}
        warms: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(COLD_RUNS if cold else 0):
            for name, command in commands.items():
                drop_caches()
                colds[name].append(start_once(command, env, workdir(name, bundle)))
        for name, command in commands.items():
            start_once(command, env, workdir(name, bundle))  # warm-up
        for _ in range(WARM_RUNS):
            for name, command in commands.items():
                warms[name].append(start_once(command, env, workdir(name, bundle)))
        for name, command in commands.items():
            starts[name] = Row(
                cold=statistics.median(colds[name]) if colds[name] else None,
                warm=statistics.median(warms[name]),
                max_rss_mib=peak_rss_kib(command, env, workdir(name, bundle)) / 1024,
            )
    files = sum(1 for p in bundle.rglob("*") if not p.is_dir() or p.is_symlink())
    return Figures(disk=disk_size(bundle), files=files, tar_gz=tar_gz_size(bundle),
                   zip=zip_size(bundle), platform=screen["QT_QPA_PLATFORM"], starts=starts)


def report_figures(f: Figures) -> None:
    print(f"\nbundle on disk: {f.disk / MB:.1f} MB ({f.disk / MIB:.1f} MiB), {f.files} files")
    print(f"bundle .tar.gz: {f.tar_gz / MB:.1f} MB ({f.tar_gz / MIB:.1f} MiB)   target <= 45 MB")
    print(f"bundle .zip:    {f.zip / MB:.1f} MB ({f.zip / MIB:.1f} MiB)")
    print(f"start to first page ({f.platform}), median; peak RSS:")
    for name, row in f.starts.items():
        cold = f"{row.cold * 1000:6.0f} ms" if row.cold is not None else "   n/a   "
        print(f"  {name:20} cold {cold}   warm {row.warm * 1000:6.0f} ms   "
              f"{row.max_rss_mib:6.1f} MiB")
    frozen, bare = f.starts["frozen bundle"], f.starts["bare QWizard"]
    ratio = f"warm {frozen.warm / bare.warm:.2f}"
    if frozen.cold is not None and bare.cold is not None:
        ratio += f", cold {frozen.cold / bare.cold:.2f}"
    print(f"frozen / bare QWizard: {ratio}   target <= 1.3")


def targeted(f: Figures) -> dict[str, float]:
    """Both compressed sizes must fit; the start ratio must hold warm and, when measured, cold."""
    frozen, bare = f.starts["frozen bundle"], f.starts["bare QWizard"]
    ratios = [frozen.warm / bare.warm]
    if frozen.cold is not None and bare.cold is not None:
        ratios.append(frozen.cold / bare.cold)
    return {"bundle_compressed_mb": max(f.tar_gz, f.zip) / MB, "frozen_over_bare": max(ratios)}


def test_bench_bundle(tmp_path: Path) -> None:
    figures = measure(build_bundle(tmp_path))
    report_figures(figures)
    enforce(targeted(figures))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        figures = measure(Path(sys.argv[1]).resolve())
    else:
        with tempfile.TemporaryDirectory() as folder:
            figures = measure(build_bundle(Path(folder)))
    report_figures(figures)
    exit_with(targeted(figures))
