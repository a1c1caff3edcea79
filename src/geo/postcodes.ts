import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/project-root.js';

export interface Coordinates {
  lat: number;
  lng: number;
}

export interface PostcodeLocation extends Coordinates {
  /** `sector` is about 1 km from the true position; `district` a few km. */
  precision: 'sector' | 'district';
}

/**
 * UK postcode format (GOV.UK / Royal Mail): outward code of 2-4 characters, then an inward
 * code of a digit and two letters. Also accepts GIR 0AA.
 */
const postcodePattern =
  /^(GIR ?0AA|[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]? ?[0-9][ABD-HJLNP-UW-Z]{2}|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]? ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** Upper-cases and puts the single space before the inward code: " sw1a1aa " -> "SW1A 1AA". */
export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export function isValidPostcode(input: string): boolean {
  return postcodePattern.test(normalisePostcode(input));
}

/** The outward code and sector of a postcode: "SW1A 1AA" -> { district: "SW1A", sector: "SW1A 1" }. */
export function postcodeParts(postcode: string): { district: string; sector: string } {
  const normal = normalisePostcode(postcode);
  const [district = '', inward = ''] = normal.split(' ');
  return { district, sector: `${district} ${inward.slice(0, 1)}` };
}

function loadCentroids(file: string): Map<string, Coordinates> {
  const centroids = new Map<string, Coordinates>();
  const lines = readFileSync(path.join(projectRoot, 'data', file), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [code, lat, lng] = line.split(',');
    if (code && lat && lng) centroids.set(code, { lat: Number(lat), lng: Number(lng) });
  }
  return centroids;
}

/**
 * Offline postcode lookup from ONS postcode sector and district centroids (data/, OGL v3).
 * No network call; a postcode whose sector and district are both unknown returns undefined.
 */
export class PostcodeDirectory {
  readonly #sectors = loadCentroids('uk-postcode-sectors.csv');
  readonly #districts = loadCentroids('uk-postcode-districts.csv');

  lookup(postcode: string): PostcodeLocation | undefined {
    if (!isValidPostcode(postcode)) return undefined;
    const { district, sector } = postcodeParts(postcode);
    const bySector = this.#sectors.get(sector);
    if (bySector) return { ...bySector, precision: 'sector' };
    const byDistrict = this.#districts.get(district);
    if (byDistrict) return { ...byDistrict, precision: 'district' };
    return undefined;
  }

  district(code: string): Coordinates | undefined {
    return this.#districts.get(code.toUpperCase());
  }

  /** Every known sector code, for generating realistic demo postcodes. */
  sectorsOf(district: string): string[] {
    const prefix = `${district.toUpperCase()} `;
    return [...this.#sectors.keys()].filter((sector) => sector.startsWith(prefix));
  }
}

let shared: PostcodeDirectory | undefined;
/** One directory per process: the files are read once (about 15,000 rows). */
export function postcodeDirectory(): PostcodeDirectory {
  shared ??= new PostcodeDirectory();
  return shared;
}

const earthRadiusKm = 6371.0088;

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. Called several times for every hit of a match search. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A GeoJSON point as MongoDB's 2dsphere index wants it: [longitude, latitude]. */
export function geoPoint(coordinates: Coordinates): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: [coordinates.lng, coordinates.lat] };
}
