# shopify -> hubspot bridge
# usage: python bridge.py [since_id]
import sys, json, logging
import requests
from settings import *

logging.basicConfig(level=logging.INFO)
log = logging.getLogger('bridge')


def fetch(url, params=None, method='GET', data=None):
    # one function for both APIs
    params = params or {}
    headers = {'Content-Type': 'application/json'}
    if 'hubapi' in url:
        params['hapikey'] = HAPIKEY
    else:
        headers['X-Shopify-Access-Token'] = SHOPIFY_PASSWORD
    for i in range(3):
        r = requests.request(method, url, params=params, headers=headers,
                             data=json.dumps(data) if data is not None else None)
        if r.status_code == 429:
            log.info('rate limited, retry %d' % i)
            continue
        break
    if r.status_code >= 400:
        log.error('error %s %s' % (r.status_code, url))
        return None
    if r.text:
        return r.json()
    return None


def get_orders(since_id=0):
    res = fetch(SHOPIFY_URL + '/orders.json', {'since_id': since_id, 'status': 'any', 'limit': 50})
    return res['orders'] if res else []


def upsert_contact(customer):
    props = [
        {'property': 'firstname', 'value': customer.get('first_name') or ''},
        {'property': 'lastname', 'value': customer.get('last_name') or ''},
        {'property': 'shopify_customer_id', 'value': str(customer['id'])},
    ]
    res = fetch(HUBSPOT_URL + '/contacts/v1/contact/createOrUpdate/email/' + customer['email'] + '/',
                method='POST', data={'properties': props})
    return res['vid'] if res else None


def create_deal(order, vid):
    data = {
        'associations': {'associatedVids': [vid]},
        'properties': [
            {'name': 'dealname', 'value': 'Shopify #' + str(order['order_number'])},
            {'name': 'amount', 'value': order['total_price']},
            {'name': 'pipeline', 'value': PIPELINE},
            {'name': 'dealstage', 'value': STAGE_PAID},
        ]
    }
    res = fetch(HUBSPOT_URL + '/deals/v1/deal', method='POST', data=data)
    return res['dealId'] if res else None


def associate_company(deal_id, company_id):
    url = HUBSPOT_URL + '/crm-associations/v1/associations?hapikey=' + HAPIKEY
    body = {'fromObjectId': deal_id, 'toObjectId': company_id, 'category': 'HUBSPOT_DEFINED', 'definitionId': 5}
    return requests.put(url, json=body).status_code


def find_company(domain):
    url = HUBSPOT_URL + '/companies/v2/domains/' + domain + '/companies?hapikey=' + HAPIKEY
    body = {'limit': 1, 'requestOptions': {'properties': ['domain', 'name']}, 'offset': {'isPrimary': True, 'companyId': 0}}
    r = requests.post(url, json=body)
    results = r.json().get('results', [])
    return results[0]['companyId'] if results else None


def run(since_id=0):
    done = 0
    for order in get_orders(since_id):
        if order.get('financial_status') != 'paid':
            continue
        cust = order.get('customer') or {}
        if not cust.get('email'):
            continue
        vid = upsert_contact(cust)
        if not vid:
            continue
        deal = create_deal(order, vid)
        domain = cust['email'].split('@')[1]
        company = find_company(domain)
        if deal and company:
            associate_company(deal, company)
        done += 1
        print('order %s -> deal %s' % (order['order_number'], deal))
    return done


if __name__ == '__main__':
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
