import { addMonths } from '@fundledger/calendar';
import type { EventStore, RecordedEvent } from '@fundledger/event-store';
import { availableFunding, committedTotal, outstandingPledge, provisionMonths, type Award } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { fixtureRecorder, loadFixtureScript } from '@fundledger/testing';

/**
 * Histories for the read-model specs, as real stores hold them: the fixtures, and a large generated
 * ledger of many awards whose commands interleave (as they do when many officers record at once).
 * Commands are decided by the domain; one it refuses writes nothing, as in the service.
 */

/** A store clock that moves one second per append, from a fixed instant: the same appends get the same times. */
export const steppingClock = (from = '2024-04-01T09:00:00.000Z'): (() => Date) => {
  let tick = 0;
  return () => new Date(Date.parse(from) + 1000 * tick++);
};

/** Appends recorded events to a store command by command, as the handler would have. */
export async function appendRecorded(store: EventStore, events: readonly RecordedEvent[]): Promise<void> {
  let i = 0;
  while (i < events.length) {
    const first = events[i];
    let j = i + 1;
    while (j < events.length && events[j].stream === first.stream && events[j].metadata.commandId === first.metadata.commandId) j += 1;
    const group = events.slice(i, j).map(({ id, type, data, metadata }) => ({ id, type, data, metadata }));
    await store.append(first.stream, group, { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n });
    i = j;
  }
}

/** national-2021 then cleveland-2021, as the fixtures README orders them. */
export const clevelandHistory = (): RecordedEvent[] => {
  const recorder = fixtureRecorder();
  for (const name of ['national-2021', 'cleveland-2021']) {
    for (const command of loadFixtureScript(name).commands) recorder.record(command);
  }
  return [...recorder.events];
};

/** A small deterministic generator (mulberry32): the same seed always gives the same ledger. */
const random = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const money = (pennies: bigint): string => Money.fromPennies(pennies < 1n ? 1n : pennies).toString();
const part = (amount: Money, percent: number): bigint => (amount.toPennies() * BigInt(percent)) / 100n;
const org = (id: string) => ({ id, name: id });

/** A fixture command without its id. */
type CommandBody = { readonly type: string; readonly [field: string]: unknown };

export interface GeneratedLedger {
  readonly events: RecordedEvent[];
  readonly awards: number;
}

/**
 * `awards` awards under two programmes, each with about `commandsPerAward` commands, interleaved at
 * random across awards: pledges, receipts, withdrawals, commitments, payments, reversals, variations,
 * extensions, profiles and decisions.
 */
/** The generated ledger's awards are made, and all but its payments and receipts dated, on one day. */
const ON = '2021-07-01';

export function generatedLedger(options: { awards: number; commandsPerAward: number; seed?: number }): GeneratedLedger {
  const next = random(options.seed ?? 20210701);
  const int = (max: number) => Math.floor(next() * max);
  const recorder = fixtureRecorder({ rejections: 'skip' });
  for (const programmeId of ['gen-a', 'gen-b']) {
    recorder.record({
      commandId: `open-${programmeId}`, type: 'OpenProgramme', programmeId, name: programmeId,
      funder: org('home-office'), envelope: '5000000.00', financialYear: '2021-22', openedOn: ON,
    });
  }
  const left = new Map<string, number>();
  for (let a = 0; a < options.awards; a += 1) left.set(`gen-${String(a).padStart(4, '0')}`, options.commandsPerAward);
  let n = 0;
  while (left.size > 0) {
    const ids = [...left.keys()];
    const awardId = ids[int(ids.length)];
    const remaining = (left.get(awardId) ?? 1) - 1;
    if (remaining === 0) left.delete(awardId);
    else left.set(awardId, remaining);
    const state = recorder.awardState(awardId);
    const command: CommandBody =
      state.status === 'not-made'
        ? {
            type: 'MakeAward', awardId, programmeId: int(2) === 0 ? 'gen-a' : 'gen-b', funder: org('home-office'),
            recipient: org(`opcc-${awardId}`), amount: money(BigInt(1_000_000 + int(30_000_000))), awardedOn: ON,
            window: { start: '2021-08', end: addMonths('2021-08', 4 + int(8)) }, decisionRef: 'HO-GEN', description: 'generated',
          }
        : commandFor(state, awardId, n, int);
    recorder.record({ commandId: `gen-cmd-${n}`, ...command });
    n += 1;
  }
  return { events: [...recorder.events], awards: options.awards };
}

