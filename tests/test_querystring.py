"""Cutting hapikey out of a query: every other parameter survives, in order, and
the separators stay well formed, wherever the key stands."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hapimigrate.analysis.querystring import Piece, Unsafe, find_key
from tests.conftest import migrate, migrated_text


def cut_literal(url: str, keep_question: bool = False) -> str:
    pieces = [Piece(url, None)]
    cut = find_key(pieces, keep_question)
    assert cut is not None
    a, b = cut.text_cuts[0]
    return url[:a] + url[b:]


@pytest.mark.parametrize(
    "before,after",
    [
        ("/x?hapikey=K", "/x"),
        ("/x?hapikey=K&a=1", "/x?a=1"),
        ("/x?a=1&hapikey=K", "/x?a=1"),
        ("/x?a=1&hapikey=K&b=2", "/x?a=1&b=2"),
        ("/x?hapikey=K#top", "/x#top"),
        ("/x?a=1&hapikey=K#top", "/x?a=1#top"),
        ("hapikey=K&a=1", "a=1"),
        ("&hapikey=K", ""),
    ],
)
def test_cut(before, after):
    assert cut_literal(before) == after


def test_other_parameters_named_like_the_key_are_not_touched():
    assert find_key([Piece("/x?my_hapikey=1&nohapikey=2", None)]) is None


@pytest.mark.parametrize(
    "url",
    [
        '"%shapikey=%s" % ("https://api.hubapi.com/owners/v2/owners?", KEY)',
        '"%s%s%shapikey=%s" % ("https://api.hubapi.com", path, sep, KEY)',
        '"https://api.hubapi.com/x%(sep)shapikey=%(key)s" % {"sep": "?", "key": KEY}',
        '"https://api.hubapi.com/x?{}hapikey={}".format("", KEY)',
    ],
)
def test_a_separator_a_format_field_gives_is_a_manual_site_not_silence(url):
    """``%s`` or ``{}`` right before ``hapikey=`` fills in the ``?``/``&``: the
    key is there (a guard must see it), and where it may be cut is not known."""
    source = (
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        f"def get(path, sep='?'):\n    return requests.get({url})\n"
    )
    result = migrate(source)
    assert result.new is None or result.new.decode() == source
    assert [(s.kind.value, s.status.value, s.reason) for s in result.sites] == [
        ("url", "manual", "the query separator before the key is built at run time")
    ]


def test_keep_question_mark_for_queries_that_grow():
    assert cut_literal("/x?hapikey=K", keep_question=True) == "/x?"


@pytest.mark.parametrize("text", ["/x?hapikey=", "&hapikey=", "/x?a=1&hapikey="])
def test_a_key_whose_value_is_added_elsewhere_is_unsafe(text):
    # URL + KEY_PARAM + key: cutting the name alone would leave the key sent
    with pytest.raises(Unsafe, match="added to it elsewhere"):
        find_key([Piece(text, None)])


def test_value_followed_by_run_time_text_is_unsafe():
    with pytest.raises(Unsafe):
        find_key([Piece("/x?hapikey=", None), Piece(None, "KEY"), Piece(None, "rest")])


names = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8).filter(
    lambda n: n != "hapikey"
)
values = st.text("abcdefghijklmnopqrstuvwxyz0123456789-._~%", max_size=8)
params = st.lists(st.tuples(names, values), max_size=5)


@given(params, st.integers(min_value=0, max_value=5), st.booleans())
def test_cut_keeps_every_other_parameter_in_order(others, position, fragment):
    position = min(position, len(others))
    query = [f"{n}={v}" for n, v in others]
    query.insert(position, "hapikey=K-123")
    url = "https://api.hubapi.com/x?" + "&".join(query) + ("#frag" if fragment else "")
    expected = "https://api.hubapi.com/x"
    if others:
        expected += "?" + "&".join(f"{n}={v}" for n, v in others)
    expected += "#frag" if fragment else ""
    assert cut_literal(url) == expected


@given(params, st.integers(min_value=0, max_value=5))
def test_rewritten_code_builds_the_same_url_without_the_key(others, position):
    """Through the whole codemod: the migrated f-string evaluates to the URL
    without the key, and the key's expression is gone."""
    position = min(position, len(others))
    query = [f"{n}={v}" for n, v in others]
    query.insert(position, "hapikey={KEY}")
    source = f'import requests\nrequests.get(f"https://api.hubapi.com/x?{"&".join(query)}")\n'
    text = migrated_text(source)
    assert "KEY" not in text
    literal = text.split("requests.get(", 1)[1].split(", headers=", 1)[0]
    expected = "https://api.hubapi.com/x" + (
        "?" + "&".join(query[:position] + query[position + 1 :]) if others else ""
    )
    assert eval(literal) == expected


SEPARATED = (
    "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    "def get(path):\n    sep = {sep}\n"
    "    return requests.get('https://api.hubapi.com' + path + sep + 'hapikey=' + KEY{tail})\n"
)


@pytest.mark.parametrize(
    "sep,tail,url",
    [
        ("'&' if '?' in path else '?'", "", "'https://api.hubapi.com' + path,"),
        ("'?'", "", "'https://api.hubapi.com' + path,"),
        # what follows keeps the separator: path + sep + "a=1"
        ("'&' if '?' in path else '?'", " + '&a=1'", "path + sep + 'a=1',"),
    ],
)
def test_a_separator_that_only_serves_the_key_goes_with_it(sep, tail, url):
    """``path + sep + "hapikey=" + KEY``: a separator chosen at run time ("&" if
    the path has a query, else "?") goes with the key, leaving the path as it was."""
    text = migrated_text(SEPARATED.format(sep=sep, tail=tail))
    assert url in text
    assert "hapikey" not in text


def test_a_separator_that_may_be_something_else_stays():
    text = SEPARATED.format(sep="'&' if '?' in path else extra", tail="")
    assert migrated_text(text) == text


def test_a_separator_stays_when_text_is_added_after_the_key_at_run_time():
    """url += "&offset=..." after path + sep + "hapikey=" + KEY: cutting the
    separator with the key would glue the parameters to the path."""
    source = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def get(path, offset):\n    sep = '&' if '?' in path else '?'\n"
        "    url = 'https://api.hubapi.com' + path + sep + 'hapikey=' + KEY\n"
        "    url += '&offset=%d' % offset\n    return requests.get(url)\n"
    )
    assert migrated_text(source) == source
