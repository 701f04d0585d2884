# -*- coding: utf-8 -*-
"""listsync: keeps a static HubSpot list in step with the newsletter database.
Runs on the old box (Python 2.7) and the new one (3.8)."""
