// Worker-thread helpers for tests that need real parallelism on SQLite (better-sqlite3 blocks its
// thread, so two connections in one thread never overlap).
import type { Worker as Thread } from 'node:worker_threads';

/** The thread's next message; rejects if the thread fails first. */
export function nextMessage(thread: Thread): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      thread.off('error', onError);
      resolve(message);
    };
    const onError = (error: Error) => {
      thread.off('message', onMessage);
      reject(error);
    };
    thread.once('message', onMessage);
    thread.once('error', onError);
  });
}
