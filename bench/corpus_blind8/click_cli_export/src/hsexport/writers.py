import csv


def flatten(record, names):
    props = record.get("properties", {})
    return [(props.get(n) or {}).get("value", "") for n in names]


def write_csv(path, records, id_field, names):
    n = 0
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([id_field] + list(names))
        for r in records:
            w.writerow([r.get(id_field)] + flatten(r, names))
            n += 1
    return n
