"""``report --format pr``: a pull-request body in Markdown for one repository's
migration: the scopes to grant, the secrets to set, the keys to revoke, the sites
left for a person, the calls to retired endpoints, and how to verify.

It reads a :class:`~hapimigrate.output.report_merge.RepoReport`, the same summary
``report --merge`` builds, so the body of a tree and of its saved JSON report
agree. Places only, never a key's or token's value.
"""

from __future__ import annotations

import json
import shlex

from hapimigrate.output.report_merge import Merged, RepoReport, parse, retired_groups
from hapimigrate.providers import DEFAULT_SPEC

# what the scaffolded OAuth provider (hapimigrate scaffold oauth) reads
OAUTH_VARIABLES = (
    "HUBSPOT_CLIENT_ID",
    "HUBSPOT_CLIENT_SECRET",
    "HUBSPOT_REFRESH_TOKEN",
)
SHOWN = 3  # replacements shown per retired call
TOKEN_KINDS = {
    "service-key": "a **service key** (Development > Keys > Service keys) for one "
    "HubSpot account",
    "project-app": "a **project-based app** for one account (the code also calls "
    "webhook endpoints, which service keys cannot)",
}


def _code(text: str) -> str:
    """``text`` as inline code, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _one_line(text: str) -> str:
    """A reason as Markdown text: one line, ``<token>`` not taken for HTML."""
    text = " ".join(text.split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def secrets(token_provider: str) -> list[str]:
    """What to set where the code runs, by the provider the code reads the token
    through."""
    if token_provider.startswith("env:"):
        name = token_provider[4:]
        return [
            f"- [ ] {_code(name)}: the new token, in every environment that runs "
            "this code (CI secrets, deployment, local `.env` files); never commit it"
        ]
    return [
        f"- [ ] The code reads its token with {_code(token_provider)} (a function of "
        "your app, or a token-provider plugin): store the token, or what that "
        "provider needs, where it reads it",
        "- [ ] For a module written by `hapimigrate scaffold oauth`: "
        + ", ".join(_code(v) for v in OAUTH_VARIABLES)
        + " (an OAuth app's credentials and refresh token)",
    ]


def render(repo: RepoReport, heading: str = "##") -> str:
    sub = heading + "#"
    rewrite = repo.count("rewrite")
    manual = repo.count("manual") + repo.count("unparsed")
    out = [f"{heading} HubSpot: from API keys to access tokens", ""]
    out.append(
        "HubSpot no longer accepts API keys (`hapikey`). Made with hapimigrate: "
        "requests that sent the key now send `Authorization: Bearer <token>`."
        if rewrite
        else "HubSpot no longer accepts API keys (`hapikey`); hapimigrate migrated "
        "nothing here by itself."
    )
    out.append("")
    counts = [f"{rewrite} site{'s' * (rewrite != 1)} migrated"]
    counts.append(f"{manual} left for a person")
    if repo.count("kept"):
        counts.append(
            f"{repo.count('kept')} developer API key use{'s' * (repo.count('kept') != 1)} "
            "kept (webhooks, timeline events: not sunset)"
        )
    if repo.files_changed:
        counts.append(
            f"{repo.files_changed} file{'s' * (repo.files_changed != 1)} changed"
        )
    out.append(", ".join(counts) + ".")

    out += ["", f"{sub} Scopes to grant", ""]
    if repo.scopes or repo.scopes_any_of:
        kind = TOKEN_KINDS.get(repo.single_account, TOKEN_KINDS["service-key"])
        out.append(
            f"Create {kind}, or an **OAuth app** for several accounts, with "
            "these scopes (fewer fail with 403 `MISSING_SCOPES`; more are a "
            "liability):"
        )
        out.append("")
        out += [f"- [ ] {_code(s)}" for s in repo.scopes]
        out += [
            "- [ ] one of " + " or ".join(_code(s) for s in group)
            for group in repo.scopes_any_of
        ]
    else:
        out.append("No call whose scopes are known.")
    if repo.unknown:
        out += [
            "",
            f"{len(repo.unknown)} call{'s' * (len(repo.unknown) != 1)} whose endpoint "
            "is only known at run time (not counted above: check what "
            + ("they call" if len(repo.unknown) != 1 else "it calls")
            + "; `hapimigrate report --observed` fills them in from "
            "`hapimigrate verify run --observed`):",
            "",
        ]
        out += [
            f"- {_code(str(u.place))}"
            + (f": {_one_line(u.reason)}" if u.reason else "")
            for u in repo.unknown
        ]

    out += ["", f"{sub} Secrets to set", ""]
    out += secrets(repo.token_provider)
    if repo.count("kept"):
        out.append(
            "- Keep the developer API key the kept uses send: webhooks, timeline "
            "event types and extension settings still take it, not a token"
        )

    out += ["", f"{sub} Keys to revoke", ""]
    if repo.hardcoded:
        out.append(
            "The API key is written in the code (and so in the repository's "
            "history) at:"
        )
        out.append("")
        out += [f"- {_code(str(p))}" for p in repo.hardcoded]
        out += [
            "",
            "- [ ] Once the token works in production, revoke that key in HubSpot "
            "(it stays readable in the history; rewriting the history does not "
            "un-leak it)",
        ]
    else:
        out.append(
            "- [ ] No key is written in the code. Once the token works in "
            "production, remove the old API key from the environments and revoke it."
        )

    out += ["", f"{sub} Sites that need a person", ""]
    if repo.manual:
        out.append(
            "Left unchanged: each still sends the key until someone migrates it."
        )
        out.append("")
        out += [
            f"- [ ] {_code(str(m.place))}: {_one_line(m.reason) or 'see hapimigrate report'}"
            for m in repo.manual
        ]
    else:
        out.append("None: every use of the key was migrated.")

    groups = retired_groups(repo)
    if groups:
        out += ["", f"{sub} Calls to retired endpoints", ""]
        out.append(
            "HubSpot has switched these endpoints off: they fail whatever the "
            "token. Move each to its replacement:"
        )
        out.append("")
        for call, since, places, replacements in groups:
            where = ", ".join(_code(str(p)) for p in places)
            when = f", retired {since}" if since else ""
            instead = ", ".join(_code(r) for r in replacements[:SHOWN])
            if len(replacements) > SHOWN:
                instead += f" and {len(replacements) - SHOWN} more (hapimigrate report)"
            instead = f"; instead: {instead}" if instead else ""
            out.append(f"- [ ] {_code(call)} ({where}{when}){instead}")

    out += ["", f"{sub} Verify", "", "```sh"]
    provider = (
        ""
        if repo.token_provider == DEFAULT_SPEC
        else f" --token-provider {shlex.quote(repo.token_provider)}"
    )
    if repo.token_provider.startswith("env:"):
        out.append(
            f"export {repo.token_provider[4:]}=...   # the new token (never commit it)"
        )
    out.append(
        f"hapimigrate verify token{provider} .   # the token has the scopes "
        "above (--expect-hub ID: and is for the right account)"
    )
    out.append(
        "hapimigrate verify run -- pytest   # your test command: every HubSpot "
        "request sends the token, none the key"
    )
    out.append("```")
    return "\n".join(out) + "\n"


def render_merged(merged: Merged) -> str:
    """One body per repository (one report: just its body)."""
    if len(merged.repos) == 1:
        return render(merged.repos[0])
    return "\n---\n\n".join(
        f"# {repo.name}\n\n" + render(repo) for repo in merged.repos
    )


def render_json_report(text: str) -> str:
    """The body of a report as ``report --format json`` writes it."""
    return render(parse(json.loads(text), "report.json"))
