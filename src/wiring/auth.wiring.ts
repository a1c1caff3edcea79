import { AccountsService } from '../auth/accounts.service.js';
import { AuthService } from '../auth/auth.service.js';
import { InvitationsService } from '../auth/invitations.js';
import { PasswordResetsService } from '../auth/password-resets.js';
import { SignInAddressKeys } from '../auth/sign-in-addresses.js';
import { SignIns } from '../auth/sign-ins.js';
import { defaultPasswordResetLimits, LoginThrottle } from '../auth/throttle.js';
import { AccessTokens, RefreshTokens } from '../auth/tokens.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { WebSessions } from '../web/sessions.js';
import type { Infrastructure, ServiceOptions } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** Signing in (API tokens and browser sessions), accounts, invitations and password resets. */
export function authWiring(
  { config, db, mongo, clock }: Infrastructure,
  stores: SharedStores,
  notifications: NotificationsService,
  options: ServiceOptions,
) {
  const { accounts, audit, hasher, keys } = stores.repositories;
  const signIns = new SignIns(db, clock, config.REFRESH_TOKEN_TTL_DAYS);
  const auth = new AuthService({
    accounts,
    hasher,
    throttle: new LoginThrottle(db, clock, options.throttleLimits),
    accessTokens: new AccessTokens(keys, config, clock),
    refreshTokens: new RefreshTokens(db, signIns, clock, config.REFRESH_TOKEN_TTL_DAYS),
    signIns,
    audit,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    keys,
    notifications,
    addressKeys: new SignInAddressKeys(stores.keysSecret),
  });
  const webSessions = new WebSessions(db, clock);
  const resetThrottle = new LoginThrottle(
    db,
    clock,
    options.passwordResetLimits ?? defaultPasswordResetLimits,
    'password-reset:',
  );
  return {
    auth,
    webSessions,
    accounts: new AccountsService({ mongo, accounts, auth, names: stores.names, audit }),
    invitations: new InvitationsService({
      db,
      mongo,
      accounts,
      people: stores.peopleFacts,
      hasher,
      audit,
      notifications,
      clock,
    }),
    passwordResets: new PasswordResetsService({
      db,
      mongo,
      accounts,
      hasher,
      throttle: resetThrottle,
      auth,
      browserSessions: webSessions,
      notifications,
      audit,
      clock,
    }),
  };
}
