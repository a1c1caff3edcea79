import { type Coordinates, distanceKm, normalisePostcode, postcodeDirectory } from '../src/geo/postcodes.js';
import type { Random } from './random.js';

/**
 * Real English towns and cities, each with its local authority and real postcode districts
 * (the centre first). Every district is wholly in England; their positions come from the ONS
 * centroids in data/, so nothing here needs a network call.
 */
export interface Town {
  name: string;
  localAuthority: string;
  districts: readonly string[];
  /** Has a tram or metro network young people can use. */
  tram?: boolean;
  /** Ofcom's numbers for drama and examples in this area (never allocated), without the last three digits. */
  phonePrefix?: string;
}

export const towns: readonly Town[] = [
  {
    name: 'Leeds',
    localAuthority: 'Leeds',
    districts: ['LS1', 'LS6', 'LS8', 'LS9', 'LS11', 'LS12', 'LS13', 'LS15', 'LS17'],
    phonePrefix: '0113 496 0',
  },
  { name: 'Bradford', localAuthority: 'Bradford', districts: ['BD1', 'BD3', 'BD5', 'BD7', 'BD9'] },
  { name: 'Wakefield', localAuthority: 'Wakefield', districts: ['WF1', 'WF2'] },
  { name: 'Huddersfield', localAuthority: 'Kirklees', districts: ['HD1', 'HD2'] },
  { name: 'Halifax', localAuthority: 'Calderdale', districts: ['HX1'] },
  { name: 'Harrogate', localAuthority: 'North Yorkshire', districts: ['HG1', 'HG2'] },
  { name: 'York', localAuthority: 'York', districts: ['YO1', 'YO10', 'YO24', 'YO31'] },
  {
    name: 'Sheffield',
    localAuthority: 'Sheffield',
    districts: ['S1', 'S2', 'S6', 'S8', 'S10', 'S11'],
    tram: true,
    phonePrefix: '0114 496 0',
  },
  { name: 'Rotherham', localAuthority: 'Rotherham', districts: ['S60'] },
  { name: 'Barnsley', localAuthority: 'Barnsley', districts: ['S70'] },
  { name: 'Doncaster', localAuthority: 'Doncaster', districts: ['DN1', 'DN2'] },
  { name: 'Hull', localAuthority: 'Kingston upon Hull', districts: ['HU1', 'HU5', 'HU8'] },
  {
    name: 'Manchester',
    localAuthority: 'Manchester',
    districts: ['M1', 'M4', 'M8', 'M13', 'M14', 'M20', 'M40'],
    tram: true,
    phonePrefix: '0161 496 0',
  },
  { name: 'Salford', localAuthority: 'Salford', districts: ['M6', 'M7', 'M50'], tram: true, phonePrefix: '0161 496 0' },
  { name: 'Stockport', localAuthority: 'Stockport', districts: ['SK1', 'SK4'], phonePrefix: '0161 496 0' },
  { name: 'Oldham', localAuthority: 'Oldham', districts: ['OL1', 'OL8'], tram: true, phonePrefix: '0161 496 0' },
  { name: 'Bolton', localAuthority: 'Bolton', districts: ['BL1', 'BL3'] },
  { name: 'Wigan', localAuthority: 'Wigan', districts: ['WN1'] },
  { name: 'Warrington', localAuthority: 'Warrington', districts: ['WA1', 'WA2'] },
  {
    name: 'Liverpool',
    localAuthority: 'Liverpool',
    districts: ['L1', 'L4', 'L6', 'L8', 'L15', 'L17'],
    phonePrefix: '0151 496 0',
  },
  { name: 'Chester', localAuthority: 'Cheshire West and Chester', districts: ['CH1', 'CH2', 'CH3'] },
  { name: 'Preston', localAuthority: 'Lancashire', districts: ['PR1', 'PR2'] },
  { name: 'Blackpool', localAuthority: 'Blackpool', districts: ['FY1', 'FY3'], tram: true },
  { name: 'Lancaster', localAuthority: 'Lancashire', districts: ['LA1'] },
  { name: 'Kendal', localAuthority: 'Westmorland and Furness', districts: ['LA9'] },
  { name: 'Carlisle', localAuthority: 'Cumberland', districts: ['CA1', 'CA2'] },
  {
    name: 'Newcastle upon Tyne',
    localAuthority: 'Newcastle upon Tyne',
    districts: ['NE1', 'NE4', 'NE6'],
    tram: true,
    phonePrefix: '0191 498 0',
  },
  {
    name: 'Sunderland',
    localAuthority: 'Sunderland',
    districts: ['SR1', 'SR4'],
    tram: true,
    phonePrefix: '0191 498 0',
  },
  { name: 'Durham', localAuthority: 'County Durham', districts: ['DH1'], phonePrefix: '0191 498 0' },
  { name: 'Darlington', localAuthority: 'Darlington', districts: ['DL1', 'DL3'] },
  { name: 'Middlesbrough', localAuthority: 'Middlesbrough', districts: ['TS1', 'TS5'] },
  {
    name: 'Birmingham',
    localAuthority: 'Birmingham',
    districts: ['B1', 'B5', 'B13', 'B16', 'B23', 'B29'],
    tram: true,
    phonePrefix: '0121 496 0',
  },
  { name: 'Wolverhampton', localAuthority: 'Wolverhampton', districts: ['WV1', 'WV3', 'WV10'], tram: true },
  { name: 'Coventry', localAuthority: 'Coventry', districts: ['CV1', 'CV2', 'CV5'] },
  { name: 'Stoke-on-Trent', localAuthority: 'Stoke-on-Trent', districts: ['ST1', 'ST4', 'ST6'] },
  { name: 'Shrewsbury', localAuthority: 'Shropshire', districts: ['SY1', 'SY2', 'SY3'] },
  { name: 'Telford', localAuthority: 'Telford and Wrekin', districts: ['TF1', 'TF3'] },
  { name: 'Worcester', localAuthority: 'Worcestershire', districts: ['WR1', 'WR5'] },
  { name: 'Hereford', localAuthority: 'Herefordshire', districts: ['HR1', 'HR4'] },
  {
    name: 'Nottingham',
    localAuthority: 'Nottingham',
    districts: ['NG1', 'NG3', 'NG5', 'NG7'],
    tram: true,
    phonePrefix: '0115 496 0',
  },
  { name: 'Derby', localAuthority: 'Derby', districts: ['DE1', 'DE21', 'DE22', 'DE23'] },
  {
    name: 'Leicester',
    localAuthority: 'Leicester',
    districts: ['LE1', 'LE2', 'LE3', 'LE4'],
    phonePrefix: '0116 496 0',
  },
  { name: 'Lincoln', localAuthority: 'Lincolnshire', districts: ['LN1', 'LN2', 'LN6'] },
  { name: 'Northampton', localAuthority: 'West Northamptonshire', districts: ['NN1', 'NN3'] },
  { name: 'Peterborough', localAuthority: 'Peterborough', districts: ['PE1', 'PE3'] },
  { name: 'Cambridge', localAuthority: 'Cambridgeshire', districts: ['CB1', 'CB4'] },
  { name: 'Norwich', localAuthority: 'Norfolk', districts: ['NR1', 'NR2', 'NR3'] },
  { name: 'Ipswich', localAuthority: 'Suffolk', districts: ['IP1', 'IP4'] },
  { name: 'Colchester', localAuthority: 'Essex', districts: ['CO1', 'CO2'] },
  { name: 'Chelmsford', localAuthority: 'Essex', districts: ['CM1', 'CM2'] },
  { name: 'Luton', localAuthority: 'Luton', districts: ['LU1', 'LU2', 'LU4'] },
  { name: 'Milton Keynes', localAuthority: 'Milton Keynes', districts: ['MK6', 'MK8', 'MK9'] },
  { name: 'Oxford', localAuthority: 'Oxfordshire', districts: ['OX1', 'OX4'] },
  { name: 'Reading', localAuthority: 'Reading', districts: ['RG1', 'RG2'], phonePrefix: '0118 496 0' },
  { name: 'Swindon', localAuthority: 'Swindon', districts: ['SN1', 'SN2', 'SN3'] },
  { name: 'Gloucester', localAuthority: 'Gloucestershire', districts: ['GL1', 'GL4'] },
  { name: 'Cheltenham', localAuthority: 'Gloucestershire', districts: ['GL50', 'GL51', 'GL52'] },
  { name: 'Bristol', localAuthority: 'Bristol', districts: ['BS1', 'BS3', 'BS5', 'BS7'], phonePrefix: '0117 496 0' },
  { name: 'Bath', localAuthority: 'Bath and North East Somerset', districts: ['BA1', 'BA2'] },
  { name: 'Taunton', localAuthority: 'Somerset', districts: ['TA1'] },
  { name: 'Exeter', localAuthority: 'Devon', districts: ['EX1', 'EX2', 'EX4'] },
  { name: 'Plymouth', localAuthority: 'Plymouth', districts: ['PL1', 'PL4', 'PL6'] },
  { name: 'Truro', localAuthority: 'Cornwall', districts: ['TR1'] },
  { name: 'Bournemouth', localAuthority: 'Bournemouth, Christchurch and Poole', districts: ['BH1', 'BH8'] },
  { name: 'Southampton', localAuthority: 'Southampton', districts: ['SO14', 'SO15'] },
  { name: 'Portsmouth', localAuthority: 'Portsmouth', districts: ['PO1', 'PO4', 'PO6'] },
  { name: 'Brighton', localAuthority: 'Brighton and Hove', districts: ['BN1', 'BN2', 'BN3'] },
  { name: 'Guildford', localAuthority: 'Surrey', districts: ['GU1', 'GU2'] },
  { name: 'Maidstone', localAuthority: 'Kent', districts: ['ME14', 'ME15'] },
  { name: 'Canterbury', localAuthority: 'Kent', districts: ['CT1', 'CT2'] },
  { name: 'Croydon', localAuthority: 'Croydon', districts: ['CR0'], tram: true, phonePrefix: '020 7946 0' },
  { name: 'Hackney', localAuthority: 'Hackney', districts: ['E5', 'E8'], phonePrefix: '020 7946 0' },
  { name: 'Camden', localAuthority: 'Camden', districts: ['NW1'], phonePrefix: '020 7946 0' },
  { name: 'Lewisham', localAuthority: 'Lewisham', districts: ['SE13'], phonePrefix: '020 7946 0' },
];

