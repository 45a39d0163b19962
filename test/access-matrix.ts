import { type Permission, ROLES, type Role, mayPerform } from '@fundledger/access';

/**
 * Who may call what, and for which organisation: the table the roles spec asserts against every
 * operation of the OpenAPI document, and the matrix the README prints (`renderAccessMatrix`).
 *
 * Every route names its permission and what it is scoped by:
 *   award      an award in the path: its recipient's officers, its funder's funder-officers, auditors of either
 *   recipient  a command creating an award: the recipient named in the body must be the caller's
 *   funder     a command opening a programme: the funder named in the body must be the caller's
 *   programme  programme totals: whole for the funder's staff and auditors, the caller's own awards otherwise
 *   contributor a contributor statement: whole for the contributor, the lines on awards in scope otherwise
 *   awards     a report across every award (year end): only the awards in the caller's scope
 *   log        the whole log's signed checkpoint and its verification: sizes and hashes, no figures
 */
export type Scope = 'award' | 'recipient' | 'funder' | 'programme' | 'contributor' | 'awards' | 'log';

export interface RouteAccess {
  readonly permission: Permission | 'public';
  readonly scope?: Scope;
}

export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /health': { permission: 'public' },
  // Ledger commands and the award's event log (apps/api/src/programmes, apps/api/src/awards)
  'POST /programmes': { permission: 'record', scope: 'funder' },
  'POST /awards': { permission: 'record', scope: 'recipient' },
  'POST /awards/{awardId}/variations': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/match-funding': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/match-funding/{contributionId}/receipts': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/match-funding/{contributionId}/withdrawals': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/grants': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/grants/{grantId}/variations': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/grants/{grantId}/disbursements': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/disbursements/{disbursementId}/reversals': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/provision-extensions': { permission: 'record', scope: 'award' },
  'PUT /awards/{awardId}/spend-profile': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/decisions': { permission: 'record', scope: 'award' },
  'POST /awards/{awardId}/closure': { permission: 'record', scope: 'award' },
  'GET /awards/{awardId}/events': { permission: 'read', scope: 'award' },
  // Section 151 certificates and Home Office returns (apps/api/src/certificates, apps/api/src/returns)
  'POST /awards/{awardId}/certificates': { permission: 'certify', scope: 'award' },
  'GET /awards/{awardId}/certificates/{index}': { permission: 'read', scope: 'award' },
  'GET /awards/{awardId}/certificates/{index}/pdf': { permission: 'read', scope: 'award' },
  'POST /awards/{awardId}/returns': { permission: 'submit-returns', scope: 'award' },
  'GET /awards/{awardId}/returns/{financialYear}/{quarter}': { permission: 'read', scope: 'award' },
  // Reports (apps/api/src/queries)
  'GET /awards/{awardId}': { permission: 'read', scope: 'award' },
  'GET /awards/{awardId}/funded-months': { permission: 'read', scope: 'award' },
  'GET /awards/{awardId}/decision-checks': { permission: 'read', scope: 'award' },
  'GET /awards/{awardId}/figures/{figure}/lineage': { permission: 'read', scope: 'award' },
  'GET /programmes/{programmeId}': { permission: 'read', scope: 'programme' },
  'GET /contributors/{organisationId}/statement': { permission: 'read', scope: 'contributor' },
  'GET /year-end/{financialYear}': { permission: 'read', scope: 'awards' },
  // The audit anchors (apps/api/src/audit)
  'GET /audit/checkpoint': { permission: 'verify', scope: 'log' },
  'POST /audit/verify': { permission: 'verify', scope: 'log' },
};

/**
 * The world the matrix is asked about: the Home Office's programme with two awards, one to the
 * recipient the caller is or is not (OWN), one to another recipient (OTHER); a council pledges to
 * OWN's award only.
 */
