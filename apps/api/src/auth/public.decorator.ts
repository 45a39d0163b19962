import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'fundledger:public';

/**
 * Answers without a token. DESIGN §6 allows it for /health and /docs only (/docs is served outside
 * the controllers and needs no mark), and for the pages under /app, which check their own signed session
 * cookie and the same permissions and scope (apps/api/src/pages): every other route must name a permission.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
