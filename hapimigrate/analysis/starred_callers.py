"""Which call hands a key parameter its arguments with ``*`` or ``**``.

    class Hubspot:
        def __init__(self, api_key):
            self.params = {"hapikey": api_key, "limit": 100}
    hubspot_client = Hubspot(**config["Resources"]["hubspot"])

The key is the caller's, and the call unpacks a mapping read at run time: what
``api_key`` is given cannot be seen. The reason names that call, so the person
knows where the key comes from (and where the token must go instead).
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import origins
from hapimigrate.python.context import ModuleContext

STARRED = (
    "a caller passes its arguments with * or ** (line {}: {}): what it gives as "
    "{} cannot be seen; where it is the configured key, make what it unpacks "
    "hold the token, by hand"
)
PLAIN = "a caller passes its arguments with * or **"
_LONGEST = 60  # characters of the call shown


def reason(ctx: ModuleContext, param: cst.Param) -> str:
    """The reason for ``param``'s callers when one unpacks its arguments."""
    for _, call, _ in origins._caller_calls(ctx, param) or ():
        if any(a.star for a in call.args):
            code = " ".join(ctx.code(call).split())
            if len(code) > _LONGEST:
                code = code[: _LONGEST - 3] + "..."
            return STARRED.format(ctx.start(call)[0], code, param.name.value)
    return PLAIN
