"""The rule ids of ``hapimigrate check``: stable, documented, one per kind of use."""

from __future__ import annotations

from dataclasses import dataclass

from hapimigrate.model import Kind, Site


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    title: str
    help: str


RULES = {
    rule.id: rule
    for rule in (
        Rule(
            "HM001",
            "hapikey-in-url",
            "HubSpot API key in a URL",
            "HubSpot no longer accepts portal API keys (?hapikey=). Send a private-app or OAuth "
            "access token as 'Authorization: Bearer <token>' instead; `hapimigrate apply` "
            "rewrites most uses.",
        ),
        Rule(
            "HM002",
            "hapikey-in-parameters",
            "HubSpot API key in query parameters",
            "A 'hapikey' entry in request or session parameters sends a sunset portal API key. "
            "Remove it and send 'Authorization: Bearer <token>'; `hapimigrate apply` does both.",
        ),
        Rule(
            "HM003",
            "sdk-api-key",
            "HubSpot SDK client built with an API key",
            "HubSpot SDK clients take an access token now; built with an API key they send a "
            "sunset portal key. Python (hubspot-api-client, hubspot3): access_token= instead of "
            "api_key=, which `hapimigrate apply` rewrites. Node @hubspot/api-client and hubspot: "
            "accessToken instead of apiKey (setAccessToken, not setApiKey). PHP hubspot/api-client: "
            "Factory::createWithAccessToken instead of createWithApiKey; SevenShores hubspot-php: "
            "Factory::createWithOAuth2Token instead of Factory::create. Ruby: an access token "
            "instead of hapikey in Hubspot.configure.",
        ),
        Rule(
            "HM004",
            "hardcoded-api-key",
            "Hard-coded HubSpot API key",
            "A literal API key is written in the code. Revoke it in HubSpot, then migrate the use "
            "to an access token read from the environment or a secret store.",
        ),
        Rule(
            "HM005",
            "hapikey-outside-python",
            "HubSpot API key used outside Python",
            "A file hapimigrate cannot rewrite (JavaScript, shell, configuration, templates, "
            "Python that does not parse) sends or stores a hapikey. Migrate it by hand to "
            "'Authorization: Bearer <token>'.",
        ),
        Rule(
            "HM006",
            "old-key-guard",
            "A guard still tests the old HubSpot API key",
            "The requests send an access token now, but this test still reads the old key: "
            "once the key is gone from the configuration it skips the work or stops the "
            "app. Test the token instead.",
        ),
    )
}

_BY_KIND = {
    Kind.URL: "HM001",
    Kind.PARAMS: "HM002",
    Kind.SESSION: "HM002",
    Kind.SDK: "HM003",
    Kind.TEXT: "HM005",
    Kind.GUARD: "HM006",
}


def rule_for(site: Site) -> Rule:
    """One rule a use: a hard-coded key first, else the kind of use."""
    if site.hardcoded_key:
        return RULES["HM004"]
    return RULES[_BY_KIND[site.kind]]


def message(site: Site) -> str:
    text = rule_for(site).title
    if site.reason:
        text += f" ({site.status.value}: {site.reason})"
    elif site.status.value == "rewrite":
        text += " (`hapimigrate apply` migrates it)"
    return text
