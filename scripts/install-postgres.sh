#!/usr/bin/env bash
# Install Debian's PostgreSQL 15 and the pgvector extension for it (tests, bench, local deployments).
# Idempotent: does nothing when both are present. Needs root (or sudo) only when something is missing.
# Debian 12 ships no binary pgvector package for PostgreSQL 15, so when `postgresql-15-pgvector` cannot be installed
# the script builds the extension from Debian's own pgvector source package against postgresql-server-dev-15.
set -euo pipefail
PG_MAJOR="${PG_MAJOR:-15}"
BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
EXT_DIR="/usr/share/postgresql/$PG_MAJOR/extension"

have_server() { [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ]; }
have_vector() { [ -f "$EXT_DIR/vector.control" ]; }

if have_server && have_vector; then
  echo "PostgreSQL $PG_MAJOR with pgvector is installed."
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "PostgreSQL $PG_MAJOR and/or pgvector are missing and installing them needs root: run this script as root," >&2
  echo "or install postgresql-$PG_MAJOR and postgresql-$PG_MAJOR-pgvector yourself." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt_updated=0
apt_update() { [ "$apt_updated" = 1 ] || { apt-get update -qq; apt_updated=1; }; }

if ! have_server; then
  apt_update
  apt-get install -y -qq "postgresql-$PG_MAJOR" >/dev/null
  # The Debian package starts a system cluster on 5432; SkillProof's tests use their own throw-away clusters.
  if command -v pg_ctlcluster >/dev/null 2>&1; then pg_ctlcluster "$PG_MAJOR" main stop >/dev/null 2>&1 || true; fi
fi

if ! have_vector; then
  apt_update
  if apt-get install -y -qq "postgresql-$PG_MAJOR-pgvector" >/dev/null 2>&1; then
    echo "Installed postgresql-$PG_MAJOR-pgvector."
  else
    echo "postgresql-$PG_MAJOR-pgvector is not in this Debian release: building Debian's pgvector source package for PostgreSQL $PG_MAJOR."
    apt-get install -y -qq "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >/dev/null
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    # A private apt configuration with deb-src lines, so the machine's own sources stay untouched.
    mkdir -p "$work/lists/partial"
    cat >"$work/src.sources" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie bookworm-backports bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt_opts=(-o "Dir::Etc::sourcelist=$work/src.sources" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$work/lists")
    apt-get "${apt_opts[@]}" update -qq
    (cd "$work" && apt-get "${apt_opts[@]}" source --download-only -qq pgvector >/dev/null 2>&1)
    tar -xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
    src="$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)"
    # OPTFLAGS="" leaves out -march=native so the library runs on any x86-64 machine.
    make -s -C "$src" PG_CONFIG="$BIN/pg_config" OPTFLAGS="" >/dev/null
    make -s -C "$src" PG_CONFIG="$BIN/pg_config" OPTFLAGS="" install >/dev/null
    echo "Built and installed pgvector $(basename "$src" | sed 's/pgvector-//') for PostgreSQL $PG_MAJOR."
  fi
fi
have_server && have_vector
