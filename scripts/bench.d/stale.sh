# Sourced by the benches that only read a generated catalogue (search, export). A catalogue
# left by an older atip is built again: a command that only reads does not upgrade it, and an
# upgraded catalogue's figures would not be those of a new one.
# stale_catalogue DB: true when DB is missing or older than the newest schema/ migration.
stale_catalogue() {
  [ -f "$1" ] || return 0
  local newest have
  newest=$(ls schema/*.sql | sed -n '$s|.*/0*\([0-9]*\)_.*|\1|p')
  have=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$1")
  [ "$have" -lt "$newest" ]
}
