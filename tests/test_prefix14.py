"""Key text joined to URLs apart from the request (round 14, "prefix14").

A ``?hapikey=`` prefix held in a name and joined to the key where the URL is
built (``URL + API_KEY + key_value``), and URL templates with positional fields
filled by ``.format(..., hapikey)`` at the request, migrate when every use is
such a join (or a formatting at a request); anything else (the prefix read
apart from a join, named by another module, sent to another host, joined to
two portals' keys; a template also formatted for a log, or mixing named
fields) stays manual (:mod:`hapimigrate.fixers.prefix_names`,
:mod:`hapimigrate.analysis.format_templates`)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

# -- a ?hapikey= prefix in a name -----------------------------------------------

SCRIPT = """\
import os

import requests

API_KEY = "?hapikey="
HS_API_URL = "https://api.hubapi.com"
KEY_VALUE = os.environ["HUBSPOT_API_KEY"]


def engagements(offset=None):
    endpoint = "/engagements/v1/engagements/paged"
    url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250"
    if offset:
        url = url + "&offset=" + str(offset)
    response = requests.get(url)
    response.raise_for_status()
    return response.json()


def contact_count():
    url = HS_API_URL + "/contacts/v1/contacts/statistics" + API_KEY + KEY_VALUE
    return requests.get(url).json()["contacts"]
"""

SCRIPT_SCENARIO = '''\
"""A ?hapikey= prefix joined to the configured key at each request."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/engagements/v1/engagements/paged", "json": {"results": []}},
    {"method": "GET", "url": r"/contacts/v1/contacts/statistics", "json": {"contacts": 3}},
]


def case_calls(credential):
    import hs_api

    assert hs_api.engagements() == {"results": []}
    assert hs_api.engagements(offset=7) == {"results": []}
    assert hs_api.contact_count() == 3
'''

BEARER = 'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'


def _one(tmp_path, source: str, name: str = "hs_api.py", **more: str):
    out = migrate(tmp_path, {name: source, **more})
    statuses, text, reasons = out[name]
    return statuses, text, " ".join(reasons)


def test_a_bare_prefix_goes_and_each_url_loses_the_key(tmp_path):
    statuses, text, reasons = _one(tmp_path, SCRIPT)
    assert statuses == [Status.REWRITE] * 3, reasons
    assert "hapikey" not in text and "API_KEY" not in text
    assert 'url = HS_API_URL + endpoint + "?limit=250"\n' in text
    assert 'url = HS_API_URL + "/contacts/v1/contacts/statistics"\n' in text
    assert f"requests.get(url, {BEARER})" in text
    assert "nothing reads it now" in reasons


def test_the_prefix_script_behaves_the_same_with_the_token(tmp_path):
    files = {"src/hs_api.py": SCRIPT, "scenario.py": SCRIPT_SCENARIO}
    behaves(tmp_path, files, manual=0)


BLOG = """\
import os

import requests

# your HubSpot API key
api_key = os.environ["HUBSPOT_API_KEY"]
blog_id = "42"
api_params = "&state=PUBLISHED&limit=500&content_group_id="

hubspot_blog_api_base_url = "https://api.hubapi.com/content/api/v2/blog-posts?hapikey="


def posts():
    api_response = requests.get(hubspot_blog_api_base_url + api_key + api_params + blog_id)
    return api_response.json()


def drafts():
    return requests.get(hubspot_blog_api_base_url + api_key + "&state=DRAFT").json()
"""

BLOG_SCENARIO = '''\
"""A blog-posts URL ending in ?hapikey= joined to the key, then more parameters."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/content/api/v2/blog-posts", "json": {"objects": []}},
]


def case_calls(credential):
    import blog

    assert blog.posts() == {"objects": []}
    assert blog.drafts() == {"objects": []}
'''


def test_a_base_url_prefix_keeps_its_name_and_loses_hapikey(tmp_path):
    statuses, text, reasons = _one(tmp_path, BLOG, "blog.py")
    assert statuses == [Status.REWRITE] * 3, reasons
    assert (
        'hubspot_blog_api_base_url = "https://api.hubapi.com/content/api/v2/'
        'blog-posts?"\n'
    ) in text
    assert (
        "requests.get(hubspot_blog_api_base_url + api_params + blog_id, " f"{BEARER})"
    ) in text
    assert f'requests.get(hubspot_blog_api_base_url + "state=DRAFT", {BEARER})' in (
        text
    )
    assert "hapikey" not in text and "api_key" not in text
    assert "keeps the rest of its text" in reasons


def test_the_blog_script_behaves_the_same_with_the_token(tmp_path):
    files = {"src/blog.py": BLOG, "scenario.py": BLOG_SCENARIO}
    behaves(tmp_path, files, manual=0)


PY2_BLOG = """\
import os
import requests

