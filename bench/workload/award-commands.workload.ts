import type { JsonObject } from '@fundledger/event-store';

/**
 * A deterministic year of ledger work for benchmark awards, as command scripts (the fixtures' format).
 * Every award is made under one programme, then follows a five-step cycle that a funder repeats for
 * each match contribution: pledge, receive, commit a grant out, pay it in two halves. The amounts keep
 * every command allowed (after k cycles 4,000·k is committed against 120,000 + 5,000·k available,
 * and each grant is paid exactly what it committed), so no refusal shortens a measured run.
 */

export interface ScriptCommand {
  readonly commandId: string;
  readonly type: string;
  /** The command's body: what an HTTP client would POST, without commandId and type. */
  readonly body: JsonObject;
}

export const BENCH_PROGRAMME_ID = 'bench-programme';

export const openProgrammeCommand = (): ScriptCommand => ({
  commandId: 'bench-open-programme',
  type: 'OpenProgramme',
  body: {
    programmeId: BENCH_PROGRAMME_ID,
    name: 'Benchmark Programme',
    funder: { id: 'home-office', name: 'Home Office' },
    envelope: '100000000.00',
    financialYear: '2024-25',
    openedOn: '2024-04-01',
  },
});

export const benchAwardId = (awardNo: number): string => `bench-${String(awardNo).padStart(4, '0')}`;

/** The `round`-th command of an award's script: round 0 makes the award, later rounds run the cycle. */
export const awardCommand = (awardNo: number, round: number): ScriptCommand => {
  const awardId = benchAwardId(awardNo);
  const commandId = `${awardId}-r${round}`;
  if (round === 0) return { commandId, type: 'MakeAward', body: makeAward(awardId, awardNo) };
  const step = (round - 1) % 5;
  const k = Math.floor((round - 1) / 5);
  switch (step) {
    case 0:
      return {
        commandId,
        type: 'PledgeMatchFunding',
        body: {
          awardId,
          contributionId: `m-${k}`,
          contributor: { id: `council-${k % 7}`, name: `Council ${k % 7}` },
          amount: '5000.00',
          pledgedOn: dayOfCycle(k),
          reference: `Pledge letter ${k}`,
        },
      };
    case 1:
      return {
        commandId,
        type: 'ReceiveMatchFunding',
        body: { awardId, contributionId: `m-${k}`, amount: '5000.00', receivedOn: dayOfCycle(k) },
      };
    case 2:
      return {
        commandId,
        type: 'CommitGrant',
        body: {
          awardId,
          grantId: `g-${k}`,
          grantee: { id: `provider-${k % 11}`, name: `Provider ${k % 11}` },
          amount: '4000.00',
          committedOn: dayOfCycle(k),
          purpose: 'Perpetrator intervention places',
        },
      };
    default:
      return {
        commandId,
        type: 'PayDisbursement',
        body: {
          awardId,
          grantId: `g-${k}`,
          disbursementId: `d-${k}-${step === 3 ? 'a' : 'b'}`,
          amount: '2000.00',
          paidOn: dayOfCycle(k),
          reference: `BACS ${awardNo}-${k}-${step}`,
        },
      };
  }
};

/**
 * Rounds `fromRound` to `toRound - 1` of every award, round by round, so that the log interleaves
 * awards as a team's work does.
 */
export function* awardCommandsByRound(awards: number, fromRound: number, toRound: number): Generator<ScriptCommand> {
  for (let round = fromRound; round < toRound; round += 1) {
    for (let awardNo = 0; awardNo < awards; awardNo += 1) yield awardCommand(awardNo, round);
  }
}

const makeAward = (awardId: string, awardNo: number): JsonObject => ({
  awardId,
  programmeId: BENCH_PROGRAMME_ID,
  funder: { id: 'home-office', name: 'Home Office' },
  recipient: { id: `opcc-${awardNo}`, name: `Police and Crime Commissioner ${awardNo}` },
  amount: '120000.00',
  awardedOn: '2024-04-01',
  window: { start: '2024-04', end: '2025-03' },
  decisionRef: `BENCH-${awardNo}`,
  description: 'Benchmark award',
});

/**
 * The 15th of the k-th month from April 2024, cycling through two years so that every date is in the
 * past (no business date may be after today): a cycle's pledge, receipt, grant and payments share it.
 */
const dayOfCycle = (k: number): string => {
  const monthIndex = 3 + (k % 24);
  const month = String((monthIndex % 12) + 1).padStart(2, '0');
  return `${2024 + Math.floor(monthIndex / 12)}-${month}-15`;
};
