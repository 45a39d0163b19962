import { isIP } from 'node:net';
import { ConfigurationProblem, Environment, readInteger, readVariable } from '@fundledger/event-store';
import { DEFAULT_RATE_LIMITS, RateLimitConfig } from '../edge/rate-limits';

/** Loopback unless an operator opens it: a service started on a laptop must not serve the whole network. */
export const DEFAULT_HOST = '127.0.0.1';

export interface EdgeConfig {
  /** The address to listen on (FUNDLEDGER_HOST). */
  readonly host: string;
  /** Origins a browser may call the API from (FUNDLEDGER_CORS_ORIGINS); none: CORS stays closed. */
  readonly corsOrigins: readonly string[];
  readonly rateLimits: RateLimitConfig;
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

const readHost = (env: Environment, problems: ConfigurationProblem[]): string | undefined => {
  const host = readVariable(env, 'FUNDLEDGER_HOST') ?? DEFAULT_HOST;
  if (host === 'localhost' || isIP(host) !== 0) return host;
  problems.push({ variable: 'FUNDLEDGER_HOST', problem: `must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::) or localhost, got '${host}'` });
  return undefined;
};

const readCorsOrigins = (env: Environment, problems: ConfigurationProblem[]): string[] | undefined => {
  const raw = readVariable(env, 'FUNDLEDGER_CORS_ORIGINS');
  if (raw === undefined) return [];
  const origins = raw.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
  const bad = origins.filter((origin) => !ORIGIN.test(origin));
  if (bad.length === 0) return origins;
  problems.push({
    variable: 'FUNDLEDGER_CORS_ORIGINS',
    problem: `must be a comma-separated list of origins like https://finance.example.gov.uk (scheme, host, optional port; no path, no *), got '${bad.join("', '")}'`,
  });
  return undefined;
};

export const readEdgeConfig = (env: Environment, problems: ConfigurationProblem[]): EdgeConfig | undefined => {
  const host = readHost(env, problems);
  const corsOrigins = readCorsOrigins(env, problems);
  const writesPerMinute = readInteger(
    env,
    'FUNDLEDGER_WRITE_LIMIT',
    { min: 1, max: 1_000_000, fallback: DEFAULT_RATE_LIMITS.writesPerMinute, what: 'a whole number of commands per minute' },
    problems,
  );
  const authFailuresPerMinute = readInteger(
    env,
    'FUNDLEDGER_AUTH_FAILURE_LIMIT',
    { min: 1, max: 1_000_000, fallback: DEFAULT_RATE_LIMITS.authFailuresPerMinute, what: 'a whole number of failures per minute' },
    problems,
  );
  if (host === undefined || corsOrigins === undefined || writesPerMinute === undefined || authFailuresPerMinute === undefined) {
    return undefined;
  }
  return { host, corsOrigins, rateLimits: { writesPerMinute, authFailuresPerMinute } };
};
