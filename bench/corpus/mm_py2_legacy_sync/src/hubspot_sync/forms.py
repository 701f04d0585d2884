# -*- coding: utf-8 -*-
"""Newsletter signups from the members site are posted as a HubSpot form
submission so they show up in the form's analytics."""
from hubspot_sync import urls
from hubspot_sync.compat import HTTPError, Request, json, urlencode, urlopen
from hubspot_sync.settings import NEWSLETTER_FORM_GUID


def submit_newsletter(email, first_name, page_url, hutk=None, ip=None):
    context = {'pageUrl': page_url, 'pageName': 'Members newsletter'}
    if hutk:
        context['hutk'] = hutk
    if ip:
        context['ipAddress'] = ip
    fields = {
        'email': email,
        'firstname': first_name,
        'hs_context': json.dumps(context),
    }
    req = Request(urls.FORM_URL % NEWSLETTER_FORM_GUID, urlencode(fields).encode('utf-8'),
                  {'Content-Type': 'application/x-www-form-urlencoded'})
    try:
        urlopen(req)
    except HTTPError as e:
        # 404 = wrong form guid, 500 = hubspot having a bad day; either way don't
        # break the signup page over it
        print('form submission failed: %s' % e)
        return False
    return True
