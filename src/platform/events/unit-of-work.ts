import type { Kysely, Transaction } from 'kysely';
import { PendingEvents, type EventBus, type EventMap } from './event-bus.js';

/**
 * Runs `work` in one database transaction and publishes the events it emitted once — and only
 * if — the transaction committed.
 */
export async function inTransaction<DB, E extends EventMap, T>(
  db: Kysely<DB>,
  bus: EventBus<E>,
  work: (trx: Transaction<DB>, emit: PendingEvents<E>['emit']) => Promise<T>,
): Promise<T> {
  const pending = new PendingEvents<E>();
  const result = await db.transaction().execute((trx) => work(trx, pending.emit.bind(pending)));
  await pending.flushTo(bus);
  return result;
}
