"""How the keys of a "several keys are sent" reason are named: one name per key.

A module that sends ``HS_API_VALUE`` (bound to ``settings.HS_API_VALUE``), the
setting itself, and a key written in a URL sends two keys, not three: the
configured keys are counted by identity (``origins.config_key``), and the
reason names each identity once, by its most qualified spelling
(``settings.HS_API_VALUE``). A key written in the code is never named by its
value: it is "a key written in the code", with the lines that send it when it
is the module's one such key (so a person finds which requests are the other
portal's, if it is one).
"""

from __future__ import annotations

from typing import Iterable

from hapimigrate.analysis.origins import LITERAL_KEY


def several_labels(
    provider_keys: Iterable[tuple[str, str]],
    chosen: Iterable[str],
    aliases: dict[str, str],
    literal_lines: Iterable[int],
) -> tuple[str, ...]:
    """The names of the keys that ``provider_keys`` ((identity, label) pairs)
    and ``chosen`` (identities of keys manual sites send) hold, one per
    identity once ``aliases`` are applied; ``literal_lines``: where the sites
    sending a key written in the code are."""
    spelled: dict[str, set[str]] = {}
    for identity, label in provider_keys:
        spelled.setdefault(aliases.get(identity, identity), set()).add(label)
    for identity in chosen:
        spelled.setdefault(aliases.get(identity, identity), set()).add(identity)
    literals = [i for i, labels in spelled.items() if _literal(i, labels)]
    lines = sorted(set(literal_lines))
    written = LITERAL_KEY
    if len(literals) == 1 and lines:
        shown = ", ".join(str(n) for n in lines)
        written += f" (line{'s' if len(lines) > 1 else ''} {shown})"
    chosen_any = bool(spelled.keys() - {aliases.get(i, i) for i, _ in provider_keys})
    names = set()
    for identity, labels in spelled.items():
        if identity in literals and len(literals) > 1 and chosen_any:
            # as many names as keys, as the identities were listed before
            names.add(f"{LITERAL_KEY} ({literals.index(identity) + 1})")
        elif identity in literals:
            names.add(written)
        else:  # settings.HS_API_VALUE rather than HS_API_VALUE
            names.add(max(sorted(labels), key=len))
    return tuple(sorted(names))


def _literal(identity: str, labels: set[str]) -> bool:
    return LITERAL_KEY in labels or identity[:1] in ("'", '"')
