"""Survey tool webhook -> store, then push in the background."""
from npsapp.models import Account, SurveyResponse
from npsapp.tasks import push_response


def survey_completed(payload):
    account = Account.get_by_id(payload["account_id"])
    response = SurveyResponse.create(account=account, email=payload["email"].lower(),
                                     score=int(payload["score"]), comment=payload.get("comment", ""))
    push_response.delay(response.id)
    return response.id
