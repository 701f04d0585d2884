try:
    import http.client as httplib
except ImportError:  # python 2
    import httplib  # noqa: F401

try:
    from urllib.parse import quote, urlencode
except ImportError:  # python 2
    from urllib import quote, urlencode  # noqa: F401
