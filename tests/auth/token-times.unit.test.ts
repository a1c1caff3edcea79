import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { clockToleranceSeconds, timesRefused } from '../../src/auth/tokens.js';

const ttl = 900;

describe('timesRefused: a token verified before is checked against the clock as jwtVerify checks it', () => {
  it('refuses and accepts at exactly the same moments as jwtVerify, around not-before, expiry and age', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const issued = 1_800_000_000;
    // A token as the service signs it, and ones with odd times (iat after nbf, a lifetime beyond the maximum age).
    for (const times of [
      { iat: issued, nbf: issued, exp: issued + ttl },
      { iat: issued + 40, nbf: issued, exp: issued + ttl },
      { iat: issued, nbf: issued + 100, exp: issued + 5 * ttl },
    ]) {
      const token = await new SignJWT({ sid: 's' })
        .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
        .setIssuedAt(times.iat)
        .setNotBefore(times.nbf)
        .setExpirationTime(times.exp)
        .sign(privateKey);
      const moments = [issued - 200, issued - 31, issued - 30, issued - 29, issued, issued + 100];
      for (const edge of [times.exp, times.iat + ttl + 2 * clockToleranceSeconds, times.nbf])
        for (let d = -2; d <= 2; d++) moments.push(edge + clockToleranceSeconds * (d < 0 ? -1 : 1) + d, edge + d);
      for (const second of moments) {
        for (const ms of [0, 999]) {
          const at = new Date(second * 1000 + ms);
          const byJose = await jwtVerify(token, publicKey, {
            clockTolerance: clockToleranceSeconds,
            maxTokenAge: ttl + clockToleranceSeconds,
            currentDate: at,
          }).then(
            () => 'accepted',
            () => 'refused',
          );
          expect([second, ms, timesRefused(times, at, ttl) ? 'refused' : 'accepted']).toEqual([second, ms, byJose]);
        }
      }
    }
  });
});
