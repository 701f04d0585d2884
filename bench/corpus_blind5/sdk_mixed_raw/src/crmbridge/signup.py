"""Web shop sign-up hook."""
from crmbridge import hubspot_client


def on_signup(form, referral_key=None):
    client = hubspot_client.client_for(referral_key) if referral_key else None
    vid = hubspot_client.create_contact(form["email"], form.get("first_name", ""), client=client)
    history = hubspot_client.timeline(vid) if vid and not referral_key else []
    return vid, len(history)
