#!/usr/bin/env bash
# Runs the whole test suite: unit, property, command-line, HTTP and browser tests on SQLite,
# then the store tests and the key HTTP flows again on a real PostgreSQL server.
# Installs Debian's chromium, chromium-driver and postgresql first when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
APT_UPDATED=""
need() { # need COMMAND PACKAGE...
  if ! command -v "$1" >/dev/null 2>&1; then
    shift
    echo "Installing $* ..."
    if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
  fi
}
need chromium chromium
need chromedriver chromium-driver
# Outside judges from npm, into target/npm: a real GIFT parser for GiftParsesTest (the exports must
# parse), the Nu Html Checker (vnu-jar) for ValidHtmlTest and axe-core for AxeBrowserTest, at pinned versions (no install scripts: vnu-jar's would fetch a Java of its own; ours runs it).
need npm npm
npm install --prefix target/npm --no-save --no-audit --no-fund --ignore-scripts gift-pegjs vnu-jar@26.9.27 axe-core@4.14.1 >/dev/null

# PostgreSQL for the second pass: a local cluster, a role and a database of our own.
if [ -z "${CLOUDLAB_TEST_POSTGRES:-}" ]; then
  need pg_ctlcluster postgresql
  PGVER=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PGVER main" || $SUDO pg_createcluster "$PGVER" main >/dev/null
  $SUDO pg_ctlcluster "$PGVER" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
  if [ "$(id -u)" -eq 0 ]; then AS_PG="runuser -u postgres --"; else AS_PG="sudo -u postgres"; fi
  psql_do() { (cd /tmp && $AS_PG psql -q -d postgres -v ON_ERROR_STOP=1 "$@"); }
  psql_do -tAc "SELECT 1 FROM pg_roles WHERE rolname='cloudlab'" | grep -q 1 \
    || psql_do -c "CREATE ROLE cloudlab LOGIN PASSWORD 'cloudlab'"
  psql_do -tAc "SELECT 1 FROM pg_database WHERE datname='cloudlab_test'" | grep -q 1 \
    || psql_do -c "CREATE DATABASE cloudlab_test OWNER cloudlab"
  CLOUDLAB_TEST_POSTGRES="jdbc:postgresql://127.0.0.1:5432/cloudlab_test?user=cloudlab&password=cloudlab"
fi

mvn -B -ntp verify "$@"

echo "Second pass: the store tests and the key HTTP flows on PostgreSQL"
mvn -B -ntp surefire:test "-Dcloudlab.test.postgres=$CLOUDLAB_TEST_POSTGRES" \
  -Dtest='cloudlab.sandbox.SandboxesTest,cloudlab.sandbox.SandboxCacheTest,cloudlab.workshop.WorkshopsTest,cloudlab.quiz.RegradeTest,cloudlab.web.PagesTest,cloudlab.web.QuizOverHttpTest,cloudlab.web.QuizVariantsHttpTest,cloudlab.web.SandboxHttpTest,cloudlab.web.InstructorPagesTest,cloudlab.web.WorkshopHttpTest,cloudlab.web.WorkshopChaosTest,cloudlab.web.MultiInstanceTest,cloudlab.web.CsrfTest'
