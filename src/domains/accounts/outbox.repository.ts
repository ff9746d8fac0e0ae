// All SQL on the mail outbox (the platform's mail_message table), read for site admins.
import type { Kysely } from 'kysely';
import type { AccountsTables } from './accounts.table.js';

type Db = Kysely<AccountsTables>;

export const outboxRepository = {
  async list(db: Db, options: { limit: number; offset: number }) {
    const [items, count] = await Promise.all([
      db.selectFrom('mail_message').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
      db.selectFrom('mail_message').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },
  findById(db: Db, id: string) {
    return db.selectFrom('mail_message').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
