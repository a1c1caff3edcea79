/**
 * One side of `bench:match-ab`: the service of the checkout at AB_ROOT (this one when unset) on
 * the stores of DATA_DIR, with the same sample of young people `bench:match` picks and a job
 * coach's token for each. Prints one JSON line ({ baseUrl, subjects }) and serves until SIGTERM.
 *
 * Both sides' apps are served by this checkout's `serveApp`, so they differ only in the app: an
 * older checkout's server closed idle connections after Node's 5 s, and a batch that opens its 32
 * connections afresh has a tail twice as long (seen on both sides, longer on the later code's; not
 * found why). Kept alive, as a load balancer keeps them, the batches measure the matches.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerType } from '@hono/node-server';
import { serveApp } from '../src/core/http/server.js';

const root = path.resolve(process.env.AB_ROOT ?? path.join(import.meta.dirname, '..'));
const from = (file: string) => import(pathToFileURL(path.join(root, file)).href);
const { benchEnvironment } = await from('bench/support.ts');
const { toYoungPerson } = await from('src/young-people/young-people.repository.ts');

const env = await benchEnvironment({ DATA_DIR: process.env.DATA_DIR ?? '.data', SEED_DEMO_DATA: 'never' });
const { services } = env;
const server = await new Promise<ServerType>((resolve) => {
  const started = serveApp(env.app, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
});
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const sampleSize = Number(process.env.AB_SAMPLE ?? 100);
const ids: { _id: unknown }[] = await services.youngPeopleRepository.collection
  .find({ status: 'active' }, { projection: { _id: 1 }, sort: { _id: 1 } })
  .toArray();
const stride = Math.max(1, Math.floor(ids.length / sampleSize));
const picked = ids
  .filter((_, i) => i % stride === 0)
  .slice(0, sampleSize)
  .map((doc) => doc._id);
// The records as stored (their providerId an ObjectId of that checkout's driver), then as the service reads them.
const docs: { providerId: unknown }[] = await services.youngPeopleRepository.collection
  .find({ _id: { $in: picked } })
  .toArray();
const people: { id: string; providerId: string }[] = docs.map(toYoungPerson);
const tokens = new Map<string, string>();
for (const doc of docs) {
  const providerId = String(doc.providerId);
  if (tokens.has(providerId)) continue;
  const coach = await services.accounts.collection.findOne(
    { role: 'job_coach', status: 'active', providerId: doc.providerId },
    { projection: { _id: 1 } },
  );
  const account = coach && (await services.accounts.byId(coach._id.toHexString()));
  if (account) tokens.set(providerId, (await services.auth.issueFor(account)).accessToken);
}
const subjects = people.flatMap((person) => {
  const token = tokens.get(person.providerId);
  return token ? [{ id: person.id, token }] : [];
});
process.stdout.write(`${JSON.stringify({ baseUrl, subjects })}\n`);
process.on('SIGTERM', () => {
  server.close();
  env.close().then(() => process.exit(0));
});
setInterval(() => undefined, 1 << 30);
