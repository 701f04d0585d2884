"""Run-time query tails after a key, per-visitor keys in a web session, and
reasons that claim a rewrite that did not happen (sample 8's APIbuilder and
Django views shapes, with their near-misses)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

# -- a key concatenated before a run-time query tail ---------------------------

CLIENT = """\
import requests

BASE = "https://api.hubapi.com"


class Portal:
    def __init__(self, api):
        self.API = api

    def me(self):
        return requests.get(BASE + "/integrations/v1/me?hapikey=" + self.API).json()

    def companies(self, args):
        options = ''
        if 'Count' in args:
            options += '&limit=' + str(args['Count'])
        for prop in args.get('Properties', ()):
            options += '&properties=' + str(prop)
        url = BASE + '/companies/v2/companies/paged?hapikey=' + self.API + options
        return requests.get(url).json()

    def recent(self, args):
        options = '&count=' + str(args.get('Count', 20))
        if args.get('Offset'):
            options = options + f'&vidOffset={args["Offset"]}'
        url = BASE + '/contacts/v1/lists/recently_updated/contacts/recent?showListMemberships=true&hapikey=' + self.API + options
        return requests.get(url).json()
"""

SCENARIO = '''\
"""A client class handed each caller's key, with run-time query tails."""
ENV = {}


def case_tails(credential):
    from hub import Portal

    p = Portal(credential("a"))
    p.me()
    p.companies({})
    p.companies({"Count": 5, "Properties": ["name", "domain"]})
    p.recent({})
    p.recent({"Count": 3, "Offset": 42})
