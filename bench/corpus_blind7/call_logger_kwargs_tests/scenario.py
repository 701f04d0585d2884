"""A PBX call logger (2019): `HubSpot.call(method, path, **kw)` does
`kw.setdefault("params", {})` and adds the key only `if "hapikey" not in params`, then
passes `**kw` to its own `requests.Session().request`; contacts v1 search, engagements v1
CALL and the calling dispositions endpoint. The PBX API is another host with its own
header. `tests/` uses `responses` and `requests_mock` and asserts `hapikey=` in the URL
(not run by the scenario)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "PBX_TOKEN": "pbx-abc"}

RESPONSES = [
    {"method": "GET", "url": r"/calling/v1/dispositions", "json": [
        {"id": "f240bbac-87c9-4f6e-bf70-924b57d47db7", "label": "Connected"}]},
    {"method": "GET", "url": r"pbx\.example\.net/api/v2/calls", "json": {"calls": [
        {"from": "+15550100", "seconds": 42, "result": "Connected", "owner": 3,
         "recording": "https://pbx.example.net/rec/1.mp3"},
        {"from": "+15550199", "seconds": 5}]}},
    {"method": "GET", "url": r"/contacts/v1/search/query.*q=%2B15550100", "json": {"contacts": [{"vid": 5}]}},
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"contacts": []}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
]


def case_job_env_key(credential):
    from calllog import job

    assert job.run("2019-05-01") == 1


def case_job_given_key(credential):
    from calllog import job

    assert job.run("2019-05-01", hubspot_key=credential("sub")) == 1
