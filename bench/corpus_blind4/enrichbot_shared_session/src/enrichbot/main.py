"""Nightly run: enrich every company and leave a note."""
import logging

from enrichbot import companies, engagements, enrich

log = logging.getLogger("enrichbot")


def run():
    done = 0
    for c in companies.all_companies():
        employees = enrich.enrich(c["companyId"])
        if employees:
            engagements.note(c["companyId"], "Enriched: %s employees" % employees, when=c.get("updatedAt"))
            done += 1
    return done


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(run())
