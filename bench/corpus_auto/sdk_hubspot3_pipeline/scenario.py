"""Deal desk with hubspot3 (2019-2021): a module-level `Hubspot3(api_key=...)` client
and a `ContactsClient(api_key=...)` factory, `client.deals.get_all(...)` filtered in
Python, and a digest posted to a Microsoft Teams webhook (another host).
Owners come from a raw `requests` call: a URL template with `{key}`, filled with
`.format(key=crm.API_KEY, ...)`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "SDK", "url": r"deals\.get_all",
     "json": [{"properties": {"dealstage": "qualified", "amount": "100"}},
              {"properties": {"dealstage": "closedwon", "amount": "50"}}]},
    {"method": "SDK", "url": r"deals\.get(\?|$)",
     "json": {"dealId": 5, "associations": {"associatedVids": [1, 2]}}},
    {"method": "SDK", "url": r"get_contact_by_id", "json": {"vid": 1}},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 1, "firstName": "Ann", "lastName": "Lee"}]},
]


def case_digest(credential):
    from dealdesk import digest

    assert digest.post_digest() == "1 open deals, 100 in pipeline"


def case_deal_with_contacts(credential):
    from dealdesk import crm

    deal, people = crm.deal_with_contacts(5)
    assert len(people) == 2


def case_owner_names(credential):
    from dealdesk import digest

    assert digest.owner_names(True) == {1: "Ann Lee"}
