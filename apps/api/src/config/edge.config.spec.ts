import type { ConfigurationProblem } from '@fundledger/event-store';
import { readEdgeConfig } from './edge.config';

const read = (env: Record<string, string>) => {
  const problems: ConfigurationProblem[] = [];
  return { config: readEdgeConfig(env, problems), problems };
};

describe('edge configuration', () => {
  it('listens on loopback only, with CORS closed and the default limits, when nothing is set', () => {
    expect(read({}).config).toEqual({
      host: '127.0.0.1',
      corsOrigins: [],
      rateLimits: { writesPerMinute: 600, authFailuresPerMinute: 30 },
    });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'localhost'])('listens on FUNDLEDGER_HOST=%s', (host) => {
    expect(read({ FUNDLEDGER_HOST: host }).config?.host).toBe(host);
  });

  it('refuses a host that is not an address', () => {
    expect(read({ FUNDLEDGER_HOST: 'every-interface' }).problems).toEqual([
      { variable: 'FUNDLEDGER_HOST', problem: expect.stringContaining("got 'every-interface'") },
    ]);
  });

  it('reads the listed CORS origins', () => {
    expect(read({ FUNDLEDGER_CORS_ORIGINS: 'https://a.example.gov.uk, http://localhost:8080' }).config?.corsOrigins).toEqual([
      'https://a.example.gov.uk',
      'http://localhost:8080',
    ]);
  });

  it.each(['*', 'https://a.example/path', 'a.example'])('refuses the origin %j', (origin) => {
    expect(read({ FUNDLEDGER_CORS_ORIGINS: origin }).problems[0]?.variable).toBe('FUNDLEDGER_CORS_ORIGINS');
  });

  it('reads the rate limits and refuses zero', () => {
    expect(read({ FUNDLEDGER_WRITE_LIMIT: '10', FUNDLEDGER_AUTH_FAILURE_LIMIT: '5' }).config?.rateLimits).toEqual({
      writesPerMinute: 10,
      authFailuresPerMinute: 5,
    });
    expect(read({ FUNDLEDGER_WRITE_LIMIT: '0' }).problems[0]?.variable).toBe('FUNDLEDGER_WRITE_LIMIT');
  });
});
