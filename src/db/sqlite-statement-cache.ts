// Kysely's SQLite driver prepares every query anew; preparing costs more than running a small
// indexed query. This wrapper hands Kysely cached prepared statements by SQL text (an LRU, so
// ad-hoc SQL cannot grow it without bound). A statement still iterating (a streamed query) is
// busy and cannot be shared, so a busy one is replaced by a fresh statement. SQLite re-prepares a
// cached statement by itself after a schema change.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';

export function withStatementCache(handle: SQLite.Database, size = 500): SqliteDatabase {
  const statements = new LRUCache<string, SQLite.Statement>({ max: size });
  return {
    close: () => {
      statements.clear();
      handle.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement || statement.busy) {
        statement = handle.prepare(sql);
        statements.set(sql, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}
