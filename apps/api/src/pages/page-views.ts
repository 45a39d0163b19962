import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nunjucks from 'nunjucks';

/** GOV.UK Frontend's templates, macros, styles and assets, as the package ships them. */
export const GOVUK_FRONTEND_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/**
 * The templates are read from the sources beside this file: tsc compiles only TypeScript, so the built
 * service (dist/apps/api/src/pages) reads them from the checkout it was built from.
 */
export const viewsDirectory = (): string => {
  const candidates = [join(__dirname, 'views'), join(__dirname, '..', '..', '..', '..', '..', 'apps', 'api', 'src', 'pages', 'views')];
  const found = candidates.find((candidate) => existsSync(join(candidate, 'layout.njk')));
  if (found === undefined) throw new Error(`the page templates are missing: looked in ${candidates.join(', ')}`);
  return found;
};

const money = (value: string | undefined): string => {
  if (value === undefined || value === '') return '';
  const [whole, pence = '00'] = value.replace('-', '').split('.');
  return `${value.startsWith('-') ? '−' : ''}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${pence.padEnd(2, '0')}`;
};

/** One Nunjucks environment: autoescaping on, so no ledger text (names, references) is ever read as markup. */
export const pageViews = (): nunjucks.Environment => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([viewsDirectory(), GOVUK_FRONTEND_DIST]), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('money', money);
  return env;
};
