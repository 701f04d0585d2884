from hsreports.http import session, url


def log_report_note(company_id, text):
    payload = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"companyIds": [company_id]},
        "metadata": {"body": text},
    }
    resp = session.post(url("/engagements/v1/engagements"), json=payload)
    resp.raise_for_status()
    return resp.json().get("engagement", {}).get("id")
