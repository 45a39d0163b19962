import {
  type AuthenticatedActor,
  awardInScope,
  contributorInScope,
  mayCreateFor,
  programmeInScope,
  readOrganisationClaim,
} from './organisation-scope';
import type { Role } from './role.permissions';

const KENT_AWARD = { funderId: 'home-office', recipientId: 'opcc-kent' };
const actor = (role: Role, ...orgs: string[]): AuthenticatedActor => ({ id: `${role}-1`, role, orgs });

describe('organisation scope', () => {
  describe("an award between the Home Office and Kent's PCC", () => {
    it.each([
      ['finance-officer', 'opcc-kent', true],
      ['finance-officer', 'opcc-cleveland', false],
      // The funder's own finance officers record the programme, not the recipient's books.
      ['finance-officer', 'home-office', false],
      ['s151-officer', 'opcc-kent', true],
      ['s151-officer', 'opcc-cleveland', false],
      ['returns-officer', 'opcc-kent', true],
      ['returns-officer', 'home-office', false],
      ['funder-officer', 'home-office', true],
      ['funder-officer', 'opcc-kent', false],
      ['auditor', 'opcc-kent', true],
      ['auditor', 'home-office', true],
      ['auditor', 'opcc-cleveland', false],
      ['auditor', '*', true],
    ] as const)('%s of %s: %s', (role, org, visible) => {
      expect(awardInScope(actor(role, org), KENT_AWARD)).toBe(visible);
    });

    it('is visible to an officer of several bodies when one of them is the recipient', () => {
      expect(awardInScope(actor('finance-officer', 'opcc-cleveland', 'opcc-kent'), KENT_AWARD)).toBe(true);
    });
  });

  describe('programmes and statements', () => {
    it("shows a programme whole to its funder's staff and auditors, and to nobody else", () => {
      expect(programmeInScope(actor('funder-officer', 'home-office'), 'home-office')).toBe(true);
      expect(programmeInScope(actor('auditor', '*'), 'home-office')).toBe(true);
      expect(programmeInScope(actor('finance-officer', 'opcc-kent'), 'home-office')).toBe(false);
    });

    it("shows an organisation's own statement to it", () => {
      expect(contributorInScope(actor('finance-officer', 'kent-cc'), 'kent-cc')).toBe(true);
      expect(contributorInScope(actor('finance-officer', 'opcc-kent'), 'kent-cc')).toBe(false);
    });
  });

  describe('creating', () => {
    it('needs the named organisation itself, never "*"', () => {
      expect(mayCreateFor(actor('finance-officer', 'opcc-kent'), 'opcc-kent')).toBe(true);
      expect(mayCreateFor(actor('finance-officer', 'opcc-cleveland'), 'opcc-kent')).toBe(false);
      expect(mayCreateFor(actor('auditor', '*'), 'opcc-kent')).toBe(false);
    });
  });

  describe('the org claim', () => {
    it.each([
      ['opcc-kent', 'finance-officer', { orgs: ['opcc-kent'] }],
      [['opcc-kent', 'opcc-kent', 'kent-cc'], 'finance-officer', { orgs: ['opcc-kent', 'kent-cc'] }],
      [['*'], 'auditor', { orgs: ['*'] }],
      [[], 'auditor', { problem: 'names no organisation (org claim)' }],
      [undefined, 'auditor', { problem: 'names no organisation (org claim)' }],
      [['*', 'opcc-kent'], 'auditor', { problem: 'names "*" beside other organisations' }],
      [['*'], 'funder-officer', { problem: `gives role funder-officer every organisation; only an auditor's token may name "*"` }],
      [[42], 'auditor', { problem: 'names an invalid organisation id 42' }],
    ] as const)('reads %j for %s', (claim, role, expected) => {
      expect(readOrganisationClaim(claim, role)).toEqual(expected);
    });
  });
});