/** Ofcom's numbers for drama with no geographic area. */
const fallbackPhonePrefix = '01632 960';

/** The letters Royal Mail uses in the last two places of a postcode (no C, I, K, M, O or V). */
export const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

/** The centre of a town: the centroid of its first (central) postcode district. */
export function townCentre(town: Town): Coordinates {
  const centre = postcodeDirectory().district(town.districts[0]!);
  if (!centre)
    throw new Error(`no centroid for ${town.districts[0]} (${town.name}); is data/uk-postcode-districts.csv complete?`);
  return centre;
}

const sectorCache = new Map<string, string[]>();
function sectorsOf(district: string): string[] {
  let sectors = sectorCache.get(district);
  if (!sectors) {
    sectors = postcodeDirectory().sectorsOf(district);
    if (sectors.length === 0) throw new Error(`no postcode sectors for ${district}`);
    sectorCache.set(district, sectors);
  }
  return sectors;
}

/**
 * A postcode in a real sector of one of the town's districts (or the district given): the
 * sector is real, the last two letters are drawn from the letters Royal Mail uses, so the
 * postcode is valid and lands at the sector's centroid, about a kilometre from the true spot.
 */
export function randomPostcode(random: Random, town: Town, district = random.pick(town.districts)): string {
  const sector = random.pick(sectorsOf(district));
  return normalisePostcode(`${sector}${random.pick([...inwardLetters])}${random.pick([...inwardLetters])}`);
}

/** Where a generated postcode is on the map; throws if the data files cannot place it. */
export function locatePostcode(postcode: string): Coordinates {
  const found = postcodeDirectory().lookup(postcode);
  if (!found) throw new Error(`the postcode directory cannot place ${postcode}`);
  return { lat: found.lat, lng: found.lng };
}

export function phoneNumber(random: Random, town: Town): string {
  return `${town.phonePrefix ?? fallbackPhonePrefix}${String(random.int(0, 999)).padStart(3, '0')}`;
}

/** Towns whose centres are within `km` of the given town's centre, nearest first (the town itself included). */
export function townsNear(town: Town, km: number): Town[] {
  const centre = townCentre(town);
  return towns
    .map((other) => ({ other, distance: distanceKm(centre, townCentre(other)) }))
    .filter(({ distance }) => distance <= km)
    .sort((a, b) => a.distance - b.distance)
    .map(({ other }) => other);
}
