// All SQL on users.
import { sql, type Kysely } from 'kysely';
import type { AccountsTables, UserTable } from './accounts.table.js';

export type UserRow = UserTable;
type Db = Kysely<AccountsTables>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const userRepository = {
  findById(db: Db, id: string) {
    return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findByEmail(db: Db, email: string) {
    return db.selectFrom('user').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  },
  async insert(db: Db, row: UserRow): Promise<void> {
    await db.insertInto('user').values(row).execute();
  },
  async update(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
    await db.updateTable('user').set(changes).where('id', '=', id).execute();
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('user').where('id', '=', id).execute();
  },
  async list(db: Db, options: { limit: number; offset: number; q?: string }) {
    let query = db.selectFrom('user');
    if (options.q) {
      const like = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Fix: SQLite's LIKE has no escape character unless told, so the backslashes above made a
      // search for "50%" or "a_b" look for literal backslashes there; PostgreSQL defaults to '\'.
      const matches = (column: 'email' | 'name') => sql<boolean>`lower(${sql.ref(column)}) like ${like} escape '\\'`;
      query = query.where((eb) => eb.or([matches('email'), matches('name')]));
    }
    const [items, total] = await Promise.all([
      query.selectAll().orderBy('created_at').orderBy('id').limit(options.limit).offset(options.offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  },
  async countSiteAdmins(db: Db): Promise<number> {
    const row = await db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).where('is_site_admin', '=', 1).executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
