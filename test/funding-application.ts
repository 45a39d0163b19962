import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { CLOCK, FundingModule, type Clock } from '@fundledger/funding/application';
import { reportingFigures } from '@fundledger/reporting';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';

/** The funding write side (command and query bus) on a given store, with the apps' figures and a fixed clock when given. */
export const openFundingApplication = async (store: EventStore, clock?: Clock): Promise<INestApplicationContext> => {
  @Global()
  @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
  class StoreModule {}
  const builder = Test.createTestingModule({ imports: [StoreModule, FundingModule.withFigures(reportingFigures)] });
  if (clock !== undefined) builder.overrideProvider(CLOCK).useValue(clock);
  return (await builder.compile()).init();
};
