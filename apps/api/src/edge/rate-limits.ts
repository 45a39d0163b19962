import type { ServerResponse } from 'node:http';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
  ThrottlerStorageService,
} from '@nestjs/throttler';
import { RequestRefused } from '../errors/request-refused.error';

export interface RateLimitConfig {
  /** Commands one client may send per minute (FUNDLEDGER_WRITE_LIMIT). */
  readonly writesPerMinute: number;
  /** Requests with a missing, forged or expired token one client may send per minute (FUNDLEDGER_AUTH_FAILURE_LIMIT). */
  readonly authFailuresPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { writesPerMinute: 600, authFailuresPerMinute: 30 };

const MINUTE_MS = 60_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUTH_FAILURES = 'auth-failures';

/** Per client: the address the connection comes from (behind a proxy, set Express's `trust proxy`). */
const clientOf = (request: { ip?: string; socket?: { remoteAddress?: string } }): string =>
  request.ip ?? request.socket?.remoteAddress ?? 'unknown';

/** 429 in the one error shape, with Retry-After both as the header and in `details`. */
const tooManyRequests = (response: ServerResponse, retryAfterSeconds: number, what: string): RequestRefused => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  response.setHeader('Retry-After', String(seconds));
  return new RequestRefused(429, 'TOO_MANY_REQUESTS', `too many ${what} from this client; retry after ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
};

/** One budget per client across every write route (the default per-route key would multiply it). */
export const throttlerOptions = (limits: RateLimitConfig): ThrottlerModuleOptions => ({
  throttlers: [{ name: 'default', ttl: MINUTE_MS, limit: limits.writesPerMinute, blockDuration: MINUTE_MS }],
  generateKey: (_context, tracker, name) => `${name}:${tracker}`,
});

/** @nestjs/throttler on writes only: reads are what an auditor's tools do in bulk, and change nothing. */
@Injectable()
export class WriteRateGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return READS.has(context.switchToHttp().getRequest<{ method: string }>().method);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests(context.switchToHttp().getResponse<ServerResponse>(), detail.timeToBlockExpire, 'commands');
  }
}

export const RATE_LIMITS = Symbol('RateLimitConfig');

/**
 * Failed authentications per client, in the throttler's storage: past the limit the client is refused
 * with 429 for a minute whatever token it sends, so guessing tokens or secrets costs a minute a batch.
 */
@Injectable()
export class AuthFailureLimiter {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorageService,
    @Inject(RATE_LIMITS) private readonly limits: RateLimitConfig,
  ) {}

  refuseIfBlocked(request: { ip?: string }, response: ServerResponse): void {
    const record = this.storage.storage.get(this.keyOf(request));
    const remainingMs = record?.isBlocked === true ? record.blockExpiresAt - Date.now() : 0;
    if (remainingMs > 0) throw tooManyRequests(response, remainingMs / 1000, 'failed authentications');
  }

  async recordFailure(request: { ip?: string }, response: ServerResponse): Promise<void> {
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      this.keyOf(request),
      MINUTE_MS,
      this.limits.authFailuresPerMinute,
      MINUTE_MS,
      AUTH_FAILURES,
    );
    if (isBlocked) throw tooManyRequests(response, timeToBlockExpire, 'failed authentications');
  }

  private keyOf(request: { ip?: string }): string {
    return `${AUTH_FAILURES}:${clientOf(request)}`;
  }
}
