import { ConfigurationError, defaultReadModelPath, loadReadModelConfig } from '@fundledger/event-store';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadReadModelConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigurationError');
};

describe('read-model configuration (FUNDLEDGER_READ_DB, FUNDLEDGER_READ_WAIT_MS)', () => {
  it('puts the file beside the event store by default, waiting 5 s for minPosition', () => {
    expect(loadReadModelConfig({})).toEqual({ path: 'data/fundledger.read-models.sqlite', waitTimeoutMs: 5000 });
  });

  it.each([
    ['/var/lib/ledger.sqlite', '/var/lib/ledger.read-models.sqlite'],
    ['ledger.db', 'ledger.read-models.sqlite'],
    ['/srv/ledger', '/srv/ledger.read-models.sqlite'],
    [':memory:', ':memory:'],
  ])('beside %s: %s', (store, expected) => {
    expect(defaultReadModelPath(store)).toBe(expected);
    expect(loadReadModelConfig({ FUNDLEDGER_DB: store }).path).toBe(expected);
  });

  it('takes FUNDLEDGER_READ_DB and FUNDLEDGER_READ_WAIT_MS when set', () => {
    expect(loadReadModelConfig({ FUNDLEDGER_READ_DB: '/cache/views.sqlite', FUNDLEDGER_READ_WAIT_MS: '250' })).toEqual({
      path: '/cache/views.sqlite',
      waitTimeoutMs: 250,
    });
  });

  it('refuses the event store file itself: the read model is deleted and rebuilt at will', () => {
    expect(problemsOf({ FUNDLEDGER_DB: 'data/ledger.sqlite', FUNDLEDGER_READ_DB: './data/ledger.sqlite' })).toEqual([
      "Configuration error: FUNDLEDGER_READ_DB must not be the event store file FUNDLEDGER_DB, got './data/ledger.sqlite'",
    ]);
  });

  it.each(['soon', '-1', '60001'])('names a wait of %s', (value) => {
    expect(problemsOf({ FUNDLEDGER_READ_WAIT_MS: value })).toEqual([
      `Configuration error: FUNDLEDGER_READ_WAIT_MS must be a whole number of milliseconds from 0 to 60000, got '${value}'`,
    ]);
  });
});
