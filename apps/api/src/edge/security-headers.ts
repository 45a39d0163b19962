import helmet from 'helmet';

/**
 * helmet's headers (nosniff, frame-ancestors/X-Frame-Options, HSTS, Referrer-Policy, …) with a CSP
 * the Swagger UI at /docs works under: its script is a file of the same origin, its styles are
 * partly inline, its icons data: URIs. No upgrade-insecure-requests: `npm start` serves plain HTTP
 * on loopback, and the upgrade would break /docs there.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
