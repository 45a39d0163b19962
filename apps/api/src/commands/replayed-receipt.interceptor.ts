import type { CommandReceipt } from '@fundledger/funding/application';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { map, type Observable } from 'rxjs';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * A command recorded now answers 201; a retry of one already recorded answers 200 with the first
 * receipt and `Idempotent-Replayed: true`, so a client can tell that nothing new was written.
 */
@Injectable()
export class ReplayedReceiptInterceptor implements NestInterceptor<CommandReceipt, CommandReceipt> {
  intercept(context: ExecutionContext, next: CallHandler<CommandReceipt>): Observable<CommandReceipt> {
    const response = context.switchToHttp().getResponse<ServerResponse>();
    return next.handle().pipe(
      map((receipt) => {
        if (receipt.replayed) {
          response.statusCode = 200;
          response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
        }
        return receipt;
      }),
    );
  }
}
