# Poor man's django.conf -- the service was split off the main Django site and we kept
# `from leadportal.conf import settings` so the crm app did not need touching.
from leadportal import settings  # noqa: F401
