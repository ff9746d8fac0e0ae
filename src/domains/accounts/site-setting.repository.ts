// All SQL on site settings (key → JSON value), e.g. whether sign-up is open or by invitation.
import type { Kysely } from 'kysely';
import type { AccountsTables } from './accounts.table.js';

type Db = Kysely<AccountsTables>;

export const siteSettingRepository = {
  async get(db: Db, key: string): Promise<unknown> {
    const row = await db.selectFrom('site_setting').select('value').where('key', '=', key).executeTakeFirst();
    return row ? JSON.parse(row.value) : undefined;
  },
  async set(db: Db, key: string, value: unknown, nowIso: string): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('site_setting')
      .values({ key, value: json, updated_at: nowIso })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: nowIso }))
      .execute();
  },
};
