import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthFailureLimiter, RATE_LIMITS, RateLimitConfig, WriteRateGuard, throttlerOptions } from './rate-limits';

/** Writes per client and failed authentications per client, both in @nestjs/throttler's storage. */
@Module({})
export class RateLimitModule {
  static forRoot(limits: RateLimitConfig): DynamicModule {
    return {
      module: RateLimitModule,
      global: true,
      imports: [ThrottlerModule.forRoot(throttlerOptions(limits))],
      providers: [
        { provide: RATE_LIMITS, useValue: limits },
        AuthFailureLimiter,
        { provide: APP_GUARD, useClass: WriteRateGuard },
      ],
      exports: [AuthFailureLimiter],
    };
  }
}
