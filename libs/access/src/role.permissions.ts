/**
 * Who may do what (DESIGN §6). Separation of duties is the point: the officer who records money is
 * not the one who certifies it, submits it to the funder or audits it, so no role holds two of those.
 */
export const ROLES = ['finance-officer', 's151-officer', 'returns-officer', 'auditor', 'funder-officer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * - record: ledger commands (POST/PUT under /awards and /programmes)
 * - certify: section 151 certificates
 * - submit-returns: Home Office grant returns
 * - read: every query and report
 * - verify: checking the log's integrity (the hash chain) on demand
 */
export const PERMISSIONS = ['record', 'certify', 'submit-returns', 'read', 'verify'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'finance-officer': ['record', 'read'],
  's151-officer': ['certify', 'read'],
  'returns-officer': ['submit-returns', 'read'],
  auditor: ['read', 'verify'],
  // A funder's staff follow the awards their organisation made; they never write to a recipient's books.
  'funder-officer': ['read'],
};

export const isRole = (value: unknown): value is Role => ROLES.some((role) => role === value);

export const isPermission = (value: unknown): value is Permission =>
  PERMISSIONS.some((permission) => permission === value);

export const mayPerform = (role: Role, permission: Permission): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);

/** The roles holding a permission, for error messages that tell a caller whom to ask. */
export const rolesPermittedTo = (permission: Permission): Role[] =>
  ROLES.filter((role) => mayPerform(role, permission));
