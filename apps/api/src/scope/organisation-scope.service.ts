import {
  type AuthenticatedActor,
  type AwardParties,
  awardInScope,
  contributorInScope,
  programmeInScope,
} from '@fundledger/access';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { awardStreamName } from '@fundledger/funding';
import type { AwardView, ContributionEntry, LedgerView, LedgerSnapshot, ProgrammeAwardEntry, ProgrammeRows, Scoped } from '@fundledger/projections';
import { Inject, Injectable } from '@nestjs/common';

const partiesOfView = (view: AwardView): AwardParties => ({
  funderId: view.award.funder.id,
  recipientId: view.award.recipient.id,
});

const withAwards = (ledger: LedgerView, keep: (view: AwardView) => boolean): LedgerView => ({
  programmes: ledger.programmes,
  awards: new Map([...ledger.awards].filter(([, view]) => keep(view))),
});

/**
 * The one place the service applies organisation scope (the rules are libs/access's): which awards a
 * caller may act on and read, and what the reports that span awards show them. An award outside the
 * caller's scope is answered exactly as one never made, so a 404 never tells another body's award apart.
 */
@Injectable()
export class OrganisationScope {
  /** Who an award is between never changes once it is made, so a lookup is made once per award. */
  private readonly parties = new Map<string, AwardParties>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The funder and recipient of a recorded award, from its first event; undefined when none was made. */
  async partiesOf(awardId: string): Promise<AwardParties | undefined> {
    const known = this.parties.get(awardId);
    if (known !== undefined) return known;
    for await (const event of this.store.readStream(awardStreamName(awardId))) {
      const data = event.data as { funder?: { id?: unknown }; recipient?: { id?: unknown } };
      if (event.type !== 'AwardMade' || typeof data.funder?.id !== 'string' || typeof data.recipient?.id !== 'string') return undefined;
      const parties = { funderId: data.funder.id, recipientId: data.recipient.id };
      this.parties.set(awardId, parties);
      return parties;
    }
    return undefined;
  }

  /** Whether an award the caller names is one it may see; one never made is not hidden (its 404 is the truth). */
  async awardVisible(actor: AuthenticatedActor, awardId: string): Promise<boolean> {
    const parties = await this.partiesOf(awardId);
    return parties === undefined || awardInScope(actor, parties);
  }

  /** The award's view when the caller may see it. */
  award(actor: AuthenticatedActor, view: AwardView | undefined): AwardView | undefined {
    return view !== undefined && awardInScope(actor, partiesOfView(view)) ? view : undefined;
  }

  /**
   * What a programme's totals are folded from: the whole programme for its funder's staff and auditors,
   * otherwise only the caller's own awards in it; undefined when the caller has nothing in it to see.
   */
  programmeLedger(actor: AuthenticatedActor, snapshot: LedgerSnapshot, programmeId: string): LedgerView | undefined {
    const programme = snapshot.programme(programmeId);
    if (programme === undefined) return undefined;
    const ledger = snapshot.ledger();
    if (programmeInScope(actor, programme.programme.funder.id)) return ledger;
    const own = withAwards(ledger, (view) => awardInScope(actor, partiesOfView(view)));
    return [...own.awards.values()].some((view) => view.award.programmeId === programmeId) ? own : undefined;
  }

  /** A contributor's statement: all of it for the contributor itself, otherwise the lines on awards in scope. */
  contributorLedger(actor: AuthenticatedActor, snapshot: LedgerSnapshot, organisationId: string): LedgerView {
    const ledger = snapshot.ledger();
    return contributorInScope(actor, organisationId) ? ledger : withAwards(ledger, (view) => awardInScope(actor, partiesOfView(view)));
  }

  /** A stored report row about one award, when the caller may see that award. */
  awardRow<Value>(actor: AuthenticatedActor, row: Scoped<Value> | undefined): Value | undefined {
    return row !== undefined && awardInScope(actor, row.parties) ? row.value : undefined;
  }

  /** Every stored row of a per-award report that the caller may see, in the order the awards were made. */
  awardRows<Value>(actor: AuthenticatedActor, rows: ReadonlyArray<Scoped<Value>>): Value[] {
    return rows.filter((row) => awardInScope(actor, row.parties)).map((row) => row.value);
  }

  /** programmeLedger's rule on stored rows: the lines a programme's totals are summed from, or undefined. */
  programmeLines(actor: AuthenticatedActor, rows: ProgrammeRows | undefined): ProgrammeAwardEntry[] | undefined {
    if (rows === undefined) return undefined;
    if (programmeInScope(actor, rows.programme.funder.id)) return rows.awards.map((line) => line.value);
    const own = this.awardRows(actor, rows.awards);
    return own.length > 0 ? own : undefined;
  }

  /** contributorLedger's rule on stored rows: the contributions a statement is summed from. */
  contributionLines(actor: AuthenticatedActor, organisationId: string, rows: ReadonlyArray<Scoped<ContributionEntry>>): ContributionEntry[] {
    return contributorInScope(actor, organisationId) ? rows.map((row) => row.value) : this.awardRows(actor, rows);
  }
}
