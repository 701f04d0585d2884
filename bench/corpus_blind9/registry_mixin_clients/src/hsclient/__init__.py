from hsclient.registry import CLIENTS, make_client, register  # noqa: F401
from hsclient import clients  # noqa: F401  (fills the registry)
