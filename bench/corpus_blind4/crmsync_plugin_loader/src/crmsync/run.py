"""crmsync: copy people and organizations from a source CRM into a target CRM."""
import json
import logging

from crmsync import plugins

log = logging.getLogger("crmsync")


def chunks(items, size):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(config_path="crmsync.json"):
    with open(config_path) as fh:
        conf = json.load(fh)
    source = plugins.build(conf["source"])
    target = plugins.build(conf["target"])
    sent = 0
    for batch in chunks((p for p in source.people() if p["email"]), conf.get("batch_size", 100)):
        sent += target.upsert_people(batch)
    orgs = [target.upsert_org(o) for o in source.organizations() if o["domain"]]
    log.info("%s -> %s: %d people, %d orgs", source.name, target.name, sent, len(orgs))
    return sent, orgs


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