const commandFor = (award: Award, awardId: string, n: number, int: (max: number) => number): CommandBody => {
  const grants = [...award.grants.values()];
  const contributions = [...award.contributions.values()];
  const headroom = availableFunding(award).minus(committedTotal(award));
  switch (int(10)) {
    case 0:
    case 1:
      return { type: 'PledgeMatchFunding', awardId, contributionId: `c-${n}`, contributor: org(`council-${int(5)}`), amount: money(BigInt(100_000 + int(2_000_000))), pledgedOn: ON };
    case 2: {
      const c = contributions[int(contributions.length)];
      if (c === undefined) return commandFor(award, awardId, n, () => 0);
      return int(3) === 0
        ? { type: 'WithdrawMatchFunding', awardId, contributionId: c.contributionId, amount: money(part(outstandingPledge(c), 30)), withdrawnOn: ON, reason: 'generated' }
        : { type: 'ReceiveMatchFunding', awardId, contributionId: c.contributionId, amount: money(part(outstandingPledge(c), 60)), receivedOn: '2021-09-10' };
    }
    case 3:
    case 4:
      return { type: 'CommitGrant', awardId, grantId: `g-${n}`, grantee: org(`grantee-${int(7)}`), amount: money(part(headroom, 20 + int(60))), committedOn: ON, purpose: 'generated' };
    case 5:
    case 6: {
      const g = grants[int(grants.length)];
      if (g === undefined) return commandFor(award, awardId, n, () => 3);
      const reversible = [...award.disbursements.values()].filter((d) => !d.reversed);
      if (int(6) === 0 && reversible.length > 0) {
        const reversed = reversible[int(reversible.length)];
        return { type: 'ReverseDisbursement', awardId, disbursementId: reversed.disbursementId, reversedOn: reversed.paidOn, reason: 'generated' };
      }
      return int(5) === 0
        ? { type: 'VaryGrantCommitment', awardId, grantId: g.grantId, newAmount: money(g.paid.toPennies() + part(headroom, 50) + 1n), effectiveOn: ON, reason: 'generated' }
        : { type: 'PayDisbursement', awardId, grantId: g.grantId, disbursementId: `d-${n}`, amount: money(part(g.committed.minus(g.paid), 40)), paidOn: `${addMonths(award.window.start, int(10))}-15`, reference: `PAY-${n}` };
    }
    case 7:
      return { type: 'VaryAward', awardId, newAmount: money(part(award.amount, 95 + int(20))), effectiveOn: ON, reason: 'generated', reference: `VAR-${n}` };
    case 8:
      return contributions.length > 0 && int(2) === 0
        ? { type: 'ExtendProvision', awardId, newEnd: addMonths(award.extensions.at(-1)?.newEnd ?? award.window.end, 1 + int(4)), decidedOn: ON, reason: 'generated', fundedBy: [contributions[0].contributionId] }
        : { type: 'RecordDecision', awardId, decisionRef: `D-${n}`, decidedOn: '2021-07-31', declared: { awardAmount: award.amount.toString(), grantsTotal: money(committedTotal(award).toPennies() + BigInt(int(2) * 100)) } };
    default: {
      const months = provisionMonths(award);
      return { type: 'SetSpendProfile', awardId, setOn: ON, months: Object.fromEntries(months.map((month) => [month, money(BigInt(100_000 + int(3_000_000)))])) };
    }
  }
};
