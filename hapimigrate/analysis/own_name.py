"""The key's own variable is no sign of another way to authenticate.

    def update_contact(vid, props):
        private_app_access_token = 'pat-na1-...'
        params = {'hapikey': private_app_access_token}
        requests.post(endpoint, json=props, headers=headers, params=params)

The name says "access token", and ``attach`` looks for ``access_token`` in the
function's code as a sign of an OAuth mode beside the key; but that name holds
the very value sent as ``hapikey``: there is no other credential, no other
path. :func:`own_name_nodes` gives the occurrences of the key's name that are
the key itself: the one binding the key reads (a plain ``name = ...``) and the
reads of that binding. Any other occurrence (another binding of the same name,
a keyword ``access_token=``, an ``Authorization`` string built from it, a
``auth=`` argument) stays a sign.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext


def own_name_nodes(ctx: ModuleContext, key: cst.CSTNode | None) -> frozenset[int]:
    """The ids of the ``Name`` nodes that are the key's own variable: its one
    binding in the key's scope (a plain assignment target) and every read of
    it; empty unless ``key`` is a name bound exactly once there."""
    if not isinstance(key, cst.Name):
        return frozenset()
    scope = ctx.lexical_scope(key)
    if scope is None:
        return frozenset()
    assignments = list(scope.assignments[key.value])
    if len(assignments) != 1:
        return frozenset()
    (binding,) = assignments
    target = getattr(binding, "node", None)
    if not (
        isinstance(target, cst.Name)
        and isinstance(ctx.parent(target), cst.AssignTarget)
    ):
        return frozenset()
    reads = [reference.node for reference in binding.references]
    if not any(read is key for read in reads):
        return frozenset()  # the key reads another scope's binding
    if not all(isinstance(read, cst.Name) for read in reads):
        return frozenset()
    return frozenset({id(target), *(id(read) for read in reads)})
