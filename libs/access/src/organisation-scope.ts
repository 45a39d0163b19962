import type { Role } from './role.permissions';

/** In an auditor's token, instead of organisation ids: the whole ledger, for an external auditor. */
export const EVERY_ORGANISATION = '*';

/** Who is acting, as recorded in event metadata and scoped by: the token's `sub`, `role` and `org`. */
export interface AuthenticatedActor {
  readonly id: string;
  readonly role: Role;
  /** Organisation ids as the ledger names funders and recipients; `['*']` for an auditor of everything. */
  readonly orgs: readonly string[];
}

/** The two organisations an award is between; they never change once the award is made. */
export interface AwardParties {
  readonly funderId: string;
  readonly recipientId: string;
}

/** Same shape as the ledger's ids: an organisation claim cannot smuggle in separators or wildcards. */
const ORGANISATION_ID = /^[A-Za-z0-9][\w.:-]{0,127}$/;

/**
 * The `org` claim read from a token: one id or a list of them. Returns a reason when it is not
 * acceptable: `*` only for an auditor and only alone, since every other role acts for named bodies.
 */
export const readOrganisationClaim = (claim: unknown, role: Role): { orgs: string[] } | { problem: string } => {
  const ids = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim : undefined;
  if (ids === undefined || ids.length === 0) return { problem: 'names no organisation (org claim)' };
  if (ids.includes(EVERY_ORGANISATION)) {
    if (role !== 'auditor') return { problem: `gives role ${role} every organisation; only an auditor's token may name "*"` };
    if (ids.length > 1) return { problem: 'names "*" beside other organisations' };
    return { orgs: [EVERY_ORGANISATION] };
  }
  const bad = ids.find((id) => typeof id !== 'string' || !ORGANISATION_ID.test(id));
  if (bad !== undefined) return { problem: `names an invalid organisation id ${JSON.stringify(bad)}` };
  return { orgs: [...new Set(ids as string[])] };
};

const actsFor = (actor: AuthenticatedActor, organisationId: string): boolean =>
  actor.orgs.includes(EVERY_ORGANISATION) || actor.orgs.includes(organisationId);

/**
 * Whether an actor may read (and, with the permission, act on) an award. The recipient's own officers
 * keep its books; a funder's officers follow what it awarded; an auditor audits the bodies named, from
 * either side of their awards.
 */
export const awardInScope = (actor: AuthenticatedActor, parties: AwardParties): boolean => {
  switch (actor.role) {
    case 'finance-officer':
    case 's151-officer':
    case 'returns-officer':
      return actor.orgs.includes(parties.recipientId);
    case 'funder-officer':
      return actor.orgs.includes(parties.funderId);
    case 'auditor':
      return actsFor(actor, parties.recipientId) || actsFor(actor, parties.funderId);
    default: {
      const unknown: never = actor.role;
      throw new Error(`unknown role ${String(unknown)}`);
    }
  }
};

/** A programme belongs to its funder: its staff (and its auditors) see it whole, every award in it. */
export const programmeInScope = (actor: AuthenticatedActor, funderId: string): boolean => actsFor(actor, funderId);

/**
 * Whether an actor may create something for an organisation: open a programme for its funder, make
 * an award to its recipient. Named bodies only: `*` reads everything and creates nothing.
 */
export const mayCreateFor = (actor: AuthenticatedActor, organisationId: string): boolean => actor.orgs.includes(organisationId);

/** An organisation's own match-funding statement is its own business, whoever's awards the pledges went to. */
export const contributorInScope = (actor: AuthenticatedActor, organisationId: string): boolean => actsFor(actor, organisationId);
