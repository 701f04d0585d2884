# -*- coding: utf-8 -*-
try:
    from urllib.request import Request, urlopen
    from urllib.parse import urlencode, quote
    from urllib.error import HTTPError
except ImportError:  # Python 2
    from urllib2 import Request, urlopen, HTTPError
    from urllib import urlencode, quote

try:
    string_types = (basestring,)  # noqa: F821
except NameError:
    string_types = (str,)

__all__ = ["Request", "urlopen", "urlencode", "quote", "HTTPError", "string_types"]
