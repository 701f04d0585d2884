# -*- coding: utf-8 -*-
import logging

from hubspot_sync import api, urls
from hubspot_sync.compat import quote
from hubspot_sync.settings import HUBSPOT_API_KEY

log = logging.getLogger('hubspot_sync')


def props(d):
    return {'properties': [{'property': k, 'value': v} for k, v in d.items()]}


def get_contact(vid):
    return api.get_json(urls.CONTACT_URL.format(vid))


def find_by_email(email):
    return api.get_json(urls.CONTACT_BY_EMAIL_URL % quote(email))


def upsert(member):
    data = props({
        'email': member['email'],
        'firstname': member['first'],
        'lastname': member['last'],
        'membership_level': member['level'],
    })
    result = api.send_json(urls.CREATE_OR_UPDATE_URL % quote(member['email']), data)
    return result and result.get('vid')


def update_contact(vid, changes):
    return api.send_json(urls.CONTACT_URL.format(vid), props(changes))


def all_vids():
    vids = []
    offset = 0
    while 1:
        page = api.get_json(urls.ALL_CONTACTS_URL % (HUBSPOT_API_KEY, 100, offset))
        for c in page['contacts']:
            vids.append(c['vid'])
        if not page['has-more']:
            break
        offset = page['vid-offset']
    return vids


def add_to_list(list_id, vids):
    return api.send_json(urls.LIST_ADD_URL % (list_id, HUBSPOT_API_KEY), {'vids': vids})


def set_deal_stage(deal_id, stage):
    """membership renewals are tracked as deals"""
    data = {'properties': [{'name': 'dealstage', 'value': stage}]}
    return api.send_json(urls.DEAL_URL % (deal_id, HUBSPOT_API_KEY), data, method='PUT')
