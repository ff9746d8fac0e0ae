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

/** JSON log lines on stderr, so stdout stays free for command results. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { pid: process.pid } }, destination);
}
