import logging
import sys

from etl import extract, load
from etl.config import Config
from etl.session import hubspot_session

log = logging.getLogger("etl")


def run(config_path="etl.json", file_id=None):
    cfg = Config(config_path)
    session = hubspot_session(cfg)
    loaded = load.load(cfg, "deals", extract.deals(cfg, session))
    loaded += load.load(cfg, "owners", extract.owners(cfg, session), session=session)
    if file_id:
        name, data = extract.export_file(cfg, session, file_id)
        loaded += load.load(cfg, "files", [{"name": name, "size": len(data)}])
    log.info("loaded %d rows", loaded)
    return loaded


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(*sys.argv[1:2])
