"""AWS Lambda lead relay (2019-2021) on plain urllib: `relay.config` reads the key from the
Lambda environment, and one `_call(method, path, key, ..., base=None)` helper appends
`hapikey` for every request, including the v2 form submission to forms.hubspot.com
(keyless) sent through the same helper with `base=`. A partner stage passes its own
portal's key in API Gateway `stageVariables`; a CloudWatch schedule pages recent contacts
with a generator (vidOffset/timeOffset) and archives test sign-ups; Slack gets a note."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "62515",
    "SIGNUP_FORM_GUID": "0c1e-44d2-form",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/xyz",
}

RESPONSES = [
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 901, "isNew": True}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent.*vidOffset=902",
     "json": {"contacts": [{"vid": 903, "identity-profiles": [{"identities": [{"value": "real@acme.com"}]}]}],
              "has-more": False, "vid-offset": 903, "time-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent",
     "json": {"contacts": [{"vid": 902, "identity-profiles": [{"identities": [{"value": "qa@mailinator.com"}]}]}],
              "has-more": True, "vid-offset": 902, "time-offset": 2}},
    {"method": "DELETE", "url": r"/contacts/v1/contact/vid/", "json": {"deleted": True}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def _event(body, stage=None):
    import json
    event = {"httpMethod": "POST", "path": "/signup", "body": json.dumps(body)}
    if stage is not None:
        event["stageVariables"] = stage
    return event


def case_signup(credential):
    import handler
    out = handler.lambda_handler(_event({"email": "Jane@Acme.com", "first_name": "Jane",
                                         "hutk": "abc123"}), None)
    assert out["statusCode"] == 200, out


def case_partner_stage_key(credential):
    import handler
    out = handler.lambda_handler(
        _event({"email": "lee@partner.io", "source": "partner"},
               stage={"hubspot_key": credential("partner")}), None)
    assert out["statusCode"] == 200, out


def case_scheduled_cleanup(credential):
    import handler
    assert handler.lambda_handler({"source": "aws.events"}, None) == {"removed": 1}
