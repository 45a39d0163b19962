import type { AuthConfig } from '@fundledger/access';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Which sign-ins the pages offer, and the sentence the sign-in page says about each. */
export interface SignInModes {
  /** The organisation's OpenID Connect provider, when the pages have a client registered there. */
  readonly provider?: { readonly issuer: string };
  readonly local: { readonly on: boolean; readonly why: string };
}

/**
 * Local sign-in lets anyone who reaches the page choose any role, so it is never offered beyond
 * loopback, and with a provider configured only when FUNDLEDGER_LOCAL_SIGN_IN=on asks for it too.
 */
export const signInModes = (host: string, auth: Pick<AuthConfig, 'oidc' | 'localSignIn'>): SignInModes => {
  const provider = auth.oidc?.signIn === undefined ? undefined : { issuer: auth.oidc.issuer };
  const withProvider = provider === undefined ? {} : { provider };
  if (!LOOPBACK.test(host)) {
    return { ...withProvider, local: { on: false, why: 'Local sign-in is off: this service listens on a network address, so only your organisation’s identity provider may sign people in.' } };
  }
  if (auth.localSignIn === 'off') return { ...withProvider, local: { on: false, why: 'Local sign-in is off: FUNDLEDGER_LOCAL_SIGN_IN is off.' } };
  if (provider !== undefined && auth.localSignIn !== 'on') {
    return { provider, local: { on: false, why: 'Local sign-in is off because your organisation’s identity provider is configured; FUNDLEDGER_LOCAL_SIGN_IN=on would offer it beside the provider on this machine.' } };
  }
  const beside = provider === undefined ? '' : ' FUNDLEDGER_LOCAL_SIGN_IN is on, so it is offered beside your organisation’s sign-in.';
  return {
    ...withProvider,
    local: { on: true, why: `Local sign-in is on because this service listens only on this machine (loopback). Anyone who can use this machine can sign in as any role; it is switched off when the service listens on a network address.${beside}` },
  };
};
