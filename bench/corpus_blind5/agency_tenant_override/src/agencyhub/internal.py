"""Our own portal: log the monthly report as a note on the client's company record."""
from agencyhub.client import client


def log_report_note(company_id, text):
    return client.post(
        "/engagements/v1/engagements",
        {
            "engagement": {"active": True, "type": "NOTE"},
            "associations": {"companyIds": [company_id]},
            "metadata": {"body": text},
        },
    )


def our_owners():
    return client.get("/owners/v2/owners")
