import { REDACTED, redactRequestLog, redactUrl } from './request-log.redaction';

describe('request log redaction', () => {
  it('redacts an access token in the query string and keeps the service parameters', () => {
    expect(redactUrl('/awards/a1?asAt=2026-01-01&access_token=eyJhbGciOi&format=csv')).toBe(
      `/awards/a1?asAt=2026-01-01&access_token=${REDACTED}&format=csv`,
    );
  });

  it('leaves a URL without a query string alone', () => {
    expect(redactUrl('/awards/a1/events')).toBe('/awards/a1/events');
  });

  it('redacts Authorization, Proxy-Authorization, X-Api-Key and any header it does not know', () => {
    const logged = redactRequestLog({
      method: 'GET',
      url: '/awards/a1?access_token=secret',
      query: { access_token: 'secret', position: '4' },
      headers: {
        host: 'localhost:3000',
        authorization: 'Bearer secret',
        'proxy-authorization': 'Bearer secret',
        'x-api-key': 'secret',
        'x-something-new': 'secret',
        'x-request-id': 'r-1',
      },
    });
    expect(JSON.stringify(logged)).not.toContain('secret');
    expect(logged).toEqual({
      method: 'GET',
      url: `/awards/a1?access_token=${REDACTED}`,
      query: { access_token: REDACTED, position: '4' },
      headers: {
        host: 'localhost:3000',
        authorization: REDACTED,
        'proxy-authorization': REDACTED,
        'x-api-key': REDACTED,
        'x-something-new': REDACTED,
        'x-request-id': 'r-1',
      },
    });
  });
});
