import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, isPermission, isRole, mayPerform, rolesPermittedTo } from './role.permissions';

describe('role permissions', () => {
  describe('the table of DESIGN §6', () => {
    it.each([
      ['finance-officer', ['record', 'read']],
      ['s151-officer', ['certify', 'read']],
      ['returns-officer', ['submit-returns', 'read']],
      ['auditor', ['read', 'verify']],
      ['funder-officer', ['read']],
    ] as const)('gives %s exactly %j', (role, granted) => {
      for (const permission of PERMISSIONS) {
        expect(mayPerform(role, permission)).toBe((granted as readonly string[]).includes(permission));
      }
    });
  });

  describe('separation of duties', () => {
    it('lets every role read', () => {
      expect(rolesPermittedTo('read')).toEqual([...ROLES]);
    });

    it.each(['record', 'certify', 'submit-returns', 'verify'] as const)('gives %s to exactly one role', (permission) => {
      expect(rolesPermittedTo(permission)).toHaveLength(1);
    });

    it('never lets the auditor change the ledger', () => {
      expect(ROLE_PERMISSIONS.auditor).not.toContain('record');
      expect(ROLE_PERMISSIONS.auditor).not.toContain('certify');
      expect(ROLE_PERMISSIONS.auditor).not.toContain('submit-returns');
    });
  });

  describe('when a value arrives from outside (a token claim, a CLI flag)', () => {
    it('recognises the five roles and nothing else', () => {
      for (const role of ROLES) expect(isRole(role)).toBe(true);
      for (const other of ['admin', 'Auditor', ' auditor', '', undefined, 3, {}]) expect(isRole(other)).toBe(false);
    });

    it('recognises the five permissions and nothing else', () => {
      for (const permission of PERMISSIONS) expect(isPermission(permission)).toBe(true);
      for (const other of ['write', 'READ', '', null]) expect(isPermission(other)).toBe(false);
    });
  });
});
