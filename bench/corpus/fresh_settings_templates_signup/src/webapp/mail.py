import requests

from webapp import settings

MAILGUN_URL = "https://api.mailgun.net/v3/%(domain)s/messages"


def send_welcome(email, first_name):
    if not settings.SEND_WELCOME_MAIL:
        return None
    return requests.post(
        MAILGUN_URL % {"domain": settings.MAILGUN_DOMAIN},
        auth=("api", settings.MAILGUN_API_KEY),
        data={
            "from": "Acme <hello@%s>" % settings.MAILGUN_DOMAIN,
            "to": email,
            "subject": "Welcome to Acme",
            "text": "Hi %s, thanks for signing up!" % (first_name or "there"),
        },
        timeout=10,
    )
