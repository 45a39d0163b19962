import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import { GOVUK_FRONTEND_DIST, viewsDirectory } from './page-views';

/** The pages' own prefix: forms, not JSON, are posted under it. */
export const PAGES_PREFIX = '/app';

export const isPagePath = (url: string | undefined): boolean => url === PAGES_PREFIX || (url?.startsWith(`${PAGES_PREFIX}/`) ?? false) || (url?.startsWith(`${PAGES_PREFIX}?`) ?? false);

/**
 * GOV.UK Frontend's CSP needs: its stylesheet, fonts and images from this origin, its module script
 * from this origin, and the one inline script of its page template (the js-enabled class), allowed by
 * a nonce made for each response. No inline styles, no other origin, no framing.
 */
const pagesCsp = (providerOrigins: readonly string[]) => helmet.contentSecurityPolicy({
  useDefaults: true,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", (_request, response) => `'nonce-${String((response as unknown as Response).locals.cspNonce)}'`],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    // The sign-out form's answer redirects to the provider's sign-out page, and browsers hold a form's redirects to form-action too.
    formAction: ["'self'", ...providerOrigins],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  },
});

const nonce = (_request: Request, response: Response, next: NextFunction): void => {
  response.locals.cspNonce = randomBytes(16).toString('base64');
  next();
};

/**
 * Mounted at /app before the API's JSON-only edge: the pages' CSP (replacing the API's, which the
 * Swagger UI needs; `providerOrigins`: the OpenID Connect provider's, when people sign in through it), GOV.UK Frontend's built assets, and a small URL-encoded form parser.
 */
export const pagesEdge = (providerOrigins: readonly string[] = []): Router => {
  const router = express.Router();
  router.use(nonce, pagesCsp(providerOrigins));
  router.use('/assets', express.static(join(GOVUK_FRONTEND_DIST, 'govuk', 'assets'), { fallthrough: false, index: false }));
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
    router.get(`/${file}`, (_request, response) => response.sendFile(join(GOVUK_FRONTEND_DIST, 'govuk', file)));
  }
  router.get('/app.css', (_request, response) => response.sendFile(join(viewsDirectory(), 'app.css')));
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));
  return router;
};
