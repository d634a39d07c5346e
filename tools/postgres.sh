#!/usr/bin/env bash
# Make sure a PostgreSQL server (initdb, pg_ctl, postgres; 15 or newer, with btree_gist) is on
# this machine for the team-store tests, which start their own throwaway cluster with it
# (tests/helpers/pgcluster.py). As root on Debian/Ubuntu we install it; otherwise we name the
# exact command and carry on: pytest then skips those tests, or fails them under `make test` / CI.
# Quiet and quick when everything is present. Keep the search order in step with
# tests/helpers/pgcluster.py:find_bindir().
set -euo pipefail
MIN_MAJOR=15

major_of() {  # "initdb (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" -> 15
  "$1/initdb" --version 2>/dev/null | sed -nE 's/^[^0-9]*([0-9]+).*/\1/p'
}

usable() {  # a bin directory with initdb, pg_ctl and postgres of version >= MIN_MAJOR
  local dir=$1 major
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] || return 1
  major=$(major_of "$dir")
  [ -n "$major" ] && [ "$major" -ge "$MIN_MAJOR" ]
}

find_bindir() {
  local initdb dir
  if initdb=$(command -v initdb 2>/dev/null); then
    dir=$(dirname "$(readlink -f "$initdb")")
    usable "$dir" && { echo "$dir"; return 0; }
  fi
  # Debian/Ubuntu keep the server off PATH; the highest version wins.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5nr); do
    usable "$dir" && { echo "$dir"; return 0; }
  done
  return 1
}

has_btree_gist() {
  local dir=$1 major
  major=$(major_of "$dir")
  for ext in "$dir/../share/extension" "$dir/../share/postgresql/extension" \
    "/usr/share/postgresql/$major/extension"; do
    [ -f "$ext/btree_gist.control" ] && return 0
  done
  return 1
}

if bindir=$(find_bindir); then
  has_btree_gist "$bindir" ||
    echo "PostgreSQL in $bindir has no btree_gist extension; the team-store tests need it." >&2
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL for the team-store tests."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # postgresql-common first, so it can be told not to create and start a "main" cluster of its
  # own when the server package lands: the tests never use one.
  apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
  conf=/etc/postgresql-common/createcluster.conf
  if grep -qE '^\s*#?\s*create_main_cluster\b' "$conf" 2>/dev/null; then
    sed -ri 's/^\s*#?\s*create_main_cluster\b.*/create_main_cluster = false/' "$conf"
  else
    echo "create_main_cluster = false" >>"$conf"
  fi
  # The distribution's default server (15 on Debian 12); btree_gist ships in it.
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bindir=$(find_bindir) || {
    echo "PostgreSQL was installed but no initdb/pg_ctl of version $MIN_MAJOR or newer was found." >&2
    exit 1
  }
  has_btree_gist "$bindir" || {
    echo "PostgreSQL in $bindir has no btree_gist extension; the team-store tests need it." >&2
    exit 1
  }
  exit 0
fi

echo "The team-store tests need PostgreSQL $MIN_MAJOR or newer; please run:" \
  "sudo apt-get install -y postgresql"
exit 0
