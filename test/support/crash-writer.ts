// A child process for durability tests: writes rows into a probe table in a tight loop of short
// transactions until it is killed, and prints each transaction to stdout only after its commit has
// returned. Run with `node --import tsx test/support/crash-writer.ts`.
//
// Connection (environment):
//   CRASH_SQLITE_FILE                          an SQLite file, opened with the app's own pragmas, or
//   CRASH_DATABASE_URL [+ CRASH_PG_SCHEMA]     a PostgreSQL database (and schema).
//   CRASH_PAYLOAD_BYTES                        largest payload per row (default 512).
//
// Output: one line per committed transaction, `<txn> <size> <id>,<id>,…`. `txn` is the first id of
// the transaction; every row carries it with the transaction's size, so a reader can tell a
// partially written transaction (fewer rows with that txn than its size) from a whole one.
// Nothing else goes to stdout; problems go to stderr with exit code 1.
import pg from 'pg';
import { openSqlite } from '../../src/db/index.js';

const PROBE_TABLE = 'crash_probe';

const CREATE_PROBE = `create table if not exists ${PROBE_TABLE} (
  id integer primary key,
  txn integer not null,
  txn_size integer not null,
  payload text not null
)`;

/** Transaction sizes cycle through this pattern: mostly single rows, some multi-row transactions. */
const SIZES = [1, 1, 3, 1, 1, 7, 1, 2, 1, 1, 5, 1];

const payloadBytes = Number(process.env.CRASH_PAYLOAD_BYTES ?? 512);

/** Deterministic filler that varies in length, so pages fill and the WAL grows unevenly. */
function payload(id: number): string {
  const length = 16 + ((id * 7919) % Math.max(1, payloadBytes - 16));
  return `row-${id}-`.padEnd(length, String.fromCharCode(97 + (id % 26)));
}

function report(first: number, size: number): void {
  const ids: number[] = [];
  for (let i = 0; i < size; i++) ids.push(first + i);
  // A pipe write this small is atomic; on Linux stdout to a pipe is synchronous, so the line has
  // left this process before the next transaction starts.
  process.stdout.write(`${first} ${size} ${ids.join(',')}\n`);
}

async function writeSqlite(file: string): Promise<never> {
  const handle = openSqlite(file);
  handle.exec(CREATE_PROBE);
  const insert = handle.prepare(`insert into ${PROBE_TABLE} (id, txn, txn_size, payload) values (?, ?, ?, ?)`);
  const writeTxn = handle.transaction((first: number, size: number) => {
    for (let i = 0; i < size; i++) insert.run(first + i, first, size, payload(first + i));
  });
  let next = (handle.prepare(`select coalesce(max(id), 0) as m from ${PROBE_TABLE}`).get() as { m: number }).m + 1;
  for (let n = 0; ; n++) {
    const size = SIZES[n % SIZES.length]!;
    writeTxn(next, size); // returns only after COMMIT
    report(next, size);
    next += size;
    // Let the event loop breathe now and then (stdout, signals) without slowing the loop much.
    if (n % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function writePostgres(url: string, schema: string | undefined): Promise<never> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  await client.query(CREATE_PROBE);
  const { rows } = await client.query<{ m: string | null }>(`select max(id) as m from ${PROBE_TABLE}`);
  let next = Number(rows[0]?.m ?? 0) + 1;
  for (let n = 0; ; n++) {
    const size = SIZES[n % SIZES.length]!;
    await client.query('begin');
    // One statement per row, so a multi-row transaction really is several writes.
    for (let i = 0; i < size; i++) {
      await client.query(`insert into ${PROBE_TABLE} (id, txn, txn_size, payload) values ($1, $2, $3, $4)`, [next + i, next, size, payload(next + i)]);
    }
    await client.query('commit');
    report(next, size);
    next += size;
  }
}

async function run(): Promise<void> {
  const sqliteFile = process.env.CRASH_SQLITE_FILE;
  const databaseUrl = process.env.CRASH_DATABASE_URL;
  if (sqliteFile) await writeSqlite(sqliteFile);
  else if (databaseUrl) await writePostgres(databaseUrl, process.env.CRASH_PG_SCHEMA || undefined);
  else throw new Error('set CRASH_SQLITE_FILE or CRASH_DATABASE_URL');
}

run().catch((error: unknown) => {
  process.stderr.write(`crash-writer: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
