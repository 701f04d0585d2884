"""Python-2-era membership sync script (~2015, still runs on Python 3): a compat module
picks `urllib2`/`urllib.request`, `hubspot_sync/urls.py` holds URL constants with the key
concatenated onto the query string at import (`BASE + '.../vid/{}/profile?...=' + KEY`) or
left as a `%s` slot filled by callers, and an `api` module does `urlopen` with `Request`
objects and the `req.get_method = lambda: method` trick. A forms module posts newsletter
signups to forms.hubspot.com (no key), and `sync_members.py` is the cron entry point."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "512345",
    "NEWSLETTER_FORM_GUID": "3f1c8d2e-0000-4000-8000-5a9b7c6d1e2f",
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/",
     "json": {"vid": 3101, "isNew": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 3101}, {"vid": 3102}], "has-more": False, "vid-offset": 3102}},
    {"method": "GET", "url": r"/contacts/v1/contact/(vid|email)/",
     "json": {"vid": 3101, "properties": {"email": {"value": "ann@example.org"}}}},
]

MEMBERS_CSV = (
    "Email,First,Last,Level,Newsletter\n"
    "ann@example.org,Ann,Lee,gold,Y\n"
    "bob+club@example.org ,Bob,Ray,silver,N\n"
)


def case_cron_sync(credential):
    import io
    import sync_members
    assert sync_members.main(["sync_members.py", "members.csv", "7"],
                             fh=io.StringIO(MEMBERS_CSV)) == 0


def case_lookup_and_update(credential):
    from hubspot_sync import contacts
    contacts.get_contact(3101)
    contacts.find_by_email("bob+club@example.org")
    contacts.update_contact(3101, {"membership_level": "platinum"})
    contacts.set_deal_stage(880, "closedwon")


def case_newsletter_form(credential):
    from hubspot_sync import forms
    forms.submit_newsletter("cy@example.org", "Cy", "https://members.example.org/news",
                            hutk="8a7b6c5d4e3f", ip="203.0.113.9")
