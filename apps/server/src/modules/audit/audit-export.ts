import { Readable } from 'node:stream';
import type { AuditEvent } from '@nano/contracts';
import { stringify } from 'csv-stringify/sync';

/** Columns of the audit CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'occurred_at',
  'actor_id',
  'actor_username',
  'action',
  'target_type',
  'target_id',
  'outcome',
  'ip_network',
  'user_agent',
  'details',
] as const;

/** A cell starting with one of these would be read as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV text of some rows: comma-separated, CRLF line ends, RFC 4180 quoting (a field with a comma,
 * quote or line break is quoted, quotes doubled), and formula injection neutralised: a text cell
 * starting with = + - @ (or a tab or carriage return) gets a leading apostrophe and stays text.
 */
export function auditCsvRows(rows: ReadonlyArray<ReadonlyArray<string | number>>, bom = false): string {
  return stringify(rows as Array<Array<string | number>>, {
    bom,
    delimiter: ',',
    record_delimiter: 'windows',
    cast: {
      string: (value) => (FORMULA_START.test(value) ? { value: `'${value}`, quoted: true } : value),
    },
  });
}

/** One audit event as a CSV row of {@link AUDIT_CSV_COLUMNS}. */
export function auditCsvRow(event: AuditEvent): Array<string | number> {
  return [
    event.seq,
    event.at,
    event.actor?.id ?? '',
    event.actor?.username ?? '',
    event.action,
    event.targetType ?? '',
    event.targetId ?? '',
    event.outcome,
    event.ip ?? '',
    event.userAgent ?? '',
    Object.keys(event.details).length === 0 ? '' : JSON.stringify(event.details),
  ];
}

/**
 * The export as a stream: UTF-8 with a byte order mark (so spreadsheets read the umlauts), the
 * header row, then one row per event as the batches arrive, so tens of thousands of events never
 * sit in memory at once.
 */
export function auditCsvStream(batches: AsyncIterable<AuditEvent[]>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield auditCsvRows([[...AUDIT_CSV_COLUMNS]], true);
    for await (const batch of batches) {
      if (batch.length > 0) {
        yield auditCsvRows(batch.map(auditCsvRow));
      }
    }
  }
  return Readable.from(lines());
}
