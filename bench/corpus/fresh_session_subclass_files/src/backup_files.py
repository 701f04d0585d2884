#!/usr/bin/env python
"""Back up every file of the HubSpot file manager to a local folder, then move the
originals into an "archived" folder. Run from cron:

    HUBSPOT_API_KEY=... python backup_files.py /var/backups/hubspot
"""
import json
import logging
import os
import sys

from hs_files import HubSpotSession
from hs_files.filemanager import FileManager

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("backup")


def make_session():
    key = os.environ.get("HUBSPOT_API_KEY")
    if not key:
        sys.exit("HUBSPOT_API_KEY is not set")
    return HubSpotSession(key)


def backup(dest, session=None, archive=False):
    session = session or make_session()
    fm = FileManager(session)
    manifest = []
    for folder in fm.folders():
        log.info("folder %s", folder.get("full_path"))
    for f in fm.files():
        path = fm.download(f, dest)
        manifest.append({"id": f["id"], "path": os.path.basename(path)})
        if archive:
            fm.move(f["id"], "/archived")
    with open(os.path.join(dest, "manifest.json"), "w") as fh:
        json.dump(manifest, fh, indent=2)
    return manifest


if __name__ == "__main__":
    backup(sys.argv[1], archive="--archive" in sys.argv)