api_key = os.environ["HUBSPOT_API_KEY"]
base_url = "https://api.hubapi.com/content/api/v2/blog-posts?hapikey="

api_response = requests.get(base_url + api_key + "&limit=500")
print "got " + str(len(api_response.json()["objects"]))
"""


def test_a_python2_script_at_module_level(tmp_path):
    statuses, text, reasons = _one(tmp_path, PY2_BLOG, "blog_replace.py")
    assert statuses == [Status.REWRITE] * 2, reasons
    assert f'requests.get(base_url + "limit=500", {BEARER})' in text
    assert 'base_url = "https://api.hubapi.com/content/api/v2/blog-posts?"' in text
    assert 'print "got "' in text


CLIENT = """\
import requests

from crm import settings

BASE = "https://api.hubapi.com"
KEY_PARAM = "&hapikey="


class Contacts(object):
    def __init__(self):
        self.session = requests.Session()

    def recent(self, count):
        url = BASE + "/contacts/v1/lists/recently_updated/contacts/recent?count=" + str(count)
        return self.session.get(url + KEY_PARAM + settings.HUBSPOT_KEY).json()

    def one(self, vid):
        url = BASE + "/contacts/v1/contact/vid/" + str(vid) + "/profile?showListMemberships=false"
        return self.session.get(url + KEY_PARAM + settings.HUBSPOT_KEY).json()
"""

SETTINGS = """\
import os

HUBSPOT_KEY = os.environ["HUBSPOT_API_KEY"]
"""


def test_a_class_client_reading_the_key_of_a_settings_module(tmp_path):
    out = migrate(
        tmp_path,
        {"crm/__init__.py": "", "crm/settings.py": SETTINGS, "crm/client.py": CLIENT},
    )
    statuses, text, reasons = out["crm/client.py"]
    assert statuses == [Status.REWRITE] * 3, reasons
    assert "KEY_PARAM" not in text and "hapikey" not in text
    assert "self.session.get(url, headers=" in text


# -- left for a person --------------------------------------------------------------


def _left(tmp_path, source: str, *words: str, name: str = "hs_api.py", **more: str):
    statuses, text, reasons = _one(tmp_path, source, name, **more)
    assert Status.MANUAL in statuses, reasons
    assert 'API_KEY = "?hapikey="' in text
    for word in words:
        assert word in reasons, (word, reasons)
    return statuses, text, reasons


def test_the_prefix_read_apart_from_a_join_stays(tmp_path):
    source = SCRIPT + '\n\ndef show():\n    print("prefix", API_KEY)\n'
    statuses, text, _ = _left(tmp_path, source, "read at line 26 other than joined")
    assert text == source


def test_the_prefix_named_by_another_module_stays(tmp_path):
    other = "from hs_api import API_KEY\n\nprint(len(API_KEY))\n"
    statuses, text, _ = _left(
        tmp_path, SCRIPT, "named by another module", **{"report.py": other}
    )
    assert text == SCRIPT


def test_a_join_printed_migrates_as_its_inline_twin(tmp_path):
    # the URL built with the prefix is printed: as with "?hapikey=" written
    # inline, the printed URL loses the key and the request sends the token
    source = SCRIPT.replace(
        "    return requests.get(url).json()",
        "    print(url)\n    return requests.get(url).json()",
    )
    inline = source.replace('API_KEY = "?hapikey="\n', "").replace(
        "API_KEY + KEY_VALUE", '"?hapikey=" + KEY_VALUE'
    )
    out = migrate(tmp_path, {"hs_api.py": source, "inline.py": inline})
    assert out["hs_api.py"][0] == [Status.REWRITE] * 3
    assert out["inline.py"][0] == [Status.REWRITE] * 2
    assert out["hs_api.py"][1].replace('API_KEY = "?hapikey="\n', "") == out[
        "inline.py"
    ][1].replace('API_KEY = "?hapikey="\n', "")


def test_a_join_sent_to_another_host_stays(tmp_path):
    source = SCRIPT.replace(
        'url = HS_API_URL + "/contacts/v1/contacts/statistics" + API_KEY + KEY_VALUE',
        'url = "https://crm-mirror.example.com/stats" + API_KEY + KEY_VALUE',
    )
    statuses, text, reasons = _left(tmp_path, source)
    assert 'url = "https://crm-mirror.example.com/stats" + API_KEY + KEY_VALUE' in text


def test_the_prefix_joined_to_two_portals_keys_stays(tmp_path):
    source = SCRIPT.replace(
        'KEY_VALUE = os.environ["HUBSPOT_API_KEY"]',
        'KEY_VALUE = os.environ["HUBSPOT_API_KEY"]\n'
        'OTHER_KEY = os.environ["HUBSPOT_SANDBOX_KEY"]',
    ).replace(
        '"/contacts/v1/contacts/statistics" + API_KEY + KEY_VALUE',
        '"/contacts/v1/contacts/statistics" + API_KEY + OTHER_KEY',
    )
    statuses, text, reasons = _left(tmp_path, source)
    assert statuses == [Status.MANUAL] * len(statuses), reasons
    assert text == source


def test_a_key_run_on_into_an_unknown_name_stays(tmp_path):
    source = SCRIPT.replace(
        'KEY_VALUE + "&limit=250"', "KEY_VALUE + os.environ.get('EXTRA', '')"
    )
    statuses, text, reasons = _left(tmp_path, source, "not known to start with &")
    assert text == source


# -- .format templates filled at the request ------------------------------------------

CAMPAIGNS = """\
import json
import sys
import urllib2


