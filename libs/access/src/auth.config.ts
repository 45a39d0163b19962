import { ConfigurationError, ConfigurationProblem, Environment, readVariable } from '@fundledger/event-store';
import { type ClaimNames, LOCAL_CLAIMS } from './jwt-claims';
import { SigningSecretSource, readSigningSecretSource } from './signing-secret.config';
import { DEFAULT_MAX_TOKEN_LIFETIME, InvalidTokenLifetime, parseTokenLifetime } from './token-lifetime';

/**
 * The pages' own registration at the provider, for the authorization-code sign-in: a confidential
 * client, so the code is redeemed only with the secret and the PKCE verifier together.
 */
export interface OidcSignInConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The callback URL registered at the provider; when absent, made from the request's own address. */
  readonly redirectUrl?: string;
}

/** An OpenID Connect provider whose access tokens the API accepts (Entra ID, Keycloak, …). */
export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  /** The provider's keys; when absent, discovered from `${issuer}/.well-known/openid-configuration`. */
  readonly jwksUrl?: string;
  readonly claims: ClaimNames;
  /** Present when people sign in to the pages through the provider (FUNDLEDGER_OIDC_CLIENT_ID). */
  readonly signIn?: OidcSignInConfig;
}

export interface AuthConfig {
  /** The local HS256 secret of `cli token` tokens. */
  readonly secret: SigningSecretSource;
  /** The longest lifetime a local token may have (FUNDLEDGER_TOKEN_MAX_LIFETIME). */
  readonly maxTokenLifetimeSeconds: number;
  readonly oidc?: OidcConfig;
  /** FUNDLEDGER_LOCAL_SIGN_IN: `on` offers the pages' local sign-in beside the provider's, `off` refuses it; unset, the pages decide. */
  readonly localSignIn?: 'on' | 'off';
}

const CLAIM_NAME = /^[A-Za-z_][\w:/.-]{0,127}$/;

const readUrl = (env: Environment, name: string, problems: ConfigurationProblem[]): string | undefined => {
  const raw = readVariable(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push({ variable: name, problem: `must be an absolute https:// URL, got '${raw}'` });
    return undefined;
  }
  // Plain http only on loopback: keys fetched over the network must not be swappable in transit.
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push({ variable: name, problem: `must be an https:// URL (http:// only on loopback), got '${raw}'` });
    return undefined;
  }
  return raw.replace(/\/+$/, '');
};

const readClaimName = (env: Environment, name: string, fallback: string, problems: ConfigurationProblem[]): string => {
  const raw = readVariable(env, name) ?? fallback;
  if (!CLAIM_NAME.test(raw)) problems.push({ variable: name, problem: `must be a claim name, got '${raw}'` });
  return raw;
};

const readSignInConfig = (env: Environment, problems: ConfigurationProblem[]): OidcSignInConfig | undefined => {
  const clientId = readVariable(env, 'FUNDLEDGER_OIDC_CLIENT_ID');
  const clientSecret = readVariable(env, 'FUNDLEDGER_OIDC_CLIENT_SECRET');
  const redirectUrl = readUrl(env, 'FUNDLEDGER_OIDC_REDIRECT_URL', problems);
  if (clientId === undefined) {
    if (clientSecret !== undefined || redirectUrl !== undefined) {
      problems.push({ variable: 'FUNDLEDGER_OIDC_CLIENT_ID', problem: 'is required when FUNDLEDGER_OIDC_CLIENT_SECRET or FUNDLEDGER_OIDC_REDIRECT_URL is set' });
    }
    return undefined;
  }
  if (clientSecret === undefined) {
    // The secret's value is never repeated in a message; only its absence is.
    problems.push({ variable: 'FUNDLEDGER_OIDC_CLIENT_SECRET', problem: 'is required when FUNDLEDGER_OIDC_CLIENT_ID is set' });
    return undefined;
  }
  if (redirectUrl !== undefined && !redirectUrl.endsWith('/app/sign-in/callback')) {
    problems.push({ variable: 'FUNDLEDGER_OIDC_REDIRECT_URL', problem: `must be this service's address followed by /app/sign-in/callback, got '${redirectUrl}'` });
    return undefined;
  }
  return { clientId, clientSecret, ...(redirectUrl === undefined ? {} : { redirectUrl }) };
};