export const WORLD = {
  funder: 'home-office',
  otherFunder: 'arts-council',
  programme: 'matrix-programme',
  ownRecipient: 'opcc-own',
  otherRecipient: 'opcc-other',
  ownAward: 'matrix-own',
  otherAward: 'matrix-other',
  council: 'council-own',
} as const;

export type Side = 'own' | 'other';

/**
 * The organisations a token names for a role and a route: `own` is the body the route's resource
 * belongs to from that role's side (the recipient, or the funder for a funder-officer and for
 * programme routes, or the contributor), `other` is an unrelated body of the same kind, holding an
 * award of its own in the same programme.
 */
export const orgsFor = (access: RouteAccess, role: Role, side: Side): string[] => {
  const funderSide = role === 'funder-officer' || access.scope === 'funder' || access.scope === 'programme';
  if (side === 'other') return [funderSide && role === 'funder-officer' ? WORLD.otherFunder : WORLD.otherRecipient];
  if (access.scope === 'contributor') return [WORLD.council];
  return [funderSide ? WORLD.funder : WORLD.ownRecipient];
};

/** What the service answers: a status and, for refusals, the code. */
export interface Answer {
  readonly status: number;
  readonly code?: string;
  /** For a report that filters: the award of OWN must not appear in the body. */
  readonly withoutOwnAward?: boolean;
}

const notFound = (scope: Scope | undefined): Answer => ({
  status: 404,
  code: scope === 'programme' ? 'PROGRAMME_NOT_FOUND' : scope === 'contributor' ? 'CONTRIBUTOR_NOT_FOUND' : 'AWARD_NOT_FOUND',
});

/**
 * The expected answer. Commands are sent with a body holding only the organisation a creating
 * command names, so passing every check ends in `400 INVALID_REQUEST` (and writes nothing); reads of
 * the world answer 200.
 */
export const expectedAnswer = (operation: string, role: Role, side: Side): Answer => {
  const access = ROUTE_ACCESS[operation];
  if (access.permission === 'public') return { status: 200 };
  if (!mayPerform(role, access.permission)) return { status: 403, code: 'FORBIDDEN' };
  const write = !operation.startsWith('GET ');
  // The same for every organisation: the matrix's empty body is no checkpoint.
  if (access.scope === 'log') return write ? { status: 400, code: 'INVALID_REQUEST' } : { status: 200 };
  if (side === 'own') return write ? { status: 400, code: 'INVALID_REQUEST' } : { status: 200 };
  switch (access.scope) {
    case 'recipient':
    case 'funder':
      return { status: 403, code: 'ORGANISATION_NOT_IN_SCOPE' };
    case 'awards':
      // Never a 404: a caller with nothing in scope gets the year's figures for no award.
      return { status: 200, withoutOwnAward: true };
    case 'programme':
      // Another recipient (or its auditor) sees the programme with its own award only; another funder nothing.
      return role === 'funder-officer' ? notFound('programme') : { status: 200, withoutOwnAward: true };
    default:
      return notFound(access.scope);
  }
};

/** `yes`: past every check (a read answers 200; the matrix's empty command body then gets its 400 from validation). */
const cell = (answer: Answer): string => {
  if (answer.withoutOwnAward === true) return 'own awards only';
  if (answer.status === 200 || answer.status === 400) return 'yes';
  return String(answer.status);
};

/** The README's matrix: one row per operation, own / other organisation per role. */
export const renderAccessMatrix = (): string => {
  const header = `| Operation | ${ROLES.map((role) => `${role} own / other`).join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = Object.keys(ROUTE_ACCESS)
    .filter((operation) => ROUTE_ACCESS[operation].permission !== 'public')
    .map((operation) => {
      const cells = ROLES.map((role) => `${cell(expectedAnswer(operation, role, 'own'))} / ${cell(expectedAnswer(operation, role, 'other'))}`);
      return `| \`${operation}\` | ${cells.join(' | ')} |`;
    });
  return [header, rule, ...rows].join('\n');
};
