# -*- coding: utf-8 -*-
"""py2/py3 shims -- we still run this on the old CentOS 6 box (python 2.6!)"""
try:
    from urllib import urlencode, quote
    from urllib2 import Request, urlopen, HTTPError
except ImportError:
    from urllib.parse import urlencode, quote
    from urllib.request import Request, urlopen
    from urllib.error import HTTPError

try:
    import json
except ImportError:
    import simplejson as json

try:
    string_types = basestring
except NameError:
    string_types = str
