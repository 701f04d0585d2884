"""A class whose constructor now takes a token, read elsewhere only for a
class attribute that carries the key itself (issue #12):

    # shopsync/orders.py
    class OrderSync(object):
        CONTACT_URL = settings.HUBSPOT_BASE + "/contacts/v1/contact/email/{email}/profile?hapikey=" + settings.HUBSPOT_KEY

        def __init__(self, api_key=settings.HUBSPOT_KEY):
            self.contacts = ContactsClient(api_key=api_key)
    # shopsync/lookup.py
    requests.get(OrderSync.CONTACT_URL.format(email=email))

``OrderSync.CONTACT_URL`` is a carrier of its own
(:mod:`hapimigrate.fixers.class_carriers`: a value set in the class body, the
URL losing its key where every read sends it to HubSpot). For the class as a
carrier of its constructor's parameter (its callers pass tokens), that read
was "used here other than called", which kept the constructor and every
``ContactsClient(api_key=...)`` it makes manual. It makes no instance, calls
no method, hands the class to nothing and passes no key to the constructor:
reading a value of the class body does not run the constructor, so it is a
use that hands in nothing (:func:`reads_carried_attribute`). Any other
attribute (a method, ``from_env``, one that is not a carrier the class's
module exported, so not known to be a plain value of the class body), a write
to the attribute, or a call of it stays a use hapimigrate does not follow.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.model import Carrier
from hapimigrate.python.context import ModuleContext

# where an attribute is written, not read
_STORES = (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.Del, cst.AsName)


def reads_carried_attribute(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode
) -> bool:
    """Whether ``node``, naming ``carrier`` (a class whose constructor's
    parameter now takes a token), is read here only as ``Class.NAME`` where
    ``Class.NAME`` is a class attribute its module exported as a carrier (a
    value set in the class body), and that value is read, not written nor
    called."""
    attribute = ctx.parent(node)
    if not (isinstance(attribute, cst.Attribute) and attribute.value is node):
        return False
    name = f"{carrier.name}.{attribute.attr.value}"
    if not any(c.path == carrier.path and c.name == name for c in ctx.carriers):
        return False
    holder = ctx.parent(attribute)
    if isinstance(holder, _STORES) or (
        isinstance(holder, (cst.For, cst.CompFor)) and holder.target is attribute
    ):
        return False
    return not (isinstance(holder, cst.Call) and holder.func is attribute)
