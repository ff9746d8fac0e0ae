// Failed log-in counters in the database, so every process sees the same counts.
import type { Kysely } from 'kysely';
import type { AccountsTables } from './accounts.table.js';

type Db = Kysely<AccountsTables>;

export const throttleRepository = {
  find(db: Db, key: string) {
    return db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  },
  /** Adds one failure; starts a new window when the old one is over. */
  async recordFailure(db: Db, key: string, nowIso: string, windowStartedAfterIso: string): Promise<void> {
    await db
      .insertInto('auth_throttle')
      .values({ key, failures: 1, window_started_at: nowIso })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb.case().when('auth_throttle.window_started_at', '<', windowStartedAfterIso).then(1).else(eb('auth_throttle.failures', '+', 1)).end(),
          window_started_at: eb.case().when('auth_throttle.window_started_at', '<', windowStartedAfterIso).then(nowIso).else(eb.ref('auth_throttle.window_started_at')).end(),
        })),
      )
      .execute();
  },
  async clear(db: Db, key: string): Promise<void> {
    await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
  },
  /** Removes counters whose window ended before `windowStartedBeforeIso`. */
  async deleteStale(db: Db, windowStartedBeforeIso: string): Promise<number> {
    const result = await db.deleteFrom('auth_throttle').where('window_started_at', '<', windowStartedBeforeIso).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
