"""`hapimigrate scaffold oauth`: the written provider refreshes tokens against a
real (local) token endpoint, caches them, is thread-safe and keeps the newest
refresh token; by default at HubSpot's current token endpoint (POST
/oauth/2026-03/token, form-encoded), not /oauth/v1/token (sunset 2027-02-16)."""

from __future__ import annotations

import importlib.util
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner

from hapimigrate.cli import main


class TokenEndpoint:
    def __init__(self, status: int = 200, error: dict | None = None) -> None:
        self.requests: list[dict] = []
        self.status = status
        self.error = error or {"status": "BAD"}
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                endpoint.requests.append(
                    {
                        "form": form,
                        "type": self.headers["Content-Type"],
                        "path": self.path,
                    }
                )
                number = len(endpoint.requests)
                answer = {"access_token": f"access-{number}", "refresh_token": f"refresh-{number}",
                          "expires_in": 1800}  # fmt: skip
                data = json.dumps(
                    answer if endpoint.status == 200 else endpoint.error
                ).encode()
                self.send_response(endpoint.status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = (
            f"http://127.0.0.1:{self.server.server_address[1]}/oauth/2026-03/token"
        )

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["scaffold", "oauth", "-o", "myapp/hubspot_oauth.py"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "hapimigrate apply --token-provider myapp.hubspot_oauth:get_access_token PATH..."
    )
    spec = importlib.util.spec_from_file_location(
        "hubspot_oauth", tmp_path / "myapp/hubspot_oauth.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setenv("HUBSPOT_CLIENT_ID", "client-id")
    monkeypatch.setenv("HUBSPOT_CLIENT_SECRET", "client-secret")
    monkeypatch.setenv("HUBSPOT_REFRESH_TOKEN", "refresh-0")
    return module


def test_fetches_once_then_serves_from_cache(provider, monkeypatch):
    endpoint = TokenEndpoint()
    monkeypatch.setenv("HUBSPOT_TOKEN_URL", endpoint.url)
    try:
        assert provider.get_access_token() == "access-1"
        assert provider.get_access_token() == "access-1"
    finally:
        endpoint.close()
    [request] = endpoint.requests
    assert request["path"] == "/oauth/2026-03/token"  # nothing in the query
    assert request["type"].startswith("application/x-www-form-urlencoded")
    assert request["form"] == {
        "grant_type": "refresh_token",
        "client_id": "client-id",
        "client_secret": "client-secret",
        "refresh_token": "refresh-0",
    }


def test_refreshes_before_expiry_with_the_newest_refresh_token(provider, monkeypatch):
    endpoint = TokenEndpoint()
    monkeypatch.setenv("HUBSPOT_TOKEN_URL", endpoint.url)
    try:
        assert provider.get_access_token() == "access-1"
        provider._expires_at = (
            provider.time.monotonic() + 30
        )  # inside the refresh margin
        assert provider.get_access_token() == "access-2"
    finally:
        endpoint.close()
    assert [r["form"]["refresh_token"] for r in endpoint.requests] == [
        "refresh-0",
        "refresh-1",
    ]


def test_concurrent_callers_share_one_refresh(provider, monkeypatch):
    endpoint = TokenEndpoint()
    monkeypatch.setenv("HUBSPOT_TOKEN_URL", endpoint.url)
    tokens = []
    try:
        threads = [
            threading.Thread(target=lambda: tokens.append(provider.get_access_token()))
            for _ in range(16)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        endpoint.close()
    assert tokens == ["access-1"] * 16
    assert len(endpoint.requests) == 1


def test_refusal_and_missing_settings_raise_token_error(provider, monkeypatch):
    endpoint = TokenEndpoint(status=400)
    monkeypatch.setenv("HUBSPOT_TOKEN_URL", endpoint.url)
    try:
        with pytest.raises(provider.TokenError, match="HTTP 400"):
            provider.get_access_token()
    finally:
        endpoint.close()
    monkeypatch.delenv("HUBSPOT_CLIENT_SECRET")
    with pytest.raises(provider.TokenError, match="HUBSPOT_CLIENT_SECRET is not set"):
        provider.get_access_token()


def test_scaffold_does_not_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.py").write_text("mine\n")
    result = CliRunner().invoke(main, ["scaffold", "oauth", "-o", "p.py"])
    assert result.exit_code == 2 and (tmp_path / "p.py").read_text() == "mine\n"


def test_the_default_endpoint_is_the_current_date_based_one(provider):
    assert provider.DEFAULT_TOKEN_URL == "https://api.hubapi.com/oauth/2026-03/token"
    from hapimigrate import hubspot

    current = hubspot.lifecycle_of("POST", "/oauth/2026-03/token")
    assert current is not None and current.status == "current"
    sunset = hubspot.lifecycle_of("POST", "/oauth/v1/token")
    assert (sunset.status, sunset.date) == ("sunsetting", "2027-02-16")
    assert "POST /oauth/2026-03/token" in {
        f"{r.method} {r.path}" for r in sunset.replacements
    }


def test_refusal_names_the_oauth_error_fields(provider, monkeypatch):
    endpoint = TokenEndpoint(
        status=400,
        error={
            "status": "BAD_REFRESH_TOKEN",
            "message": "missing or invalid refresh token",
            "error": "invalid_grant",
            "error_description": "missing or invalid refresh token",
        },
    )
    monkeypatch.setenv("HUBSPOT_TOKEN_URL", endpoint.url)
    try:
        with pytest.raises(provider.TokenError) as raised:
            provider.get_access_token()
    finally:
        endpoint.close()
    assert str(raised.value) == (
        "token refresh failed: HTTP 400: invalid_grant "
        "(missing or invalid refresh token)"
    )
    assert "client-secret" not in str(raised.value)


def test_the_written_provider_calls_no_dated_endpoint(tmp_path, monkeypatch):
    """`check` on the scaffolded module: nothing retired or sunsetting."""
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(main, ["scaffold", "oauth", "-o", "hubspot_oauth.py"])
    text = (tmp_path / "hubspot_oauth.py").read_text()
    assert "/oauth/v1/" not in text.split('"""', 2)[2]  # only the docstring says it
    result = CliRunner().invoke(main, ["check", "hubspot_oauth.py"])
    assert result.exit_code == 0 and result.stdout == ""


# --- the --token-provider line works for the path given -------------------------------


def _scaffold(tmp_path, monkeypatch, output: str):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scaffold", "oauth", "-o", output])
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    spec = line.split("--token-provider ")[1].split()[0]
    return result, spec


def _imports(tmp_path, root: str, spec: str) -> bool:
    """Whether the app, with ``root`` on its import path, reaches the callable."""
    import subprocess
    import sys

    module, function = spec.split(":")
    done = subprocess.run(
        [sys.executable, "-c", f"from {module} import {function}"],
        cwd=tmp_path,
        env={"PYTHONPATH": root, "PATH": "/usr/bin:/bin"},
        capture_output=True,
    )
    return done.returncode == 0


def test_a_src_layout_module_is_named_without_src(tmp_path, monkeypatch):
    result, spec = _scaffold(tmp_path, monkeypatch, "src/myapp/hubspot_oauth.py")
    assert spec == "myapp.hubspot_oauth:get_access_token"
    assert "when src is on the import path" in result.stderr
    assert _imports(tmp_path, "src", spec)


def test_a_name_with_dashes_says_what_to_rename(tmp_path, monkeypatch):
    result, spec = _scaffold(tmp_path, monkeypatch, "my-app/hubspot-oauth.py")
    assert spec == "my_app.hubspot_oauth:get_access_token"
    assert "rename my-app to my_app" in result.stderr
    assert "rename my_app/hubspot-oauth.py to my_app/hubspot_oauth.py" in result.stderr
    assert not _imports(tmp_path, ".", spec)
    (tmp_path / "my-app").rename(tmp_path / "my_app")
    (tmp_path / "my_app" / "hubspot-oauth.py").rename(
        tmp_path / "my_app" / "hubspot_oauth.py"
    )
    assert _imports(tmp_path, ".", spec)  # after the renames it said


def test_a_plain_path_needs_no_note(tmp_path, monkeypatch):
    result, spec = _scaffold(tmp_path, monkeypatch, "crm/auth/oauth.py")
    assert spec == "crm.auth.oauth:get_access_token"
    assert result.stderr == "wrote crm/auth/oauth.py\n"
    assert _imports(tmp_path, ".", spec)


def test_dash_writes_the_module_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["scaffold", "oauth", "-o", "-"])
    assert result.exit_code == 0, result.output
    compile(result.stdout, "hubspot_oauth.py", "exec")
    assert "def get_access_token()" in result.stdout
    assert "--token-provider" in result.stderr and "--token-provider" not in (
        result.stdout.split('"""', 2)[2]
    )
    assert list(tmp_path.iterdir()) == []
