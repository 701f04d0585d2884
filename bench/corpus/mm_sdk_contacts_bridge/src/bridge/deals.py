"""Create a trial deal for every paying signup. Runs as its own command
(`python -m bridge.deals`), so it builds its own client."""
import logging

import hubspot

from bridge import settings

log = logging.getLogger(__name__)

TRIAL_STAGE = "appointmentscheduled"


def create_trial_deal(contact_id, email, plan, amount):
    client = hubspot.Client.create(api_key=settings.HUBSPOT_API_KEY)
    deal = client.crm.deals.basic_api.create(
        simple_public_object_input={
            "properties": {
                "dealname": "%s - %s trial" % (email, plan),
                "pipeline": settings.HUBSPOT_PIPELINE,
                "dealstage": TRIAL_STAGE,
                "amount": str(amount),
            }
        }
    )
    # TODO associate the deal with the contact once we move to the v4 associations API;
    # for now the sales team links them by hand from the deal name.
    log.info("deal %s for contact %s", deal.id, contact_id)
    return deal.id


if __name__ == "__main__":
    import sys
    create_trial_deal(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
