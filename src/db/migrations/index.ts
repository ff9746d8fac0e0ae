// The ordered list of migrations. Names are dated so their order is their history; each file is
// frozen once released. Listed statically (not read from disk) so the built server needs no globbing.
import type { Kysely } from 'kysely';
import * as m0001 from './2026-11-28-0001-platform.js';

type Dialect = 'sqlite' | 'postgres';

export interface MigrationModule {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const migrations: Record<string, MigrationModule> = {
  '2026-11-28-0001-platform': m0001,
};
