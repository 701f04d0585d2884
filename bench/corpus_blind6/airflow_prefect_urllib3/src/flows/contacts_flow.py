"""Prefect flow: new contacts from HubSpot into the product's API."""
import os

import httpx
from prefect import flow, get_run_logger, task

HUBSPOT = "https://api.hubapi.com"
PRODUCT_API = os.environ.get("PRODUCT_API", "https://api.product.example.com")


@task(retries=2)
def fetch_recent_contacts(api_key: str, count: int = 50):
    response = httpx.get(HUBSPOT + "/contacts/v1/lists/all/contacts/recent",
                         params={"hapikey": api_key, "count": count}, timeout=30)
    response.raise_for_status()
    return response.json()["contacts"]


@task
def fetch_form_fields(api_key: str, form_guid: str):
    response = httpx.get(f"{HUBSPOT}/forms/v2/forms/{form_guid}?hapikey={api_key}")
    return [field["name"] for field in response.json().get("formFieldGroups", [])]


@task(retries=1)
def push_to_product(contacts, product_token: str):
    with httpx.Client(base_url=PRODUCT_API, headers={"Authorization": "Token " + product_token}) as client:
        for contact in contacts:
            client.post("/v2/leads", json={"hubspot_vid": contact["vid"]})
    return len(contacts)


@flow(name="hubspot-contacts")
def contacts_flow(api_key: str = os.environ.get("HUBSPOT_API_KEY", ""), form_guid: str = "f1"):
    logger = get_run_logger()
    contacts = fetch_recent_contacts(api_key)
    fields = fetch_form_fields(api_key, form_guid)
    logger.info("form fields: %s", fields)
    return push_to_product(contacts, os.environ["PRODUCT_API_TOKEN"])
