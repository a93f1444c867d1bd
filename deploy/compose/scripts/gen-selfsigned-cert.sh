#!/usr/bin/env bash
# Writes a self-signed TLS certificate for local use of the compose stack:
#   deploy/compose/scripts/gen-selfsigned-cert.sh [host name] [output dir]
# Defaults: localhost, deploy/compose/nginx/certs (tls.crt, tls.key; mounted by nginx).
# Production uses a real certificate (e.g. from Let's Encrypt) under the same two names.
set -euo pipefail

host="${1:-localhost}"
out="${2:-$(cd "$(dirname "$0")/.." && pwd)/nginx/certs}"
days="${CERT_DAYS:-365}"

mkdir -p "$out"
# RSA 2048 + SAN: accepted by browsers and every TLS client; the key is readable by its owner only.
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
  -subj "/CN=${host}" \
  -addext "subjectAltName=DNS:${host},DNS:localhost,IP:127.0.0.1" \
  -addext "keyUsage=digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth" \
  -keyout "$out/tls.key" -out "$out/tls.crt" 2>/dev/null
chmod 600 "$out/tls.key"
chmod 644 "$out/tls.crt"
echo "Wrote $out/tls.crt and $out/tls.key for ${host}, valid ${days} days."
