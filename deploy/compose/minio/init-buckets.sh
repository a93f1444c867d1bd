#!/bin/sh
# The minio-init job (minio/mc image): creates each bucket in $BUCKETS (uploads, backups, WAL)
# with versioning, so an overwritten or deleted object can be recovered, gives every bucket its
# lifecycle rules, and creates the app's own access key with the built-in readwrite policy.
# Safe to run again.
#
# Lifecycle (what versioning would otherwise keep for ever):
#   - every bucket: a deleted or overwritten version stays NONCURRENT_RETENTION_DAYS (30) days,
#     then it is removed for good. That is the window to recover from a mistake, and the longest
#     a deleted file (an erased account's avatar, a deleted Nano) survives in storage
#     (docs/privacy.md); delete markers left without versions are removed too;
#   - the WAL bucket: WAL segments and base backups expire after WAL_RETENTION_DAYS (14). With a
#     base backup every day, point-in-time recovery reaches back about 13 days.
# The rules are replaced, not added, so running the job again does not pile them up.
set -eu
noncurrent_days="${NONCURRENT_RETENTION_DAYS:-30}"
wal_days="${WAL_RETENTION_DAYS:-14}"
for bucket in ${BUCKETS:?BUCKETS is required}; do
  mc mb --ignore-existing "store/${bucket}"
  mc version enable "store/${bucket}"
  mc ilm rule rm --all --force "store/${bucket}" >/dev/null 2>&1 || true
  mc ilm rule add --noncurrent-expire-days "${noncurrent_days}" "store/${bucket}"
  mc ilm rule add --expire-delete-marker "store/${bucket}"
done
mc ilm rule add --expire-days "${wal_days}" "store/${WAL_BUCKET:?WAL_BUCKET is required}"
mc admin user add store "${APP_S3_ACCESS_KEY:?}" "${APP_S3_SECRET_KEY:?}"
mc admin policy attach store readwrite --user "${APP_S3_ACCESS_KEY}" 2>/dev/null || true
echo "minio-init: buckets ready: ${BUCKETS} (noncurrent versions kept ${noncurrent_days} d, WAL ${wal_days} d)"
