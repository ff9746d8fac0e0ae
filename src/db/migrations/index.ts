// The ordered list of migrations. Names are dated so their order is their history; each file is
// frozen once released. Listed statically (not read from disk) so the built server needs no globbing.
import type { Kysely } from 'kysely';
import * as m0001 from './2026-11-28-0001-platform.js';
import * as m0002 from './2026-11-28-0002-accounts-organizations.js';
import * as m0003 from './2026-11-28-0003-organization-search.js';
import * as m0004 from './2026-11-28-0004-catalog.js';
import * as m0005 from './2026-11-28-0005-catalog-import.js';
import * as m0006 from './2026-11-28-0006-catalog-version.js';
import * as m0007 from './2026-11-29-0007-search.js';
import * as m0008 from './2026-11-29-0008-events.js';
import * as m0009 from './2026-11-29-0009-import-queue.js';
import * as m0010 from './2026-11-29-0010-organization-publisher-type.js';
import * as m0011 from './2026-11-29-0011-harvest.js';
import * as m0012 from './2026-11-29-0012-search-vector.js';
import * as m0013 from './2026-11-29-0013-search-facets.js';

type Dialect = 'sqlite' | 'postgres';

export interface MigrationModule {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const migrations: Record<string, MigrationModule> = {
  '2026-11-28-0001-platform': m0001,
  '2026-11-28-0002-accounts-organizations': m0002,
  '2026-11-28-0003-organization-search': m0003,
  '2026-11-28-0004-catalog': m0004,
  '2026-11-28-0005-catalog-import': m0005,
  '2026-11-28-0006-catalog-version': m0006,
  '2026-11-29-0007-search': m0007,
  '2026-11-29-0008-events': m0008,
  '2026-11-29-0009-import-queue': m0009,
  '2026-11-29-0010-organization-publisher-type': m0010,
  '2026-11-29-0011-harvest': m0011,
  '2026-11-29-0012-search-vector': m0012,
  '2026-11-29-0013-search-facets': m0013,
};