'''


def test_a_tail_of_written_parameters_keeps_the_question_mark(tmp_path):
    result = tree(tmp_path, {"hub.py": CLIENT})["hub.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE] * 3, [
        (s.line, s.reason) for s in sites
    ]
    text = result.new.decode()
    assert "hapikey" not in text
    assert "'/companies/v2/companies/paged?' + options" in text
    assert "/recent?showListMemberships=true' + options" in text
    assert text.count('"Bearer " + self.API') == 3


def test_a_tail_of_written_parameters_behaves_as_before(tmp_path):
    project = {"src/hub.py": CLIENT, "scenario.py": SCENARIO}
    behaves(tmp_path / "tails", project, manual=0)


def _left(tmp_path, method: str, *words: str) -> None:
    """The module stays as it is; its tail site is manual, naming ``words``."""
    source = CLIENT.replace(
        "    def companies(self, args):\n",
        method + "\n    def companies(self, args):\n",
    )
    result = tree(tmp_path, {"hub.py": source})["hub.py"]
    assert not result.changed
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert any(all(w in s.reason for w in words) for s in sites), [
        s.reason for s in sites
    ]


def test_a_tail_not_starting_with_an_ampersand_stays(tmp_path):
    _left(
        tmp_path,
        "    def owners(self):\n"
        "        options = 'email=a@example.com'\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )


def test_a_tail_from_an_unknown_caller_stays(tmp_path):
    _left(
        tmp_path,
        "    def owners(self, options=''):\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )


def test_a_tail_naming_its_parameter_at_run_time_stays(tmp_path):
    _left(
        tmp_path,
        "    def owners(self, name, value):\n"
        "        options = ''\n"
        "        options += '&' + name + '=' + value\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )


def test_a_tail_holding_a_key_itself_stays(tmp_path):
    _left(
        tmp_path,
        "    def owners(self, other):\n"
        "        options = '&hapikey=' + other\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )


def test_a_tail_set_by_a_loop_or_a_global_stays(tmp_path):
    _left(
        tmp_path,
        "    def owners(self, pairs):\n"
        "        for options in pairs:\n"
        "            requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )
    _left(
        tmp_path / "g",
        "    def owners(self):\n"
        "        global options\n"
        "        options = '&a=1'\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n",
        "built at run time",
    )


def test_a_held_module_does_not_say_its_class_takes_a_token_now(tmp_path):
    """Nothing is rewritten: the reason says what a rewrite would do."""
    source = CLIENT.replace(
        "    def companies(self, args):\n",
        "    def owners(self, options=''):\n"
        "        return requests.get(BASE + '/owners/v2/owners?hapikey=' + self.API + options)\n"
        "\n    def companies(self, args):\n",
    )
    result = tree(tmp_path, {"hub.py": source})["hub.py"]
    assert not result.changed
    held = [s for s in key_sites(result) if "take a token" in s.reason]
    assert held
    for site in held:
        assert "takes a token now" not in site.reason
        assert "would make Portal take a token" in site.reason
        assert "nothing in this module changes" in site.reason


# -- a key typed by each visitor, kept in the web session ----------------------

VIEWS = """\
from django.shortcuts import redirect, render
from hubspot import HubSpot


def listar(request):
    api_key = request.POST.get('apiKey')
    if api_key is None:
        api_key = request.session.get('api_key')
    if not api_key:
        return render(request, 'home.html', {'error': 'no key'})
    client = HubSpot(api_key=api_key)
    request.session.setdefault('api_key', api_key)
    contacts = client.crm.contacts.get_all()
    return render(request, 'list.html', {'contacts': contacts})


def remover(request, pk):
    api_key = request.session.get('api_key')
    if api_key:
        client = HubSpot(api_key=api_key)
        client.crm.contacts.basic_api.archive(pk)
    return redirect('listar')
"""


def test_a_session_value_migrates_at_every_use(tmp_path):
    result = tree(tmp_path, {"contatos/views.py": VIEWS})["contatos/views.py"]
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.REWRITE] * 2, [s.reason for s in sites]
    text = result.new.decode()
    assert text.count("HubSpot(access_token=api_key)") == 2
    assert "request.session.setdefault('api_key', api_key)" in text


def test_the_environment_set_by_the_module_still_stays(tmp_path):
    """``os.environ.setdefault`` of the key's own variable: the reason is true."""
    source = """\
    import os

    import requests

    os.environ.setdefault("HUBSPOT_API_KEY", "0000")


    def contacts():
        key = os.environ["HUBSPOT_API_KEY"]
        return requests.get(
            "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
            params={"hapikey": key},
        )
    """
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert any("sets HUBSPOT_API_KEY itself" in s.reason for s in sites)


SPLIT_VIEWS = """\
from django.conf import settings
from hubspot import HubSpot


def listar(request):
    api_key = request.session.setdefault('api_key', settings.HUBSPOT_API_KEY)
    client = HubSpot(api_key=api_key)
    return client.crm.contacts.get_all()


def remover(request, pk):
    api_key = request.session.get('api_key')
    client = HubSpot(api_key=api_key)
    return client.crm.contacts.basic_api.archive(pk)
"""


def test_a_session_entry_left_in_one_view_holds_the_others(tmp_path):
    """A visitor's value defaulting to the app's key in one view: that use
    stays for a person, so the other view's use of the same entry stays too."""
    result = tree(tmp_path, {"views.py": SPLIT_VIEWS})["views.py"]
    assert not result.changed
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.MANUAL] * 2
    assert "the web session's 'api_key' is sent as a key at line 7 too" in (
        sites[1].reason
    )


def test_another_entry_of_the_session_does_not_hold(tmp_path):
    """Views reading different entries (each visitor's own key, and a portal
    id) are not one value: the rewritten view is not held by the other."""
    source = SPLIT_VIEWS.replace(
        "request.session.get('api_key')", "request.session.get('visitor_key')"
    )
    result = tree(tmp_path, {"views.py": source})["views.py"]
    statuses = [s.status for s in key_sites(result)]
    assert statuses == [Status.MANUAL, Status.REWRITE]
    assert "HubSpot(access_token=api_key)" in result.new.decode()


# -- one entry of a settings mapping, the others read on -----------------------

SERVICE = """\
import requests
from django.conf import settings

token = settings.HUBSPOT.get('API_KEY')
hub = settings.HUBSPOT.get('HUB_ID')
form_guid = settings.HUBSPOT['FORM_GUID']

if hub is None:
    raise RuntimeError("hub not configured")

form_url = 'https://forms.hubspot.com/uploads/form/v2/{}/{}'.format(hub, form_guid)
base_contact_url = "https://api.hubapi.com/contacts/v1/contact"


def update_contact(email, data):
    url = "{}/email/{}/profile?hapikey={}".format(base_contact_url, email, token)
    return requests.post(url=url, json=data)


def submit(data):
    return requests.post(form_url, data=data)
"""


def test_the_key_entry_of_a_settings_mapping_goes(tmp_path):
    result = tree(tmp_path, {"app/hubspot.py": SERVICE})["app/hubspot.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    text = result.new.decode()
    assert "token = settings.HUBSPOT" not in text
    assert "hub = settings.HUBSPOT.get('HUB_ID')" in text
    assert "form_guid = settings.HUBSPOT['FORM_GUID']" in text


def test_a_mapping_read_whole_or_by_the_key_keeps_the_definition(tmp_path):
    for read in (
        "    return requests.post(form_url, data=dict(data, **settings.HUBSPOT))\n",
        "    return requests.post(form_url, data=data, "
        "headers={'X-Key': settings.HUBSPOT.get('API_KEY')})\n",
    ):
        source = SERVICE.replace(
            "    return requests.post(form_url, data=data)\n", read
        )
        result = tree(tmp_path / str(len(read)), {"s.py": source})["s.py"]
        sites = key_sites(result)
        kept = [s for s in sites if s.kind.value == "setting"]
        assert kept and kept[0].status == Status.MANUAL
        assert "token = settings.HUBSPOT.get('API_KEY')" in (
            result.new.decode() if result.changed else source
        )


def test_a_definition_another_module_reads_stays(tmp_path):
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/hubspot.py": SERVICE,
            "app/health.py": "from app.hubspot import token\n\n\n"
            "def ok():\n    return token is not None\n",
        },
    )
    result = results["app/hubspot.py"]
    (setting,) = [s for s in key_sites(result) if s.kind.value == "setting"]
    assert setting.status == Status.MANUAL
    assert "token is still read by health.py:5" in setting.reason, setting.reason
    assert "token = settings.HUBSPOT.get('API_KEY')" in result.new.decode()


# -- a framework hook nothing in the module calls --------------------------------

SINK = """\
from hotglue_singer_sdk.target_sdk.client import HotglueSink


class HubspotSink(HotglueSink):
    api_key = None

    @property
    def authenticator(self):
        if self.config.get("hapikey"):
            self.api_key = self.config.get("hapikey")
        return None

    @property
    def params(self):
        if self.api_key:
            return {"hapikey": self.api_key}
        return {}
"""


def test_a_hook_read_by_an_imported_base_class_says_so(tmp_path):
    result = tree(tmp_path, {"target/client.py": SINK})["target/client.py"]
    assert not result.changed
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL
    assert "nothing in this module calls" in site.reason
    assert (
        "HubspotSink's base class HotglueSink "
        "(from hotglue_singer_sdk.target_sdk.client) may read it" in site.reason
    )


def test_a_method_of_a_class_without_an_imported_base_says_nothing_more(tmp_path):
    source = SINK.replace(
        "from hotglue_singer_sdk.target_sdk.client import HotglueSink\n", ""
    ).replace("(HotglueSink)", "")
    result = tree(tmp_path, {"target/client.py": source})["target/client.py"]
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL
    assert "base class" not in site.reason


# -- a held hierarchy does not say its instances hold the token now -------------


def test_a_held_hierarchy_says_what_a_migration_would_do(tmp_path):
    """Another module reads the key holder of an instance: nothing migrates,
    and the reason says the instance *would* hold the token."""
    files = {
        "base.py": "import requests\n\n\nclass BaseClient(object):\n"
        "    def __init__(self, api_key):\n        self.api_key = api_key\n\n"
        "    def get(self, path):\n        return requests.get(\n"
        "            'https://api.hubapi.com' + path, params={'hapikey': self.api_key}\n"
        "        )\n",
        "resources.py": "import os\n\nfrom base import BaseClient\n\n"
        "client = BaseClient(os.environ['HUBSPOT_API_KEY'])\n",
        "app.py": "import requests\nfrom resources import client\n\n\n"
        "def audit():\n    return requests.post('https://audit.example.com/events',\n"
        "                         json={'key_tail': client.api_key[-4:]})\n",
    }
    results = tree(tmp_path, files)
    assert not any(r.changed for r in results.values())
    (site,) = key_sites(results["base.py"])
    assert site.status == Status.MANUAL
    assert "reads api_key" in site.reason, site.reason
    assert "holds the token now" not in site.reason
    assert "migrated, it would hold the token, not the key" in site.reason
