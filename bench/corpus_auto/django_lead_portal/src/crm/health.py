"""/healthz for the load balancer and the ops dashboard."""
from leadportal.conf import settings


def status(request):
    checks = {
        "hubspot": bool(getattr(settings, "HUBSPOT_API_KEY", None)),
        "slack": bool(getattr(settings, "SLACK_WEBHOOK_URL", None)),
    }
    code = 200 if all(checks.values()) else 503
    return {"status": code, "body": checks}
