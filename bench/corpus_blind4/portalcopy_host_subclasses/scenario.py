"""A portal-copy tool (~2018): HubSpotClient with a class attribute BASE_URL and SEND_KEY,
request() building params {"hapikey": self.api_key, **params}, get/post reached through
__getattr__ + functools.partial; EUClient overrides the host with api-eu1.hubapi.com (a
HubSpot host, the *target* portal's key from the command line); MirrorClient overrides the
host with an internal replay server and SEND_KEY = False: a migration that adds the
Authorization header in request() unconditionally sends the token to the mirror."""

ENV = {"HUBSPOT_API_KEY": "key-main", "TARGET_HUBSPOT_API_KEY": "key-eu"}

RESPONSES = [
    {"method": "GET", "url": r"api-eu1\.hubapi\.com/forms/v2/forms", "json": [{"name": "Contact us", "guid": "e1"}]},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [
        {"name": "Contact us", "guid": "a1"}, {"name": "Webinar", "guid": "a2", "portalId": 1, "fields": []}]},
    {"method": "POST", "url": r"/forms/v2/forms", "json": {"guid": "new"}},
    {"method": "GET", "url": r"api-eu1\.hubapi\.com/properties/v1/deals/properties", "json": [{"name": "amount"}]},
    {"method": "GET", "url": r"/properties/v1/deals/properties", "json": [{"name": "amount"}, {"name": "dealtype"}]},
]


def case_copy_forms_from_live(credential):
    from portalcopy import cli

    assert cli.main(["forms"]) == ["Webinar"]


def case_copy_forms_from_mirror(credential):
    from portalcopy import cli

    assert cli.main(["forms", "--mirror"]) == ["Webinar"]


def case_diff_properties(credential):
    from portalcopy import cli

    assert cli.main(["diff-properties"]) == ["dealtype"]


def case_copy_with_handed_keys(credential):
    from portalcopy import copy_forms

    copy_forms.copy_forms(credential("client-eu"), source_key=credential("client-us"))
