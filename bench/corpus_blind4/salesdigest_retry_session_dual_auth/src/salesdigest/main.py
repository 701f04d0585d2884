"""Daily digest entry point."""
import logging

from salesdigest import reports, sessions, slack


def run(since_ms):
    session = sessions.from_env()
    lines = reports.digest(session, since_ms)
    calls = reports.recent_calls(session)
    lines.setdefault("calls", []).append("%d calls" % len(calls))
    return slack.post(lines)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(0)
