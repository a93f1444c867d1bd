import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Cache } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { TaxonomyService } from '../taxonomy/taxonomy.service.ts';
import type { SearchIndex } from './search-index.ts';

/** What the search services use, passed in. */
export interface SearchDeps {
  db: Kysely<Database>;
  clock: Clock;
  cache: Cache;
  index: SearchIndex;
  taxonomy: TaxonomyService;
  audit: AuditService;
  mailer: Mailer;
  publicUrl: string;
  /** Signs unsubscribe links of alert e-mails. */
  secret: string;
}
