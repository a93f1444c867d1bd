import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../../db/database.ts';
import { type OpsStatusRow as Row, readOpsStatus } from './ops-status.ts';

const seconds = (date: Date | null | undefined): number => (date ? date.getTime() / 1000 : 0);

/**
 * The last results of `cli backup` and `cli restore --drill` (table `ops_status`), read on each
 * scrape; every instance exports the same values (use `max` in rules):
 *
 * - `nano_backup_last_success_timestamp_seconds`: end of the last successful backup (0: none yet)
 * - `nano_restore_drill_last_success`: 1 when the last drill found no difference, else 0 (also before the first)
 * - `nano_restore_drill_last_run_timestamp_seconds`: end of the last drill (0: none yet)
 */
export function registerOpsMetrics(registry: Registry, deps: { db: Kysely<Database> }): void {
  // One scrape reads `ops_status` once: prom-client collects the gauges concurrently, and they
  // share the query in flight (a later scrape reads afresh).
  let pending: Promise<Map<string, Row>> | undefined;
  const current = (): Promise<Map<string, Row>> => {
    pending ??= readOpsStatus(deps.db).finally(() => {
      pending = undefined;
    });
    return pending;
  };
  const gauge = (name: string, help: string, value: (rows: Map<string, Row>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        try {
          this.set(value(await current()));
        } catch {
          // The database being down is reported by readiness; the scrape itself must still work.
        }
      },
    });
  gauge(
    'nano_backup_last_success_timestamp_seconds',
    'Unix time of the last successful backup (0: none yet)',
    (rows) => seconds(rows.get('backup')?.last_success_at),
  );
  gauge(
    'nano_restore_drill_last_success',
    'Whether the last restore drill found no difference (1) or failed (0; also before the first drill, see the last-run time)',
    (rows) => (rows.get('restore_drill')?.ok ? 1 : 0),
  );
  gauge(
    'nano_restore_drill_last_run_timestamp_seconds',
    'Unix time of the last restore drill (0: none yet)',
    (rows) => seconds(rows.get('restore_drill')?.at),
  );
}
