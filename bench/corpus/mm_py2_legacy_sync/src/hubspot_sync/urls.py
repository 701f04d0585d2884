# -*- coding: utf-8 -*-
from hubspot_sync.settings import HUBSPOT_API_KEY, HUBSPOT_PORTAL_ID

BASE = 'https://api.hubapi.com'

CONTACT_URL = BASE + '/contacts/v1/contact/vid/{}/profile?hapikey=' + HUBSPOT_API_KEY
CONTACT_BY_EMAIL_URL = BASE + '/contacts/v1/contact/email/%s/profile?hapikey=' + HUBSPOT_API_KEY
CREATE_OR_UPDATE_URL = BASE + '/contacts/v1/contact/createOrUpdate/email/%s/?hapikey=' + HUBSPOT_API_KEY
ALL_CONTACTS_URL = BASE + '/contacts/v1/lists/all/contacts/all?hapikey=%s&count=%d&vidOffset=%d'
DEAL_URL = BASE + '/deals/v1/deal/%s?hapikey=%s'
LIST_ADD_URL = BASE + '/contacts/v1/lists/%d/add?hapikey=%s'

FORM_URL = 'https://forms.hubspot.com/uploads/form/v2/%s/%%s' % HUBSPOT_PORTAL_ID
