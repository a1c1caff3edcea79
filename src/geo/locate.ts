import { unprocessable } from '../core/errors.js';
import { type Coordinates, postcodeDirectory } from './postcodes.js';

/**
 * Coordinates for a record: the caller's own, or the centroid of the postcode's sector
 * (about 1 km) or district. An unknown postcode is a 422 naming the field.
 */
export function locate(
  postcode: string,
  explicit: Coordinates | undefined,
  field: string,
): Coordinates & { source: 'given' | 'sector' | 'district' } {
  if (explicit) return { ...explicit, source: 'given' };
  const found = postcodeDirectory().lookup(postcode);
  if (!found) {
    throw unprocessable(
      [
        {
          path: field,
          in: 'body',
          message: 'is not a postcode we can place on the map; check it, or send coordinates',
        },
      ],
      'The postcode could not be found.',
    );
  }
  return { lat: found.lat, lng: found.lng, source: found.precision };
}
