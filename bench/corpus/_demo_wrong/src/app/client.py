import os

import requests

SLACK_HOOK = "https://hooks.slack.com/services/T000/B000/XXXX"


def fetch(url):
    return requests.get(url)


def all_contacts():
    url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + os.environ["HUBSPOT_API_KEY"] + "&count=100"
    return fetch(url).json()["contacts"]


def notify(text):
    return fetch(SLACK_HOOK + "?text=" + text).text