def campaigns(hapikey):
    url_all_campaigns = 'https://api.hubapi.com/email/public/v1/campaigns/by-id?hapikey={0}&limit=1000'
    url_campaign_data = 'https://api.hubapi.com/email/public/v1/campaigns/{0}?appId={1}&hapikey={2}'
    response = json.load(urllib2.urlopen(url_all_campaigns.format(hapikey)))
    out = []
    for row in response[u'campaigns']:
        data = urllib2.urlopen(url_campaign_data.format(row[u'id'], row[u'appId'], hapikey))
        out.append(json.load(data)[u'name'])
    return out


if __name__ == '__main__':
    print(campaigns(sys.argv[1]))
"""


def test_positional_templates_filled_at_the_request(tmp_path):
    statuses, text, reasons = _one(tmp_path, CAMPAIGNS, "hubspot_campaigns.py")
    assert statuses == [Status.REWRITE] * 2, reasons
    assert "by-id?limit=1000'" in text
    assert "campaigns/{0}?appId={1}'\n" in text
    assert "url_campaign_data.format(row[u'id'], row[u'appId'])" in text
    assert (
        'urllib2.urlopen(urllib2.Request(url_all_campaigns, headers={"Authorization":'
        ' "Bearer " + hapikey}))'
    ) in text


AUTO = """\
import requests

TEMPLATE = "https://api.hubapi.com/deals/v1/deal/{}?hapikey={}&includePropertyVersions=true"


def deal(deal_id, hapikey):
    return requests.get(TEMPLATE.format(deal_id, hapikey)).json()
"""


def test_auto_numbered_fields_drop_the_argument_at_the_same_position(tmp_path):
    statuses, text, reasons = _one(tmp_path, AUTO, "deals.py")
    assert statuses == [Status.REWRITE], reasons
    assert '"https://api.hubapi.com/deals/v1/deal/{}?includePropertyVersions=true"' in (
        text
    )
    assert "requests.get(TEMPLATE.format(deal_id), headers=" in text


def test_a_template_also_formatted_for_a_log_stays(tmp_path):
    source = CAMPAIGNS.replace(
        "    response = json.load(",
        "    print(url_all_campaigns.format(hapikey))\n    response = json.load(",
    )
    statuses, text, reasons = _one(tmp_path, source, "hubspot_campaigns.py")
    assert Status.MANUAL in statuses, reasons
    assert "?hapikey={0}&limit=1000'" in text  # the printed URL keeps its key


def test_a_template_mixing_named_fields_stays(tmp_path):
    source = AUTO.replace("?hapikey={}", "?hapikey={key}").replace(
        "TEMPLATE.format(deal_id, hapikey)", "TEMPLATE.format(deal_id, key=hapikey)"
    )
    statuses, text, reasons = _one(tmp_path, source, "deals.py")
    assert statuses == [Status.MANUAL], reasons
    assert text == source


DEVELOPER = """\
import os

import requests

DEVELOPER_KEY = os.environ["HUBSPOT_DEVELOPER_API_KEY"]
SUBS = "https://api.hubapi.com/webhooks/v1/12345/subscriptions?hapikey="


def subs():
    return requests.get(SUBS + DEVELOPER_KEY).json()
"""


def test_a_developer_key_prefix_is_kept(tmp_path):
    statuses, text, reasons = _one(tmp_path, DEVELOPER, "webhooks.py")
    assert statuses == [Status.KEPT] * 2, reasons
    assert text == DEVELOPER


HAPIKEY_NAMED = """\
import os

import requests

Q = "?hapikey="
HAPIKEY = os.environ["HUBSPOT_API_KEY"]


