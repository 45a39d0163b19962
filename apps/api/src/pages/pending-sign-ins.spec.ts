import { PendingSignIns, type PendingPageSignIn } from './pending-sign-ins';

const pending = (state: string): PendingPageSignIn => ({ state, nonce: 'n', codeVerifier: 'v', redirectUri: 'http://127.0.0.1/app/sign-in/callback', next: '/app/awards' });

describe('sign-ins waiting for the provider', () => {
  it('gives each back once: a second answer for the same sign-in finds nothing', () => {
    const store = new PendingSignIns(() => 0);
    const key = store.keep(pending('s1'));
    expect(store.take(key)?.state).toBe('s1');
    expect(store.take(key)).toBeUndefined();
  });

  it('forgets one not answered within ten minutes', () => {
    let now = 0;
    const store = new PendingSignIns(() => now);
    const key = store.keep(pending('slow'));
    now = 10 * 60 * 1000;
    expect(store.take(key)).toBeUndefined();
  });

  it('knows no key it did not make', () => {
    const store = new PendingSignIns(() => 0);
    store.keep(pending('s1'));
    expect(store.take('guessed')).toBeUndefined();
    expect(store.take(undefined)).toBeUndefined();
  });

  it('holds at most 10,000, forgetting the oldest first, so sign-ins started and abandoned cannot exhaust memory', () => {
    const store = new PendingSignIns(() => 0);
    const first = store.keep(pending('first'));
    const second = store.keep(pending('second'));
    for (let n = 0; n < 9_999; n += 1) store.keep(pending(`s${n}`));
    expect(store.take(first)).toBeUndefined();
    expect(store.take(second)?.state).toBe('second');
  });
});
