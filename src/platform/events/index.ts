export { EventBus, PendingEvents } from './event-bus.js';
export type { EventHandler, EventMap } from './event-bus.js';
export { inTransaction } from './unit-of-work.js';