def deals():
    url = "https://api.hubapi.com/deals/v1/deal/paged" + Q + HAPIKEY + "&limit=5"
    return requests.get(url).json()
"""


def test_a_key_named_hapikey_is_no_second_keyed_piece(tmp_path):
    statuses, text, reasons = _one(tmp_path, HAPIKEY_NAMED, "deals.py")
    assert statuses == [Status.REWRITE] * 2, reasons
    assert 'url = "https://api.hubapi.com/deals/v1/deal/paged" + "?limit=5"\n' in text


def test_an_augmented_assignment_leaves_the_prefix(tmp_path):
    source = HAPIKEY_NAMED.replace(
        '    url = "https://api.hubapi.com/deals/v1/deal/paged" + Q + HAPIKEY + "&limit=5"',
        '    url = "https://api.hubapi.com/deals/v1/deal/paged"\n    url += Q + HAPIKEY',
    )
    statuses, text, reasons = _one(tmp_path, source, "deals.py")
    assert statuses == [Status.MANUAL], reasons
    assert "Q is read at line 11 other than joined" in reasons
    assert text == source


LISTS = """\
import requests

LIST = "https://api.hubapi.com/contacts/v1/lists/{0}/contacts/all?hapikey={1}&count=100"
CAMPAIGN = "https://api.hubapi.com/email/public/v1/campaigns/{}?appId={}&hapikey={}"


def members(list_id, hapikey):
    return requests.get(LIST.format(list_id, hapikey)).json()


def all_lists(hapikey):
    return [members(i, hapikey) for i in (1, 2)]


def campaign(campaign_id, app_id, hapikey):
    return requests.get(CAMPAIGN.format(campaign_id, app_id, hapikey)).json()
"""

LISTS_SCENARIO = '''\
"""URL templates whose positional hapikey field a caller's key fills at the request."""
ENV = {}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/", "json": {"contacts": []}},
    {"method": "GET", "url": r"/email/public/v1/campaigns/", "json": {"name": "x"}},
]


def case_calls(credential):
    import lists

    assert lists.all_lists(credential("main")) == [{"contacts": []}] * 2
    assert lists.campaign(7, 9, credential("main")) == {"name": "x"}
'''


def test_templates_filled_by_a_callers_key_behave_the_same(tmp_path):
    statuses, text, reasons = _one(tmp_path / "static", LISTS, "lists.py")
    assert statuses == [Status.REWRITE] * 2, reasons
    assert "CAMPAIGN.format(campaign_id, app_id), headers=" in text
    files = {"src/lists.py": LISTS, "scenario.py": LISTS_SCENARIO}
    behaves(tmp_path / "run", files, manual=0)


BRANCHES = SCRIPT.replace(
    """    url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250"
    if offset:
        url = url + "&offset=" + str(offset)
""",
    """    if offset == "":
        url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250"
    else:
        url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250&offset=" + str(offset)
""",
).replace("def engagements(offset=None)", 'def engagements(offset="")')


def test_each_branch_joining_the_prefix_adds_the_key(tmp_path):
    # as with "?hapikey=" written in both branches: the request always sent a key
    statuses, text, reasons = _one(tmp_path, BRANCHES)
    assert statuses == [Status.REWRITE] * 4, reasons
    assert 'url = HS_API_URL + endpoint + "?limit=250&offset=" + str(offset)' in text


def test_a_branch_without_the_prefix_stays(tmp_path):
    source = BRANCHES.replace(
        'url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250&offset=" + str(offset)',
        'url = HS_API_URL + endpoint + "?limit=250&offset=" + str(offset)',
    )
    statuses, text, reasons = _one(tmp_path, source)
    assert Status.MANUAL in statuses, reasons
    assert "the key is added only when" in reasons
    assert 'url = HS_API_URL + endpoint + API_KEY + KEY_VALUE + "&limit=250"' in text


NAMED = """\
import sys
import requests

CONTACT = "https://api.hubapi.com/contacts/v1/contact/vid/{vid}/profile?hapikey={key}"


def contact(vid, api_key):
    return requests.get(CONTACT.format(vid=vid, key=api_key)).json()


def contacts(vids, api_key):
    return [contact(v, api_key) for v in vids]


if __name__ == "__main__":
    print(contacts([1, 2], sys.argv[1]))
"""


def test_a_named_template_filled_by_keyword(tmp_path):
    statuses, text, reasons = _one(tmp_path, NAMED, "contacts.py")
    assert statuses == [Status.REWRITE], reasons
    assert "requests.get(CONTACT.format(vid=vid), headers=" in text
    assert '/profile"\n' in text
