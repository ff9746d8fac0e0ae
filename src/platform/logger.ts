import pino, { type Logger } from 'pino';

/** Paths whose values never reach the log. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.secretKey',
  '*.databaseUrl',
  '*.smtpUrl',
  '*.metricsToken',
];

/**
 * Where log lines go: stderr, written synchronously (CLI commands, whose last lines must be out
 * before they exit) or, for a server, asynchronously — lines logged while a write is in flight are
 * written together, so a busy server makes one write per batch instead of one per line; pino
 * flushes what is left when the process exits.
 */
export function stderrDestination(options: { async?: boolean } = {}): pino.DestinationStream {
  return options.async ? pino.destination({ dest: 2, sync: false }) : pino.destination(2);
}

/** JSON log lines on stderr, so stdout stays free for command results. */
export function createLogger(level: string, destination: pino.DestinationStream = stderrDestination()): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { pid: process.pid } }, destination);
}
