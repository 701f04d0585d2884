"""The scoring model: points per property value, then a letter grade."""

POINTS = {
    "lifecyclestage": {"lead": 5, "marketingqualifiedlead": 20, "salesqualifiedlead": 35},
    "hs_analytics_num_page_views": lambda v: min(int(v or 0), 30),
    "num_conversion_events": lambda v: 10 * int(v or 0),
}

GRADES = [(60, "A"), (40, "B"), (20, "C"), (0, "D")]


def prop(contact, name):
    props = contact.get("properties") or {}
    value = props.get(name) or {}
    return value.get("value")


def score(contact):
    total = 0
    for name, rule in POINTS.items():
        value = prop(contact, name)
        if callable(rule):
            total += rule(value)
        else:
            total += rule.get(value, 0)
    return total


def grade(points):
    for floor, letter in GRADES:
        if points >= floor:
            return letter
    return "D"
