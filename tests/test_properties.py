"""Property tests over generated code: modules without HubSpot usage come out
byte-identical, and applying twice is applying once."""

from __future__ import annotations

import hypothesmith
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import migrate


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_modules_without_hubspot_usage_are_untouched(source):
    result = migrate(source)
    assert result.error is None
    assert result.new is None


queries = st.lists(
    st.sampled_from(["count=10", "offset={offset}", "limit=%d", "property=email"]),
    max_size=3,
)


@settings(max_examples=40, deadline=None)
@given(queries, st.integers(0, 3), st.sampled_from(["+", "f", "format", "params"]))
def test_apply_twice_equals_apply_once(query, position, style):
    parts = [q for q in query if "%" not in q and "{" not in q]
    position = min(position, len(parts))
    if style == "params":
        source = (
            "import requests\n"
            f"requests.get('https://api.hubapi.com/deals/v1/deal/paged?{'&'.join(parts)}', "
            "params={'hapikey': KEY})\n"
        )
    else:
        with_key = parts[:position] + ["hapikey=KEYFIELD"] + parts[position:]
        url = "https://api.hubapi.com/deals/v1/deal/paged?" + "&".join(with_key)
        if style == "+":
            expr = "'" + url.replace("KEYFIELD", "' + KEY + '") + "'"
        elif style == "f":
            expr = "f'" + url.replace("KEYFIELD", "{KEY}") + "'"
        else:
            expr = "'" + url.replace("KEYFIELD", "{}") + "'.format(KEY)"
        source = f"import requests\nrequests.get({expr})\n"
    once = migrate(source)
    assert once.new is not None, source
    twice = migrate(once.new)
    assert twice.new is None
    assert b"hapikey" not in once.new and b"KEY" not in once.new
