import io
import json


def write_jsonl(rows, out):
    for row in rows:
        out.write(json.dumps(row, default=str, sort_keys=True) + "\n")
    return len(rows)


def run(out=None):
    from hsetl import extract

    out = out or io.StringIO()
    n = write_jsonl(list(extract.contacts()), out)
    n += write_jsonl(extract.companies(), out)
    n += write_jsonl(list(extract.engagements()), out)
    return n
