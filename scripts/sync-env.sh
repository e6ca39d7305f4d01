#!/usr/bin/env bash
# Make .venv hold exactly one hashed lock: requirements.txt (runtime: `make book`) or
# requirements-test.txt (runtime + the `test` extra: `make test`), plus this package, editable.
# uv installs with --require-hashes, so a download that does not match the lock fails.
# A stamp records what was synced; a second call with the same files does nothing. A venv that
# holds the test lock also serves `make book` (the runtime lock is a subset of it), so running
# `make book` after `make test` does not uninstall the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:?usage: sync-env.sh runtime|test}
python=${PYTHON:-python3}
venv=.venv
case "$want" in
  runtime) lock=requirements.txt ;;
  test) lock=requirements-test.txt ;;
  *) echo "sync-env.sh: expected runtime or test, got '$want'" >&2; exit 2 ;;
esac
# (the stamp names the options too: a venv synced without bytecode is synced again)
stamp() { echo "$(cat "$1" pyproject.toml requirements-uv.txt | sha256sum | cut -c1-16) bytecode"; }
current=$(cat "$venv/.synced" 2>/dev/null || true)
if [[ "$current" == "test $(stamp requirements-test.txt)" ]] \
   || [[ "$want" == runtime && "$current" == "runtime $(stamp requirements.txt)" ]]; then
  exit 0
fi
if [[ ! -x "$venv/bin/python" ]]; then
  "$python" -m venv "$venv"
fi
# uv lives beside the environment, not in it, so that syncing never removes it
uv="$venv/.uv/bin/uv"
if ! "$uv" --version 2>/dev/null | grep -qF "$(sed -n 's/^uv==\([^ ]*\).*/\1/p' requirements-uv.txt)"; then
  PIP_ROOT_USER_ACTION=ignore "$python" -m pip install --quiet --disable-pip-version-check --require-hashes \
    --target "$venv/.uv" --upgrade -r requirements-uv.txt
fi
rm -f "$venv/.synced"
# sync: exactly the lock, nothing left over from an older one (uv itself is kept apart).
# --compile-bytecode writes every module's .pyc now: uv does not by default, and where
# PYTHONDONTWRITEBYTECODE is set (this project's CI machines) Python never writes them, so
# every process (each build, kernel, Sphinx run and test) compiled some 1 300 modules from
# source again: 2,2 s of a no-op jupyter-book run's 3,8 s, measured.
"$uv" pip sync --quiet --require-hashes --compile-bytecode \
  --python "$venv/bin/python" "$lock"
"$uv" pip install --quiet --no-deps --no-build-isolation --python "$venv/bin/python" -e .
echo "$want $(stamp "$lock")" > "$venv/.synced"
