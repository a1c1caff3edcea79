import { z } from '@hono/zod-openapi';
import { ObjectId } from 'mongodb';

/** Record ids in the API are the 24-hex-digit form of MongoDB ObjectIds. */
export const idSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/, { message: 'must be a 24-character lower-case hex id' })
  .openapi({ example: '665f1c2e9b1d8c0012a3b4c5' });

export function oid(id: string): ObjectId {
  return ObjectId.createFromHexString(id);
}

export function newId(): ObjectId {
  return new ObjectId();
}

/** `{ id: ... }` path parameters for a route, named as the route names them. */
export function idParams<K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((name) => [name, idSchema])) as Record<K, typeof idSchema>);
}
