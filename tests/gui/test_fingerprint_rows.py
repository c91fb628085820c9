"""The certificate question shows the 64-digit fingerprint in two rows of 16 bytes: in one
row it was wider than the page and pushed the question past the window's right edge."""

from assistant.gui.pages.server import _two_lines


def test_a_fingerprint_is_shown_in_two_rows_of_sixteen_bytes() -> None:
    fingerprint = ":".join(f"{n:02X}" for n in range(32))
    first, second = _two_lines(fingerprint).split("\n")
    assert first.split(":") == [f"{n:02X}" for n in range(16)]
    assert second.split(":") == [f"{n:02X}" for n in range(16, 32)]
    assert (first + ":" + second) == fingerprint
