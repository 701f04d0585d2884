import csv
import json


def write_csv(rows, fields, fh):
    w = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow(row)


def write_jsonl(rows, fh):
    for row in rows:
        fh.write(json.dumps(row, sort_keys=True) + "\n")
