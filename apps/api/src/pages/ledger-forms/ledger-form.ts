import type { FundingCommandType } from '@fundledger/funding';

/**
 * How a field is shown and read: free text, money (accepting "£1,250.00"), a business date, a month,
 * one of the award's grants or contributions, or several contributions.
 */
export type FieldKind = 'text' | 'prose' | 'money' | 'date' | 'month' | 'grant' | 'contribution' | 'contributions';

export interface FormField {
  /** The form control's name and id: what the error summary links to. */
  readonly name: string;
  /** Where the value goes in the command body, as the ledger names it in its field errors: `contributor.name`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly hint?: string;
  /** Left out of the body when blank, so the ledger applies its default. */
  readonly optional?: boolean;
  /** A control of the same row, shown narrower. */
  readonly width?: 'short' | 'medium';
}

/**
 * One ledger command as a form: its fields, the command it sends, the ids the API names in its path
 * (the grant or contribution the command is about), which refusal belongs to which field, and where the
 * award page shows the result. Every form is a finance officer's (the permission `record`).
 */
export interface LedgerForm {
  /** The form's URL: /app/awards/:awardId/record/:slug. */
  readonly slug: string;
  readonly title: string;
  readonly button: string;
  readonly command: FundingCommandType;
  /** The command id minted at render starts with this, so the log says which form sent it. */
  readonly idPrefix: string;
  readonly fields: readonly FormField[];
  /** Fields the API takes from its path (/grants/:grantId/…): sent as path ids the same way. */
  readonly pathIds: readonly string[];
  /** A ledger refusal about one field, by its code, so the error summary links to that field. */
  readonly fieldOfCode: Readonly<Record<string, string>>;
  /** Body fields that follow from the command id: a payment's id is its command's, so a resend is the same payment. */
  readonly idFields?: readonly string[];
  /** The award page's section that shows what the form recorded. */
  readonly shownAt: string;
}

/** "£1,250.00", "1250" or " 1,250.5 ": pounds as the ledger reads them; anything else is passed on as typed, for the ledger to name. */
export const poundsOf = (typed: string): string => {
  const bare = typed.trim().replace(/^£\s*/, '');
  return /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(bare) || /^\d+(\.\d*)?$/.test(bare) ? bare.replace(/,/g, '') : typed.trim();
};

const setAt = (body: Record<string, unknown>, path: string, value: unknown): void => {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    body[head] = value;
    return;
  }
  const inner = (body[head] ??= {}) as Record<string, unknown>;
  setAt(inner, rest.join('.'), value);
};

/** The checkbox of one contribution in a `contributions` field. */
export const choiceName = (field: FormField, id: string): string => `${field.name}-${id}`;

/**
 * The command body and path ids a posted form stands for. Required fields are always sent, blank or
 * not, so the ledger's own parser names what is missing; `choices` are the ids a `contributions`
 * field offered (the award's contributions).
 */
export const commandOf = (
  form: LedgerForm,
  posted: Readonly<Record<string, string>>,
  choices: readonly string[],
): { body: Record<string, unknown>; pathIds: Record<string, string> } => {
  const commandId = posted.commandId ?? '';
  const body: Record<string, unknown> = { commandId };
  const pathIds: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.kind === 'contributions') {
      setAt(body, field.path, choices.filter((id) => posted[choiceName(field, id)] === 'yes'));
      continue;
    }
    const typed = (posted[field.name] ?? '').trim();
    if (typed === '' && field.optional === true) continue;
    const value = field.kind === 'money' ? poundsOf(typed) : typed;
    if (form.pathIds.includes(field.path)) pathIds[field.path] = value;
    else setAt(body, field.path, value);
  }
  for (const name of form.idFields ?? []) body[name] = commandId;
  return { body, pathIds };
};

/** The form control a ledger field error is about: `window.end` is windowEnd, `fundedBy[2]` is fundedBy. */
export const fieldOfPath = (form: LedgerForm, path: string): string | undefined => {
  const bare = path.replace(/\[\d+\]$/, '');
  return form.fields.find((field) => field.path === bare)?.name;
};
