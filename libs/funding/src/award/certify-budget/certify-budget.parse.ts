import {
  boolean,
  date,
  id,
  optional,
  organisation,
  parseCommandBody,
  REFERENCE,
  required,
  type FieldParser,
} from '../../input/command-body.parser';
import type { CertifyBudget } from '../award.commands';
import { CERTIFICATE_ACKNOWLEDGEMENTS, type CertificateAcknowledgement, type CertificateBasis } from '../award.events';

const BASES: readonly CertificateBasis[] = ['a', 'b', 'c'];

/** Exactly one of the three bases of the certificate form, by its letter. */
const basis: FieldParser<CertificateBasis> = (value, field, errors) =>
  BASES.includes(value as CertificateBasis)
    ? (value as CertificateBasis)
    : errors.add(field, `must be exactly one of "a", "b" or "c", got ${JSON.stringify(value) ?? String(value)}`);

const isAcknowledgement = (value: unknown): value is CertificateAcknowledgement =>
  CERTIFICATE_ACKNOWLEDGEMENTS.includes(value as CertificateAcknowledgement);

/** Distinct acknowledgement codes; which of them apply is the decision's to judge. */
const acknowledgements: FieldParser<CertificateAcknowledgement[]> = (value, field, errors) => {
  if (!Array.isArray(value)) return errors.add(field, `must be an array of ${CERTIFICATE_ACKNOWLEDGEMENTS.join(', ')}`);
  const before = errors.list.length;
  value.forEach((item, index) => {
    if (!isAcknowledgement(item)) {
      errors.add(`${field}[${index}]`, `must be one of ${CERTIFICATE_ACKNOWLEDGEMENTS.join(', ')}, got ${JSON.stringify(item) ?? String(item)}`);
    } else if (value.indexOf(item) !== index) errors.add(`${field}[${index}]`, `${item} is listed twice`);
  });
  return errors.list.length === before ? (value as CertificateAcknowledgement[]) : undefined;
};

export const parseCertifyBudget = (raw: unknown): CertifyBudget => {
  const { acknowledged, ...body } = parseCommandBody('CertifyBudget', raw, {
    awardId: required(id),
    basis: required(basis),
    regulationsComplied: required(boolean),
    officer: required(organisation),
    certifiedOn: required(date),
    decisionRef: required(REFERENCE),
    acknowledged: optional(acknowledgements),
  });
  return { ...body, acknowledged: acknowledged ?? [] };
};
