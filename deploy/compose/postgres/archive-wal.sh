#!/bin/sh
# PostgreSQL's archive_command: `archive-wal.sh %p %f`. Copies one finished WAL segment into the
# spool volume, atomically (copy to .tmp, then rename), for the wal-shipper service to upload.
# A non-zero exit makes PostgreSQL keep the segment and retry, so nothing is lost while the
# spool is unavailable.
set -eu
src="$1"
name="$2"
spool=/var/lib/postgresql/wal-spool/wal

# Never overwrite: a segment archived twice must be identical (PostgreSQL's archiving contract).
if [ -f "$spool/$name" ]; then
  exec cmp -s "$src" "$spool/$name"
fi
cp "$src" "$spool/.tmp/$name"
sync "$spool/.tmp/$name"
mv "$spool/.tmp/$name" "$spool/$name"
