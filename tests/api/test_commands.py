"""`briefpress keys` and `briefpress serve`, as a user runs them."""

from __future__ import annotations

import subprocess
import sys

from briefpress.store import open_store


def bp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from briefpress.cli import main; main()", *args], capture_output=True, text=True, timeout=120)


def test_keys_create_list_revoke(db_url):
    created = bp("keys", "create", "--name", "desk", "--db", db_url)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert key.startswith("bp_") and "shown only this once" in created.stderr
    store = open_store(db_url)
    assert store.check_key(key) is not None
    listed = bp("keys", "list", "--db", db_url)
    assert "desk" in listed.stdout and "active" in listed.stdout and key not in listed.stdout
    key_id = listed.stdout.split()[0]
    revoked = bp("keys", "revoke", key_id, "--db", db_url)
    assert revoked.returncode == 0 and "revoked" in revoked.stdout
    assert store.check_key(key) is None
    assert "revoked" in bp("keys", "list", "--db", db_url).stdout


def test_keys_revoke_unknown_is_exit_2(db_url):
    r = bp("keys", "revoke", "nope", "--db", db_url)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "keys list" in r.stderr


def test_no_auth_refuses_a_public_address():
    r = bp("serve", "--no-auth", "--host", "0.0.0.0")
    assert r.returncode == 2
    assert "--no-auth" in r.stderr and "127.0.0.1" in r.stderr and "Traceback" not in r.stderr


def test_serve_with_a_bad_database_url_is_one_line():
    r = bp("serve", "--db", "nosuchdb://x", "--port", "1")
    assert r.returncode == 2 and "not a usable SQLAlchemy URL" in r.stderr and "Traceback" not in r.stderr
