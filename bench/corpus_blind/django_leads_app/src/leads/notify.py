import requests
from django.conf import settings


def send_welcome_mail(email):
    return requests.post(
        "https://api.mailgun.net/v3/%s/messages" % settings.MAILGUN_DOMAIN,
        auth=("api", settings.MAILGUN_API_KEY),
        data={"from": "hello@example.com", "to": email, "subject": "Welcome!",
              "text": "Thanks for signing up."},
        timeout=10,
    ).ok
