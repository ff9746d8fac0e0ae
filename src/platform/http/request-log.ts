// One log line per answered request: method, URL, status and time. Fastify's own request logging
// writes two lines (incoming, completed) through the redacting logger, which costs more than
// answering a cached dataset; this line holds only the fields below, so it needs no redaction
// paths — query parameters that may carry a secret are masked here instead.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/** Query parameters whose values never reach the log (reset and confirmation links carry tokens). */
const SECRET_PARAMETER = /token|secret|password|passwd|key|code|signature|session/i;

/** The URL as logged: the path as requested, secret-looking query values replaced. */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const parts = url.slice(queryStart + 1).split('&').map((pair) => {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape: judge the raw name
    }
    return equals >= 0 && SECRET_PARAMETER.test(decoded) ? `${name}=[redacted]` : pair;
  });
  return `${url.slice(0, queryStart)}?${parts.join('&')}`;
}

export function installRequestLog(app: FastifyInstance, log: Logger): void {
  // A child without the root's redaction paths: its lines carry no headers, bodies or parameters.
  const requestLog = log.child({}, { redact: { paths: [] } });
  app.addHook('onResponse', (request, reply, done) => {
    if (requestLog.isLevelEnabled('info')) {
      requestLog.info({ reqId: request.id, method: request.method, url: loggableUrl(request.url), statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime * 100) / 100 }, 'request completed');
    }
    done();
  });
}
