import {
  boolean,
  date,
  id,
  organisation,
  parseCommandBody,
  REFERENCE,
  required,
  type FieldParser,
} from '../../input/command-body.parser';
import type { CertifyBudget } from '../award.commands';
import type { CertificateBasis } from '../award.events';

const BASES: readonly CertificateBasis[] = ['a', 'b', 'c'];

/** Exactly one of the three bases of the certificate form, by its letter. */
const basis: FieldParser<CertificateBasis> = (value, field, errors) =>
  BASES.includes(value as CertificateBasis)
    ? (value as CertificateBasis)
    : errors.add(field, `must be exactly one of "a", "b" or "c", got ${JSON.stringify(value) ?? String(value)}`);

export const parseCertifyBudget = (raw: unknown): CertifyBudget =>
  parseCommandBody('CertifyBudget', raw, {
    awardId: required(id),
    basis: required(basis),
    regulationsComplied: required(boolean),
    officer: required(organisation),
    certifiedOn: required(date),
    decisionRef: required(REFERENCE),
  });
