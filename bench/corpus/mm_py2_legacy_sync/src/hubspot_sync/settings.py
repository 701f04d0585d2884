# -*- coding: utf-8 -*-
import os

HUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY', '')
HUBSPOT_PORTAL_ID = os.environ.get('HUBSPOT_PORTAL_ID', '512345')
NEWSLETTER_FORM_GUID = os.environ.get('NEWSLETTER_FORM_GUID', '3f1c8d2e-0000-4000-8000-5a9b7c6d1e2f')

DB_PATH = os.path.join(os.path.dirname(__file__), '..', 'members.csv')
