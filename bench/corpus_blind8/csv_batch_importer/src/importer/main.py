"""python -m importer.main contacts.csv [--companies] [--config FILE]"""
import argparse
import logging

from importer import batch, config
from importer.session import HubSpotSession


def build_parser():
    p = argparse.ArgumentParser(prog="importer")
    p.add_argument("source")
    p.add_argument("--config")
    p.add_argument("--companies", action="store_true")
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)
    cfg = config.load(args.config)
    session = HubSpotSession(cfg.api_key)
    rows = batch.read_rows(session, args.source)
    batch.ensure_property(session, "import_source", "Import source")
    for r in rows:
        r["import_source"] = "csv"
    if args.companies:
        return len(batch.import_companies(session, [r for r in rows if r.get("company")], cfg.chunk_size))
    return batch.import_contacts(session, [{k: v for k, v in r.items() if k not in ("company", "domain")} for r in rows], cfg.chunk_size)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(main())
