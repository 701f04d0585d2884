"""crmpipe command line: `crmpipe [--api-key KEY] export|tag|lookup ...`."""
from __future__ import annotations

import csv
import sys

import click

from .hub import Hub
from .notify import post_summary
from .settings import build_settings


@click.group()
@click.option("--api-key", envvar="HUBSPOT_API_KEY", help="HubSpot API key")
@click.option("--dry-run", is_flag=True)
@click.pass_context
def cli(ctx: click.Context, api_key: str, dry_run: bool) -> None:
    ctx.obj = build_settings(api_key=api_key, dry_run=dry_run)


@cli.command()
@click.argument("object_type")
@click.option("--out", type=click.Path(), default="-")
@click.option("--prop", "props", multiple=True)
@click.pass_obj
def export(settings, object_type: str, out: str, props) -> None:
    """Write every object of OBJECT_TYPE as CSV."""
    hub = Hub(settings.hubspot)
    handle = sys.stdout if out == "-" else open(out, "w", newline="")
    writer = csv.writer(handle)
    writer.writerow(["id", *props])
    count = 0
    for obj in hub.iter_objects(object_type, props):
        values = obj.get("properties", {})
        writer.writerow([obj["id"], *(values.get(p, "") for p in props)])
        count += 1
    if handle is not sys.stdout:
        handle.close()
    post_summary(settings.slack_webhook, f"crmpipe exported {count} {object_type}")


@cli.command()
@click.argument("object_type")
@click.argument("ids", nargs=-1)
@click.option("--tag", required=True)
@click.pass_context
def tag(ctx: click.Context, object_type: str, ids, tag: str) -> None:
    """Set crmpipe_tag on the given objects."""
    settings = ctx.obj
    hub = Hub(settings.hubspot)
    current = hub.batch_read(object_type, ids, ["crmpipe_tag"])
    updates = []
    for obj in current:
        if obj.get("properties", {}).get("crmpipe_tag") == tag:
            continue
        updates.append({"id": obj["id"], "properties": {"crmpipe_tag": tag}})
    if settings.dry_run:
        click.echo(f"would tag {len(updates)}")
        return
    click.echo(f"tagged {hub.batch_update(object_type, updates)}")


def main() -> None:
    cli(prog_name="crmpipe")


if __name__ == "__main__":
    main()
