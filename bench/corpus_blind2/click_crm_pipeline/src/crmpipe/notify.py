"""Slack notifications (optional)."""
import requests


def post_summary(webhook_url, text):
    if not webhook_url:
        return
    requests.post(webhook_url, json={"text": text}, timeout=10)
