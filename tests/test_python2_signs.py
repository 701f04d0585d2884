"""The Python 2 signs (code generated for such a module stays valid Python 2)
are read one branch at a time, each where the text holds its word: the same
answer as the whole pattern, on every sign, near-misses and real files."""

from __future__ import annotations

import glob
import os

import pytest

from hapimigrate.python.context import _PYTHON2_SIGNS, python2_signs
from tests.conftest import ROOT

SIGNS = [
    "import urllib2\n",
    "q = urllib.urlencode(p)\n",
    "from urllib import quote, urlencode\n",
    "isinstance(x, basestring)\n",
    "for k, v in d.iteritems():\n    pass\n",
    "for i in xrange(3):\n    pass\n",
    "from __future__ import print_function\n",
    "from __future__ import (absolute_import,\n    unicode_literals)\n",
    *(
        f"import {m}\n"
        for m in (
            "urlparse", "httplib", "ConfigParser", "cPickle", "cStringIO",
            "StringIO", "Queue", "cookielib", "Cookie", "HTMLParser",
            "SocketServer", "xmlrpclib", "commands", "six", "future", "past",
        )
    ),
    "from six.moves import urllib\n",
    "    from future.standard_library import install_aliases\n",
    "if d.has_key('a'):\n    pass\n",
    "k = d.iterkeys()\n",
    "v = d.itervalues()\n",
    "s = unicode(b)\n",
    "c = unichr(65)\n",
    "x = raw_input()\n",
    "execfile('setup.py')\n",
    "n = sys.maxint\n",
    "#!/usr/bin/env python2\nprint 1\n",
]  # fmt: skip

NEAR_MISSES = [
    "six = 6\n",
    "from futures import thread\n",
    "from pastebin import client\n",
    "import sixer\n",
    "my_unicode(x)\n",
    "text = 'the future is here'\n",
    "from __future__ import annotations\n",
    "x = os.maxint_value\n",
    "print('python2 is gone')\n",
    "from __future__ import generator_stop\n",
    "q = parse.urlencode(p)\n",
]


@pytest.mark.parametrize("text", SIGNS)
def test_each_sign_is_seen(text):
    assert python2_signs(text) is True
    assert _PYTHON2_SIGNS.search(text) is not None


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_answer_as_the_whole_pattern(text):
    assert python2_signs(text) == (_PYTHON2_SIGNS.search(text) is not None)


def test_real_files_answer_as_the_whole_pattern():
    paths = glob.glob(os.path.join(ROOT, "fixtures", "**", "*.py"), recursive=True)
    paths += glob.glob(
        os.path.join(ROOT, "bench", "corpus*", "**", "*.py"), recursive=True
    )
    paths += glob.glob(os.path.join(ROOT, "hapimigrate", "**", "*.py"), recursive=True)
    assert len(paths) > 500
    for path in paths:
        with open(path, encoding="latin-1") as handle:
            text = handle.read()
        assert python2_signs(text) == (_PYTHON2_SIGNS.search(text) is not None), path
