"""A test bed's teardown leaves no process and no listening port behind, and notices leftovers."""

from __future__ import annotations

import os
import random

import pytest

from tests.testbed import Testbed
from tests.testbed.bed import claim_block, start_testbed
from tests.testbed.fakes import silent
from tests.testbed.procs import group_alive, listening


def test_second_bed_uses_another_block_and_cleans_up(testbed: Testbed) -> None:
    with start_testbed() as bed:
        assert bed.block != testbed.block
        assert len(listening(f"{bed.block}.")) >= 20
        assert bed.directory.is_dir()
        groups = bed.process_groups
        assert set(groups) == {"dovecot", "postfix", "dnsmasq"}
        assert all(group_alive(g) for g in groups.values())
    assert listening(f"{bed.block}.") == []
    assert not bed.directory.exists()
    assert not any(group_alive(g) for g in groups.values())


def test_teardown_reports_a_leftover_listener(testbed: Testbed) -> None:
    leftover = None
    with pytest.raises(AssertionError, match="still listening"), start_testbed() as bed:
        leftover = silent(bed.new_ip(), 110)
        leftover.__enter__()
    assert leftover is not None
    leftover.__exit__(None, None, None)
    assert listening(f"{bed.block}.") == []


def test_group_alive_sees_only_live_groups() -> None:
    assert group_alive(os.getpgrp())
    assert not group_alive(2**22 + 12345)


def test_a_claimed_block_is_never_handed_out_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    first, claim = claim_block()
    try:
        real = random.randint
        calls: list[int] = []

        def pick(low: int, high: int) -> int:
            calls.append(low)
            return int(first.split(".")[1]) if len(calls) <= 2 else real(low, high)

        monkeypatch.setattr(random, "randint", pick)
        second, claim2 = claim_block()
        claim2.close()
        assert second != first and len(calls) >= 3
    finally:
        claim.close()
