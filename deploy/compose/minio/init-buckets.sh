#!/bin/sh
# The minio-init job (minio/mc image): creates each bucket in $BUCKETS (uploads, backups, WAL)
# with versioning, so an overwritten or deleted object can be recovered, and the app's own
# access key with the built-in readwrite policy. Safe to run again.
set -eu
for bucket in ${BUCKETS:?BUCKETS is required}; do
  mc mb --ignore-existing "store/${bucket}"
  mc version enable "store/${bucket}"
done
mc admin user add store "${APP_S3_ACCESS_KEY:?}" "${APP_S3_SECRET_KEY:?}"
mc admin policy attach store readwrite --user "${APP_S3_ACCESS_KEY}" 2>/dev/null || true
echo "minio-init: buckets ready: ${BUCKETS}"
