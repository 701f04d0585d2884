"""Every fixer's examples, from its own table (``examples_<fixer>.py``): the
rewrites it must make, the code it must leave untouched, and the code it must leave
for a person with the reason."""

from __future__ import annotations

import pytest

from tests.fixers import (
    assert_left_for_a_person,
    assert_rewrites,
    assert_untouched,
    examples_held_names,
    examples_odd_key_params,
    examples_params,
    examples_sdk_clients,
    examples_url_strings,
)

TABLES = {
    "held_names": examples_held_names,
    "odd_key_params": examples_odd_key_params,
    "params": examples_params,
    "sdk_clients": examples_sdk_clients,
    "url_strings": examples_url_strings,
}


def _cases(table: str) -> list:
    return [
        pytest.param(
            *(case if isinstance(case, tuple) else (case,)), id=f"{fixer}-{index}"
        )
        for fixer, module in TABLES.items()
        for index, case in enumerate(getattr(module, table))
    ]


@pytest.mark.parametrize("before, after", _cases("REWRITES"))
def test_rewrites(before, after):
    assert_rewrites(before, after)


@pytest.mark.parametrize("source", _cases("UNTOUCHED"))
def test_untouched(source):
    assert_untouched(source)


@pytest.mark.parametrize("source, status, reason", _cases("LEFT_FOR_A_PERSON"))
def test_left_for_a_person(source, status, reason):
    assert_left_for_a_person(source, status, reason)
