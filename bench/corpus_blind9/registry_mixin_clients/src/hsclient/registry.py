CLIENTS = {}


def register(name):
    def decorator(cls):
        CLIENTS[name] = cls
        return cls
    return decorator


def make_client(kind="full", **kwargs):
    try:
        cls = CLIENTS[kind]
    except KeyError:
        raise LookupError("unknown HubSpot client %r (have: %s)" % (kind, ", ".join(sorted(CLIENTS))))
    return cls(**kwargs)
