"""Celery tasks run by the import workers."""
import csv
import io
import logging
import os

from celery import shared_task

from importer import hs, status

log = logging.getLogger(__name__)
BATCH = int(os.environ.get("IMPORT_BATCH_SIZE", "100"))


def chunked(rows, size=BATCH):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


@shared_task(bind=True, max_retries=3)
def import_csv(self, job_id, text):
    rows = [r for r in csv.DictReader(io.StringIO(text)) if r.get("email")]
    done = failed = 0
    for batch in chunked(rows):
        code = hs.batch_contacts(batch, audit=True)
        if code == 202:
            done += len(batch)
        else:
            failed += len(batch)
            log.warning("batch failed with %s", code)
    status.report(job_id, done, failed)
    return done


@shared_task
def tag_companies(domains, tier):
    updates = [(cid, {"tier": tier}) for cid in (hs.company_by_domain(d) for d in domains) if cid]
    if updates:
        hs.batch_companies_update(updates)
    return len(updates)
