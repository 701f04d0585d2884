# Python 2/3 shims -- this code base ran on 2.7 until 2020.
try:
    from urllib.request import (  # noqa: F401
        BaseHandler,
        HTTPError,
        Request,
        build_opener,
        urlopen,
    )
    from urllib.parse import urlencode, urlparse, parse_qsl, urlunparse, quote  # noqa: F401
except ImportError:  # pragma: no cover
    from urllib2 import BaseHandler, HTTPError, Request, build_opener, urlopen  # noqa: F401
    from urllib import urlencode, quote  # noqa: F401
    from urlparse import urlparse, parse_qsl, urlunparse  # noqa: F401

import json  # noqa: E402


def loads(raw):
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    return json.loads(raw) if raw else {}
