"""Python 3 cron job (2019) sharing hs_compat with the 2.7 scripts."""
import sys

import hs_compat


def stale_contacts(count=100):
    data = hs_compat.get_json('/contacts/v1/lists/recently_updated/contacts/recent', count=count)
    return [c['vid'] for c in (data or {}).get('contacts', []) if not c.get('properties', {}).get('email')]


def flag(vids):
    ok = 0
    for vid in vids:
        code = hs_compat.post_json('/contacts/v1/contact/vid/%d/profile' % vid,
                                   {'properties': [{'property': 'stale', 'value': 'true'}]})
        ok += code == 204
    return ok


if __name__ == '__main__':
    sys.exit(0 if flag(stale_contacts()) else 1)
