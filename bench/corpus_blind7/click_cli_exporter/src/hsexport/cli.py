import logging
import sys

import click

from .client import HubSpot
from .writers import write_csv, write_jsonl


@click.group()
@click.option("--hapikey", envvar="HUBSPOT_API_KEY", required=True, help="HubSpot API key")
@click.option("--page-size", default=100, show_default=True)
@click.option("-v", "--verbose", is_flag=True)
@click.pass_context
def cli(ctx, hapikey, page_size, verbose):
    """Export HubSpot data."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING)
    ctx.obj = HubSpot(hapikey, page_size=page_size)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv")
@click.pass_obj
def deals(hs, fmt):
    rows = []
    for d in hs.iter_deals(["dealname", "amount"]):
        props = d.get("properties", {})
        rows.append({"id": d["dealId"], "name": props.get("dealname", {}).get("value"),
                     "amount": props.get("amount", {}).get("value")})
    if fmt == "csv":
        write_csv(rows, ["id", "name", "amount"], sys.stdout)
    else:
        write_jsonl(rows, sys.stdout)


@cli.command()
@click.argument("object_type", default="companies")
@click.option("--prop", "props", multiple=True, default=("name", "domain"))
@click.pass_obj
def objects(hs, object_type, props):
    rows = [dict(id=o["id"], **o.get("properties", {})) for o in hs.iter_objects(object_type, props)]
    write_jsonl(rows, sys.stdout)


@cli.command("props")
@click.argument("object_type", default="contacts")
@click.pass_obj
def props_cmd(hs, object_type):
    for p in hs.properties(object_type):
        click.echo("%s\t%s" % (p["name"], p.get("type")))


def main():
    cli(prog_name="hsexport")


if __name__ == "__main__":
    main()
