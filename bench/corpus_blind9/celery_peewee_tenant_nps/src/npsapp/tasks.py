import logging

from celery import Celery

from npsapp import settings
from npsapp.hubspot import HubSpotSession, ensure_property, set_contact_properties
from npsapp.models import Account, SurveyResponse

log = logging.getLogger(__name__)

app = Celery("npsapp", broker=settings.BROKER_URL)


@app.task(bind=True, max_retries=3, default_retry_delay=60)
def push_response(self, response_id):
    response = SurveyResponse.get_by_id(response_id)
    account = response.account
    if not account.hubspot_connected:
        return None
    hs = HubSpotSession.for_account(account)
    try:
        ensure_property(hs, settings.NPS_PROPERTY, "NPS score")
        return set_contact_properties(hs, response.email, {settings.NPS_PROPERTY: response.score,
                                                           "nps_comment": response.comment})
    except Exception as exc:
        log.warning("push failed for account %s: %s", account.id, exc)
        raise self.retry(exc=exc)


@app.task
def report_usage(account_id):
    account = Account.get_by_id(account_id)
    if not account.own_company_id:
        return False
    count = SurveyResponse.select().where(SurveyResponse.account == account).count()
    ours = HubSpotSession(api_key=settings.OWN_HUBSPOT_KEY)
    r = ours.put("/companies/v2/companies/%s" % account.own_company_id,
                 json={"properties": [{"name": "nps_responses", "value": count}]})
    r.raise_for_status()
    return True


@app.task
def nightly():
    done = 0
    for account in Account.select().where(Account.own_company_id.is_null(False)):
        done += report_usage.delay(account.id).get()
    return done
