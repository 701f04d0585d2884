# helper functions for hubspot api
# written by mike 2015
import requests
import json
import time
from config import *


def getContacts(offset=0):
    url = BASE + '/contacts/v1/lists/all/contacts/all?hapikey=' + HAPIKEY + '&count=100&vidOffset=' + str(offset)
    r = requests.get(url)
    if r.status_code != 200:
        print('error ' + str(r.status_code))
        return None
    return r.json()


def getAllContacts():
    allContacts = []
    offset = 0
    while True:
        data = getContacts(offset)
        if data == None:
            break
        allContacts = allContacts + data['contacts']
        if data['has-more'] == False:
            break
        offset = data['vid-offset']
        time.sleep(0.1)  # rate limit!!
    return allContacts


def getContactByEmail(email):
    r = requests.get('%s/contacts/v1/contact/email/%s/profile?hapikey=%s' % (BASE, email, HAPIKEY))
    if r.status_code == 404:
        return None
    return r.json()


def updateContact(vid, props):
    data = {'properties': []}
    for k in props:
        data['properties'].append({'property': k, 'value': props[k]})
    headers = {}
    headers['Content-Type'] = 'application/json'
    url = BASE + '/contacts/v1/contact/vid/' + str(vid) + '/profile?hapikey=' + HAPIKEY
    r = requests.post(url, data=json.dumps(data), headers=headers)
    return r.status_code


def getDeal(dealId):
    url = '{0}/deals/v1/deal/{1}?hapikey={2}'.format(BASE, dealId, HAPIKEY)
    return requests.get(url).json()


def updateDeal(dealId, stage):
    url = '{base}/deals/v1/deal/{id}?hapikey={key}'.format(base=BASE, id=dealId, key=HAPIKEY)
    body = {"properties": [{"name": "dealstage", "value": stage}]}
    r = requests.put(url, json=body)
    return r.status_code


def slack(msg):
    # post to #sales channel
    requests.post(SLACK_HOOK, data=json.dumps({'text': msg}))
