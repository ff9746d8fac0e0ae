export { asPlatformDb, createDatabase, isDatabaseReady, openSqlite, SQLITE_FILE_NAME } from './database.js';
export type { AnyExecutor, Database, DatabaseOptions, Db } from './database.js';
export { isSchemaCurrent, migrateToLatest } from './migrate.js';
export { columnTypes, toDbTimestamp } from './dialect.js';
export type { DialectName } from './dialect.js';
export type { PlatformTables } from './tables.js';
