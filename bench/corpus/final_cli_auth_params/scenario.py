"""A one-file admin CLI (`if __name__ == "__main__"` with sys.argv) whose requests take
params from an auth_params() function, plus URLs built with urlencode(auth_params()) that
are logged/printed (key included) before sending."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/associated/company/",
     "json": {"deals": [{"dealId": 5, "properties": {"dealname": {"value": "Big"}}}], "hasMore": False}},
    {"method": "GET", "url": r"/automation/v3/workflows", "json": {"workflows": [{"name": "Nurture"}]}},
]


def case_company(credential):
    import hs_cli
    hs_cli.main(["hs_cli.py", "company", "123"])


def case_deals_for(credential):
    import hs_cli
    hs_cli.main(["hs_cli.py", "deals-for", "123"])


def case_set_owner(credential):
    import hs_cli
    hs_cli.main(["hs_cli.py", "set-owner", "123", "77"])


def case_workflows_as_script(credential):
    import runpy, sys
    sys.argv = ["hs_cli.py", "workflows"]
    try:
        runpy.run_path("hs_cli.py", run_name="__main__")
    except SystemExit:
        pass
