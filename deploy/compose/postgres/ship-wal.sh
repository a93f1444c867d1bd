#!/bin/sh
# The wal-shipper service (minio/mc image): uploads what PostgreSQL archived into the spool
# volume to MinIO, then deletes the local copy.
#   wal/<segment>        → store/$WAL_BUCKET/wal/<segment>
#   base/<UTC stamp>/    → store/$WAL_BUCKET/base/<UTC stamp>/   (pg-basebackup's daily base)
# The bucket is versioned (minio-init), so a re-uploaded name keeps its earlier version.
set -eu
spool=/spool
target="store/${WAL_BUCKET:?WAL_BUCKET is required}"

# The volume starts root-owned; PostgreSQL (uid 999 in the official image) writes wal/.
mkdir -p "$spool/wal/.tmp" "$spool/base"
chown -R 999:999 "$spool/wal"
chmod 0770 "$spool/wal" "$spool/wal/.tmp"

while true; do
  # Finished segments only: in-progress copies sit in wal/.tmp, which the glob skips.
  for file in "$spool"/wal/*; do
    [ -f "$file" ] || continue
    if mc cp --quiet "$file" "$target/wal/$(basename "$file")" >/dev/null; then
      rm -f "$file"
    else
      echo "wal-shipper: upload of $(basename "$file") failed; retrying" >&2
    fi
  done
  # Completed base backups only: pg-basebackup writes into .<stamp> and renames when done.
  for dir in "$spool"/base/*; do
    [ -d "$dir" ] || continue
    if mc cp --quiet --recursive "$dir/" "$target/base/$(basename "$dir")/" >/dev/null; then
      rm -rf "$dir"
    else
      echo "wal-shipper: upload of base backup $(basename "$dir") failed; retrying" >&2
    fi
  done
  sleep 30
done
