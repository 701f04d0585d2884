import csv
import sys

import click

from hsctl import __version__
from hsctl.api import ApiError, Client, submit_form


@click.group()
@click.option("--api-key", envvar="HUBSPOT_API_KEY", help="HubSpot API key")
@click.option("--verbose", "-v", is_flag=True)
@click.version_option(__version__)
@click.pass_context
def cli(ctx, api_key, verbose):
    """hsctl: poke at a HubSpot portal from the shell."""
    ctx.ensure_object(dict)
    ctx.obj["api_key"] = api_key
    ctx.obj["verbose"] = verbose


def _client(ctx):
    try:
        return Client(ctx.obj["api_key"], verbose=ctx.obj["verbose"])
    except ApiError as error:
        raise click.UsageError(str(error))


@cli.group()
def contacts():
    """Contacts (v1)."""


@contacts.command("export")
@click.option("--property", "-p", "properties", multiple=True, default=("email",))
@click.option("--output", "-o", type=click.File("w"), default="-")
@click.pass_context
def export_contacts(ctx, properties, output):
    writer = csv.writer(output)
    writer.writerow(["vid"] + list(properties))
    n = 0
    for c in _client(ctx).all_contacts(properties):
        props = c.get("properties", {})
        writer.writerow([c["vid"]] + [props.get(p, {}).get("value", "") for p in properties])
        n += 1
    click.echo("%d contacts" % n, err=True)


@cli.command("properties")
@click.argument("object_type", type=click.Choice(["contacts", "companies", "deals"]))
@click.pass_context
def list_properties(ctx, object_type):
    for prop in _client(ctx).get("/properties/v1/%s/properties" % object_type):
        click.echo("%s\t%s" % (prop["name"], prop.get("type", "")))


@cli.group()
def forms():
    """Forms (v2) and submissions."""


@forms.command("list")
@click.pass_context
def list_forms(ctx):
    for form in _client(ctx).get("/forms/v2/forms"):
        click.echo("%s\t%s" % (form["guid"], form["name"]))


@forms.command("submit")
@click.argument("portal_id")
@click.argument("form_guid")
@click.option("--field", "-f", multiple=True, help="name=value")
def submit(portal_id, form_guid, field):
    fields = dict(item.split("=", 1) for item in field)
    status = submit_form(portal_id, form_guid, fields, page_name="hsctl")
    click.echo("submitted: %s" % status)


@cli.command("note")
@click.argument("vid", type=int)
@click.argument("text")
@click.pass_context
def add_note(ctx, vid, text):
    body = {"engagement": {"active": True, "type": "NOTE"},
            "associations": {"contactIds": [vid]}, "metadata": {"body": text}}
    result = _client(ctx).post("/engagements/v1/engagements", body)
    click.echo("engagement %s" % result.get("engagement", {}).get("id"))


def main():
    cli(obj={})


if __name__ == "__main__":
    sys.exit(main())
