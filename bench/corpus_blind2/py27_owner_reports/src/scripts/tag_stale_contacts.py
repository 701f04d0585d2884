#!/usr/bin/env python
# Mark contacts not touched in 180 days. Python 2.
import time
from hs_common import hs_get, hs_post

cutoff = int((time.time() - 180 * 86400) * 1000)
data = hs_get('/contacts/v1/lists/recently_updated/contacts/recent', count=100)
stale = [c for c in data['contacts'] if c.get('addedAt', 0) < cutoff]
print 'stale:', len(stale)
for c in stale:
    hs_post('/contacts/v1/contact/vid/%d/profile' % c['vid'],
            {'properties': [{'property': 'stale_flag', 'value': 'true'}]})
