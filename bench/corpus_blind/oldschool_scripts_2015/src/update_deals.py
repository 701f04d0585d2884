# move deals to closedwon when the invoice is paid
# run from cron every hour
import sys
import urllib.request
import json
from hubspot_utils import *


def recentDeals():
    url = BASE + "/deals/v1/deal/recent/modified?hapikey=%s&count=%d" % (HAPIKEY, 20)
    resp = urllib.request.urlopen(url)
    return json.loads(resp.read().decode('utf-8'))['results']


def main(paid_ids):
    n = 0
    for d in recentDeals():
        dealId = d['dealId']
        if str(dealId) in paid_ids:
            deal = getDeal(dealId)
            if deal['properties']['dealstage']['value'] != 'closedwon':
                updateDeal(dealId, 'closedwon')
                n = n + 1
    if n > 0:
        slack('%d deals closed won' % n)
    return n


def markCustomer(email):
    c = getContactByEmail(email)
    if c == None:
        print('no contact ' + email)
        return False
    updateContact(c['vid'], {'lifecyclestage': 'customer'})
    return True


if __name__ == '__main__':
    main(sys.argv[1:])
