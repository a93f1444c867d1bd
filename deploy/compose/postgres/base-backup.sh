#!/bin/bash
# The pg-basebackup service (postgres image): a compressed physical base backup every
# BASE_BACKUP_INTERVAL_SECONDS (default a day) into the spool volume, which wal-shipper uploads.
# A base backup plus the archived WAL after it restores to any point in time (deploy/README.md).
set -euo pipefail
interval="${BASE_BACKUP_INTERVAL_SECONDS:-86400}"

# wal-shipper creates the spool layout.
until [ -d /spool/base ]; do sleep 5; done

while true; do
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  partial="/spool/base/.${stamp}"
  # -X none: the WAL this backup needs is in the archive already (archive_mode = on).
  if pg_basebackup --pgdata="$partial" --format=tar --gzip --wal-method=none \
    --checkpoint=fast --label="nano-${stamp}" --no-password; then
    mv "$partial" "/spool/base/${stamp}"
    touch /tmp/base-backup-ok
    echo "pg-basebackup: base backup ${stamp} written"
  else
    rm -rf "$partial"
    echo "pg-basebackup: base backup ${stamp} failed" >&2
  fi
  sleep "$interval"
done
