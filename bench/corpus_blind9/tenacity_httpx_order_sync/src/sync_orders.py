import argparse
import logging

from ordersync import sync

if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--since-id")
    a = p.parse_args()
    logging.basicConfig(level=logging.INFO)
    print("created", sync.run(a.since_id), "deals")