const readLocalSignIn = (env: Environment, problems: ConfigurationProblem[]): 'on' | 'off' | undefined => {
  const raw = readVariable(env, 'FUNDLEDGER_LOCAL_SIGN_IN');
  if (raw === undefined || raw === 'on' || raw === 'off') return raw;
  problems.push({ variable: 'FUNDLEDGER_LOCAL_SIGN_IN', problem: `must be on or off, got '${raw}'` });
  return undefined;
};

const readOidcConfig = (env: Environment, problems: ConfigurationProblem[]): OidcConfig | undefined => {
  const before = problems.length;
  const issuer = readUrl(env, 'FUNDLEDGER_OIDC_ISSUER', problems);
  const audience = readVariable(env, 'FUNDLEDGER_OIDC_AUDIENCE');
  const jwksUrl = readUrl(env, 'FUNDLEDGER_OIDC_JWKS_URL', problems);
  const claims = {
    role: readClaimName(env, 'FUNDLEDGER_OIDC_ROLE_CLAIM', LOCAL_CLAIMS.role, problems),
    org: readClaimName(env, 'FUNDLEDGER_OIDC_ORG_CLAIM', LOCAL_CLAIMS.org, problems),
  };
  if (issuer === undefined) {
    if (problems.length === before && (audience !== undefined || jwksUrl !== undefined)) {
      problems.push({ variable: 'FUNDLEDGER_OIDC_ISSUER', problem: 'is required when FUNDLEDGER_OIDC_AUDIENCE or FUNDLEDGER_OIDC_JWKS_URL is set' });
    } else if (problems.length === before && readVariable(env, 'FUNDLEDGER_OIDC_CLIENT_ID') !== undefined) {
      problems.push({ variable: 'FUNDLEDGER_OIDC_ISSUER', problem: 'is required when FUNDLEDGER_OIDC_CLIENT_ID is set' });
    }
    return undefined;
  }
  if (audience === undefined) {
    // Without an audience check, a token the provider issued to any other application would be accepted.
    problems.push({ variable: 'FUNDLEDGER_OIDC_AUDIENCE', problem: 'is required when FUNDLEDGER_OIDC_ISSUER is set' });
  }
  const signIn = readSignInConfig(env, problems);
  if (problems.length > before || audience === undefined) return undefined;
  return { issuer, audience, ...(jwksUrl === undefined ? {} : { jwksUrl }), claims, ...(signIn === undefined ? {} : { signIn }) };
};

const readMaxLifetime = (env: Environment, problems: ConfigurationProblem[]): number | undefined => {
  const raw = readVariable(env, 'FUNDLEDGER_TOKEN_MAX_LIFETIME') ?? DEFAULT_MAX_TOKEN_LIFETIME;
  try {
    return parseTokenLifetime(raw);
  } catch (error) {
    if (!(error instanceof InvalidTokenLifetime)) throw error;
    problems.push({ variable: 'FUNDLEDGER_TOKEN_MAX_LIFETIME', problem: error.message });
    return undefined;
  }
};

/** Reports problems instead of throwing, so the API's configuration names every bad variable at once. */
export const readAuthConfig = (env: Environment, problems: ConfigurationProblem[]): AuthConfig | undefined => {
  const before = problems.length;
  const secret = readSigningSecretSource(env, problems);
  const maxTokenLifetimeSeconds = readMaxLifetime(env, problems);
  const oidc = readOidcConfig(env, problems);
  const localSignIn = readLocalSignIn(env, problems);
  if (secret === undefined || maxTokenLifetimeSeconds === undefined || problems.length > before) return undefined;
  return { secret, maxTokenLifetimeSeconds, ...(oidc === undefined ? {} : { oidc }), ...(localSignIn === undefined ? {} : { localSignIn }) };
};

export const loadAuthConfig = (env: Environment): AuthConfig => {
  const problems: ConfigurationProblem[] = [];
  const config = readAuthConfig(env, problems);
  if (config === undefined) throw new ConfigurationError(problems);
  return config;
};
