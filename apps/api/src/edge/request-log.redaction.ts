export const REDACTED = '[redacted]';

/** Headers worth a log line; any other header's value (Authorization, Proxy-Authorization, X-Api-Key, cookies…) is redacted. */
const LOGGED_HEADERS: ReadonlySet<string> = new Set([
  'host',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'content-length',
  'connection',
  'origin',
  'x-request-id',
  'x-correlation-id',
  'idempotency-key',
]);

/** The service's own query parameters; any other (`access_token`, a misplaced key) is redacted. */
const LOGGED_QUERY_PARAMETERS: ReadonlySet<string> = new Set(['asAt', 'position', 'minPosition', 'format', 'version', 'draft']);

/** The URL with every query value that is not one of the service's own parameters replaced. */
export const redactUrl = (url: string): string => {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const [name = ''] = pair.split('=', 1);
      return LOGGED_QUERY_PARAMETERS.has(name) ? pair : `${name}=${REDACTED}`;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
};

const redactRecord = (record: unknown, kept: ReadonlySet<string>, lowerCase: boolean): unknown => {
  if (typeof record !== 'object' || record === null) return record;
  return Object.fromEntries(
    Object.entries(record).map(([name, value]) => [name, kept.has(lowerCase ? name.toLowerCase() : name) ? value : REDACTED]),
  );
};

interface SerializedRequest {
  readonly url?: string;
  readonly headers?: unknown;
  readonly query?: unknown;
  readonly [field: string]: unknown;
}

/**
 * pino-http's request serializer: a token can arrive in any header or in the query string
 * (`?access_token=`), and a log line is read by more people than the books are, so only what is known
 * to be harmless is logged as sent.
 */
export const redactRequestLog = (request: SerializedRequest): SerializedRequest => ({
  ...request,
  ...(request.url === undefined ? {} : { url: redactUrl(request.url) }),
  ...(request.headers === undefined ? {} : { headers: redactRecord(request.headers, LOGGED_HEADERS, true) }),
  ...(request.query === undefined ? {} : { query: redactRecord(request.query, LOGGED_QUERY_PARAMETERS, false) }),
});
