"""AWS Lambda entry point (API Gateway proxy integration + a CloudWatch schedule)."""
import json
import logging

from relay import config, hubspot, slack

logger = logging.getLogger()
logger.setLevel(logging.INFO)

TEST_DOMAINS = ("example.org", "mailinator.com")


def _response(status, body):
    return {"statusCode": status, "headers": {"Content-Type": "application/json"},
            "body": json.dumps(body)}


def handle_signup(event):
    body = json.loads(event.get("body") or "{}")
    email = (body.get("email") or "").strip().lower()
    if not email:
        return _response(400, {"error": "email required"})
    # partner sites proxy through us with their own portal's key
    key = event.get("stageVariables", {}).get("hubspot_key") or config.HUBSPOT_KEY
    fields = {"email": email, "firstname": body.get("first_name", ""),
              "lastname": body.get("last_name", "")}
    hubspot.submit_form(fields, hutk=body.get("hutk"), key=key)
    result = hubspot.upsert_contact(email, {"lifecyclestage": "lead",
                                            "signup_source": body.get("source", "landing")},
                                    key=key)
    slack.notify("New signup: %s (vid %s)" % (email, (result or {}).get("vid")))
    return _response(200, {"ok": True, "vid": (result or {}).get("vid")})


def cleanup_test_contacts(event):
    removed = 0
    for contact in hubspot.recent_contacts(count=20):
        email = contact.get("identity-profiles", [{}])[0].get("identities", [{}])[0].get("value", "")
        if email.endswith(TEST_DOMAINS):
            hubspot.archive_contact(contact["vid"])
            removed += 1
    logger.info("removed %d test contacts", removed)
    return removed


def lambda_handler(event, context):
    if event.get("source") == "aws.events":
        return {"removed": cleanup_test_contacts(event)}
    return handle_signup(event)
