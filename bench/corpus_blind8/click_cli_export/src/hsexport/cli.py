"""hsexport: dump HubSpot records to CSV.

    hsexport --hapikey KEY deals deals.csv
    HUBSPOT_API_KEY=... hsexport companies companies.csv
"""
import logging

import click

from hsexport.client import Exporter
from hsexport.writers import write_csv

COPY_SKIP_GROUPS = {"dealinformation", "companyinformation"}


@click.group()
@click.option("--hapikey", envvar="HUBSPOT_API_KEY", required=True, help="HubSpot API key")
@click.option("--page-size", default=100, show_default=True)
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def cli(ctx, hapikey, page_size, verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)
    ctx.obj = Exporter(hapikey, page_size=page_size)


@cli.command()
@click.argument("out")
@click.pass_obj
def deals(exporter, out):
    names = ("dealname", "amount", "dealstage")
    n = write_csv(out, exporter.deals(names), "dealId", names)
    click.echo("%d deals" % n)


@cli.command()
@click.argument("out")
@click.pass_obj
def companies(exporter, out):
    names = ("name", "domain")
    n = write_csv(out, exporter.companies(names), "companyId", names)
    click.echo("%d companies" % n)


@cli.command()
@click.pass_obj
def owners(exporter):
    for o in exporter.owners():
        click.echo("%s\t%s" % (o["ownerId"], o.get("email", "")))


@cli.command("copy-properties")
@click.argument("object_type", type=click.Choice(["deals", "companies", "contacts"]))
@click.option("--to-hapikey", required=True, help="key of the portal to copy into")
@click.pass_obj
def copy_properties(exporter, object_type, to_hapikey):
    target = Exporter(to_hapikey)
    groups = {g["name"] for g in target.groups(object_type)}
    copied = 0
    for prop in exporter.properties(object_type):
        if prop.get("groupName") not in groups or prop.get("groupName") in COPY_SKIP_GROUPS:
            continue
        if prop.get("hubspotDefined"):
            continue
        definition = {k: prop[k] for k in ("name", "label", "type", "fieldType", "groupName") if k in prop}
        target.create_property(object_type, definition)
        copied += 1
    click.echo("%d copied" % copied)


def main(argv=None):
    return cli.main(args=argv, prog_name="hsexport", standalone_mode=False)


if __name__ == "__main__":
    cli()
