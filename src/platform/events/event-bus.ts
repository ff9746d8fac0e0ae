// A typed in-process event bus. Services collect events while they write and the bus dispatches
// them only after the transaction commits, so subscribers never see a write that was rolled back.
// Subscribers are registered in one visible list in app.ts.
import type { Logger } from 'pino';

export type EventMap = object;
export type EventHandler<P> = (payload: P) => void | Promise<void>;

export class EventBus<E extends EventMap> {
  private readonly handlers = new Map<keyof E, EventHandler<never>[]>();

  constructor(private readonly log?: Logger) {}

  subscribe<K extends keyof E>(name: K, handler: EventHandler<E[K]>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as EventHandler<never>);
    this.handlers.set(name, list);
  }

  /**
   * Runs every handler of `name` in registration order. A failing handler is logged and does not
   * stop the others nor the caller: the write that caused the event has already committed.
   */
  async publish<K extends keyof E>(name: K, payload: E[K]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        await (handler as EventHandler<E[K]>)(payload);
      } catch (error) {
        this.log?.error({ err: error, event: String(name) }, 'event handler failed');
      }
    }
  }

  subscriberCount(name: keyof E): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

/** Events gathered during one unit of work, published after it commits. */
export class PendingEvents<E extends EventMap> {
  private readonly queued: { name: keyof E; payload: unknown }[] = [];

  emit<K extends keyof E>(name: K, payload: E[K]): void {
    this.queued.push({ name, payload });
  }

  async flushTo(bus: EventBus<E>): Promise<void> {
    for (const { name, payload } of this.queued.splice(0)) await bus.publish(name, payload as E[typeof name]);
  }
}
