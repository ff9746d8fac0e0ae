// Generated tables for Lantmäteriet's and Region Stockholm's demo files: addresses, buildings and
// place names in SWEREF 99 TM, health centres, waiting times and public-transport stops. Seeded,
// so each call returns the same table; places and codes are real, the rest invented.
import { dateRange, monthRange, postcode, rng, round, scatter, type Cell, type Rng, type Table } from './demo-files.js';
import {
  COMMON_STREETS, KOMMUNER, PLACE_PREFIXES, PLACE_SUFFIXES, STOCKHOLM_DISTRICTS, STOCKHOLMS_LAN_CENTRES, TOWNS, GOTEBORG_DISTRICTS,
} from './demo-words.js';

/**
 * WGS 84 latitude/longitude to SWEREF 99 TM (northing, easting) in metres: Lantmäteriet's Gauss–
 * Krüger formulas (GRS 80, central meridian 15°, scale 0.9996, false easting 500 000).
 */
export function toSweref99tm(lat: number, lon: number): [number, number] {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e2 = f * (2 - f);
  const n = f / (2 - f);
  const aRoof = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const A = e2;
  const B = (5 * e2 ** 2 - e2 ** 3) / 6;
  const C = (104 * e2 ** 3 - 45 * e2 ** 4) / 120;
  const D = (1237 * e2 ** 4) / 1260;
  const b1 = n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180;
  const b2 = (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440;
  const b3 = (61 * n ** 3) / 240 - (103 * n ** 4) / 140;
  const b4 = (49561 * n ** 4) / 161280;
  const phi = (lat * Math.PI) / 180;
  const dl = ((lon - 15) * Math.PI) / 180;
  const s = Math.sin(phi) ** 2;
  const phiStar = phi - Math.sin(phi) * Math.cos(phi) * (A + B * s + C * s ** 2 + D * s ** 3);
  const xi = Math.atan(Math.tan(phiStar) / Math.cos(dl));
  const eta = Math.atanh(Math.cos(phiStar) * Math.sin(dl));
  const k = 0.9996 * aRoof;
  const north = k * (xi + b1 * Math.sin(2 * xi) * Math.cosh(2 * eta) + b2 * Math.sin(4 * xi) * Math.cosh(4 * eta) + b3 * Math.sin(6 * xi) * Math.cosh(6 * eta) + b4 * Math.sin(8 * xi) * Math.cosh(8 * eta));
  const east = k * (eta + b1 * Math.cos(2 * xi) * Math.sinh(2 * eta) + b2 * Math.cos(4 * xi) * Math.sinh(4 * eta) + b3 * Math.cos(6 * xi) * Math.sinh(6 * eta) + b4 * Math.cos(8 * xi) * Math.sinh(8 * eta)) + 500_000;
  return [Math.round(north), Math.round(east)];
}

/** A UUID-shaped identifier from the PRNG (Lantmäteriet's objects have UUIDs). */
export function uuid(random: Rng): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const kommunName = (code: string) => KOMMUNER.find((k) => k.code === code)!.name;

function streetsOf(kommunCode: string): string[] {
  if (kommunCode === '0180') return STOCKHOLM_DISTRICTS.flatMap((d) => d.streets);
  if (kommunCode === '1480') return GOTEBORG_DISTRICTS.flatMap((d) => d.streets);
  return COMMON_STREETS;
}

export function adresser(): Table {
  const random = rng('lm-adresser');
  const rows: Cell[][] = [];
  for (const town of TOWNS) {
    const seen = new Set<string>();
    const count = town.kommunCode === '0180' ? 260 : town.kommunCode === '1480' ? 180 : 70;
    while (seen.size < count) {
      const street = random.pick(streetsOf(town.kommunCode));
      const number = `${random.int(1, 80)}${random.chance(0.12) ? random.pick(['A', 'B', 'C']) : ''}`;
      if (seen.has(`${street} ${number}`)) continue;
      seen.add(`${street} ${number}`);
      const [n, e] = toSweref99tm(...scatter(random, town.lat, town.lon, 4));
      rows.push([uuid(random), town.kommunCode, kommunName(town.kommunCode), street, number, postcode(random, town.post).replace(' ', ''), town.name.toUpperCase(), n, e]);
    }
  }
  return { columns: ['objektidentitet', 'kommunkod', 'kommun', 'adressomrade', 'adressplatsnummer', 'postnummer', 'postort', 'n_sweref99tm', 'e_sweref99tm'], rows };
}

const PURPOSES: [string, string, number][] = [
  ['Bostad', 'Småhus friliggande', 34], ['Bostad', 'Småhus radhus', 9], ['Bostad', 'Flerfamiljshus', 12],
  ['Komplementbyggnad', 'Garage', 14], ['Komplementbyggnad', 'Förråd', 11], ['Ekonomibyggnad', 'Lada', 5],
  ['Industri', 'Tillverkning', 4], ['Verksamhet', 'Kontor', 4], ['Verksamhet', 'Handel', 3],
  ['Samhällsfunktion', 'Skola', 2], ['Samhällsfunktion', 'Vård', 1], ['Samhällsfunktion', 'Kyrka', 1],
];

export function byggnader(): Table {
  const random = rng('lm-byggnader');
  const total = PURPOSES.reduce((sum, [, , weight]) => sum + weight, 0);
  const rows: Cell[][] = [];
  for (let i = 0; i < 1_500; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    let roll = random.int(1, total);
    const [kind, purpose] = PURPOSES.find(([, , weight]) => (roll -= weight) <= 0)!;
    const [n, e] = toSweref99tm(...scatter(random, town.lat, town.lon, 8));
    const area = kind === 'Komplementbyggnad' ? random.int(12, 60) : kind === 'Bostad' && purpose !== 'Flerfamiljshus' ? random.int(70, 220) : random.int(150, 4_800);
    rows.push([uuid(random), town.kommunCode, kommunName(town.kommunCode), kind, purpose, kind !== 'Komplementbyggnad', area, n, e]);
  }
  return { columns: ['objektidentitet', 'kommunkod', 'kommun', 'objekttyp', 'andamal', 'huvudbyggnad', 'fotavtryck_m2', 'n_sweref99tm', 'e_sweref99tm'], rows };
}

export function ortnamn(): Table {
  const random = rng('lm-ortnamn');
  const centres: [string, number, number][] = [
    ...TOWNS.map((t): [string, number, number] => [t.kommunCode, t.lat, t.lon]),
    ...Object.entries(STOCKHOLMS_LAN_CENTRES).map(([code, [lat, lon]]): [string, number, number] => [code, lat, lon]),
  ];
  const rows: Cell[][] = [];
  for (let i = 0; i < 1_200; i++) {
    const [code, lat, lon] = random.pick(centres);
    const [suffix, category] = random.pick(PLACE_SUFFIXES);
    const kommun = KOMMUNER.find((k) => k.code === code)!;
    const [n, e] = toSweref99tm(...scatter(random, lat, lon, 25));
    rows.push([`ON${String(400_000 + i * 13).padStart(8, '0')}`, random.pick(PLACE_PREFIXES) + suffix, category, kommun.code, kommun.name, kommun.lanName, n, e]);
  }
  return { columns: ['Ortnamns-ID', 'Namn', 'Kategori', 'Kommunkod', 'Kommun', 'Län', 'N (SWEREF 99 TM)', 'E (SWEREF 99 TM)'], rows };
}

const phone = (random: Rng) => `08-${random.int(500, 799)} ${random.int(10, 99)} ${random.int(10, 99)}`;

interface HealthCentre {
  name: string;
  kommun: string;
  lat: number;
  lon: number;
  district?: string;
}

/** Region Stockholm's invented health centres: one list shared by the centres, survey and beds files. */
export function healthCentres(): HealthCentre[] {
  const random = rng('region-vardcentraler-namn');
  const centres: HealthCentre[] = [];
  const names = new Set<string>();
  const add = (place: string, kommun: string, lat: number, lon: number, count: number, district?: string) => {
    for (let i = 0; i < count; i++) {
      const suffix = ['', ' centrum', ' norra', ' södra', ' strand', ' torg', ' östra', ' västra'][i] ?? ` ${i}`;
      const name = random.pick(['Vårdcentral {p}', '{p} vårdcentral', 'Husläkarmottagning {p}', 'Familjeläkarna {p}']).replace('{p}', place + suffix);
      if (names.has(name)) continue;
      names.add(name);
      const [y, x] = scatter(random, lat, lon, district ? 1.5 : 4);
      centres.push({ name, kommun, lat: y, lon: x, ...(district ? { district } : {}) });
    }
  };
  for (const d of STOCKHOLM_DISTRICTS) add(d.name, 'Stockholm', d.lat, d.lon, random.int(5, 8), d.name);
  for (const [code, [lat, lon]] of Object.entries(STOCKHOLMS_LAN_CENTRES)) if (code !== '0180') add(kommunName(code), kommunName(code), lat, lon, random.int(2, 7));
  return centres;
}

export function vardcentraler(): Table {
  const random = rng('region-vardcentraler');
  return {
    columns: ['Namn', 'Driftsform', 'Adress', 'Postnummer', 'Ort', 'Kommun', 'Telefon', 'Öppettider', 'Latitud', 'Longitud'],
    rows: healthCentres().map((c) => [
      c.name, random.chance(0.35) ? 'Regiondriven' : 'Privat driven, avtal med Region Stockholm', `${random.pick(c.district ? STOCKHOLM_DISTRICTS.find((d) => d.name === c.district)!.streets : COMMON_STREETS)} ${random.int(1, 70)}`,
      postcode(random, c.district ? STOCKHOLM_DISTRICTS.find((d) => d.name === c.district)!.post : [134, 197]), c.district ? 'Stockholm' : c.kommun, c.kommun, phone(random),
      random.pick(['Mån–fre 08:00–17:00', 'Mån–fre 08:00–17:00, tors 08:00–19:00', 'Mån–fre 07:30–16:30', 'Alla dagar 08:00–20:00']), c.lat, c.lon,
    ]),
  };
}

export const HOSPITALS = ['Karolinska Universitetssjukhuset Solna', 'Karolinska Universitetssjukhuset Huddinge', 'Danderyds sjukhus', 'Södersjukhuset', 'S:t Görans sjukhus', 'Södertälje sjukhus', 'Norrtälje sjukhus'];

export function vantetiderAkut(): Table {
  const random = rng('region-vantetider');
  const rows: Cell[][] = [];
  for (const hospital of HOSPITALS) {
    const size = hospital.includes('Södertälje') || hospital.includes('Norrtälje') ? 0.35 : random.float(0.8, 1.3, 2);
    for (const month of monthRange('2022-01', '2025-09')) {
      const winter = ['12', '01', '02'].includes(month.slice(5)) ? 1.15 : 1;
      const visits = Math.round(6_200 * size * winter * random.float(0.9, 1.1, 3));
      const stay = random.int(200, 290) * winter;
      rows.push([hospital, month, visits, random.int(45, 95), Math.round(stay), round(Math.min(95, 100 - stay / 6 + random.float(-4, 4, 1)), 1)]);
    }
  }
  return { columns: ['sjukhus', 'manad', 'besok', 'median_tid_till_lakare_min', 'median_vistelsetid_min', 'andel_klara_inom_4_timmar_procent'], rows };
}

const METRO: [string, number, number][] = [
  ['T-Centralen', 59.3313, 18.0604], ['Slussen', 59.3195, 18.0722], ['Odenplan', 59.3429, 18.0493], ['Fridhemsplan', 59.3322, 18.0293],
  ['Gullmarsplan', 59.2990, 18.0807], ['Medborgarplatsen', 59.3142, 18.0738], ['Hötorget', 59.3353, 18.0634], ['Östermalmstorg', 59.3350, 18.0741],
  ['Tekniska högskolan', 59.3458, 18.0714], ['Universitetet', 59.3654, 18.0546], ['Danderyds sjukhus', 59.3917, 18.0411], ['Ropsten', 59.3573, 18.1020],
  ['Liljeholmen', 59.3105, 18.0232], ['Hornstull', 59.3158, 18.0341], ['Zinkensdamm', 59.3177, 18.0500], ['Mariatorget', 59.3168, 18.0634],
  ['Skanstull', 59.3079, 18.0762], ['Globen', 59.2943, 18.0780], ['Farsta centrum', 59.2434, 18.0932], ['Skärholmen', 59.2772, 17.9070],
  ['Kista', 59.4029, 17.9422], ['Vällingby', 59.3632, 17.8720], ['Hässelby strand', 59.3613, 17.8323], ['Alvik', 59.3336, 17.9803],
  ['Brommaplan', 59.3384, 17.9393], ['Akalla', 59.4148, 17.9127], ['Hjulsta', 59.3967, 17.8881], ['Mörby centrum', 59.3983, 18.0361],
  ['Fruängen', 59.2856, 17.9649], ['Hagsätra', 59.2626, 18.0125], ['Skarpnäck', 59.2667, 18.1333], ['Bagarmossen', 59.2762, 18.1313],
];

export function hallplatser(): Table {
  const random = rng('region-hallplatser');
  const rows: Cell[][] = [];
  const names = new Set<string>();
  let n = 1;
  const push = (name: string, kommun: string, mode: string, lat: number, lon: number) => {
    if (names.has(`${name}|${kommun}`)) return;
    names.add(`${name}|${kommun}`);
    rows.push([`9022001${String(1000 + n++ * 7).padStart(9, '0')}`, name, kommun, mode, lat, lon, random.chance(mode === 'Buss' ? 0.82 : 0.97)]);
  };
  for (const [name, lat, lon] of METRO) push(name, 'Stockholm', 'Tunnelbana', lat, lon);
  for (const d of STOCKHOLM_DISTRICTS) {
    for (let i = 0; i < 26; i++) push(`${random.pick(d.streets)}${random.pick(['', ' norra', ' södra', ' torg', ' skola'])}`, 'Stockholm', 'Buss', ...scatter(random, d.lat, d.lon, 1.8));
  }
  for (const [code, [lat, lon]] of Object.entries(STOCKHOLMS_LAN_CENTRES)) {
    if (code === '0180') continue;
    const kommun = kommunName(code);
    push(`${kommun} station`, kommun, random.chance(0.6) ? 'Pendeltåg' : 'Buss', lat, lon);
    push(`${kommun} centrum`, kommun, 'Buss', ...scatter(random, lat, lon, 0.6));
    for (let i = 0; i < 18; i++) {
      push(`${random.pick(PLACE_PREFIXES)}${random.pick(['vägen', 'torget', 'skolan', ' gård', 'backen', 'gatan', ' vägskäl', 'ängen'])}`, kommun, 'Buss', ...scatter(random, lat, lon, 5));
    }
  }
  return { columns: ['hallplats_id', 'namn', 'kommun', 'trafikslag', 'latitud', 'longitud', 'rullstolsanpassad'], rows };
}

export function patientenkat(): Table {
  const random = rng('region-patientenkat');
  const rows: Cell[][] = [];
  for (const centre of healthCentres()) {
    for (const year of [2023, 2024]) {
      rows.push([centre.name, centre.kommun, year, random.float(72, 93, 1), random.float(80, 96, 1), random.float(55, 88, 1), random.int(60, 420)]);
    }
  }
  return { columns: ['vardcentral', 'kommun', 'ar', 'helhetsintryck_positiva_procent', 'bemotande_positiva_procent', 'tillganglighet_positiva_procent', 'antal_svar'], rows };
}

export function vardplatser(): Table {
  const random = rng('region-vardplatser');
  const rows: Cell[][] = [];
  for (const hospital of HOSPITALS) {
    const beds = hospital.includes('Karolinska') ? random.int(520, 680) : hospital.includes('tälje') ? random.int(110, 160) : random.int(280, 420);
    for (const day of dateRange('2025-07-01', '2025-09-28')) {
      const available = beds - random.int(0, Math.round(beds * (day < '2025-08-15' ? 0.18 : 0.06)));
      const occupied = Math.round(available * random.float(0.88, 1.04, 3));
      rows.push([hospital, day, available, occupied, Math.max(0, occupied - available)]);
    }
  }
  return { columns: ['sjukhus', 'datum', 'disponibla_vardplatser', 'belagda_vardplatser', 'overbelaggningar'], rows };
}

export function resandePerLinje(): Table {
  const random = rng('region-resande');
  const lines: [string, string, number][] = [
    ['10', 'Tunnelbana', 60_000], ['11', 'Tunnelbana', 55_000], ['13', 'Tunnelbana', 150_000], ['14', 'Tunnelbana', 140_000],
    ['17', 'Tunnelbana', 110_000], ['18', 'Tunnelbana', 100_000], ['19', 'Tunnelbana', 120_000], ['40', 'Pendeltåg', 90_000],
    ['41', 'Pendeltåg', 85_000], ['43', 'Pendeltåg', 50_000], ['7', 'Spårväg', 15_000], ['30', 'Spårväg', 25_000],
  ];
  for (const bus of [1, 2, 3, 4, 6, 172, 173, 176, 177, 471, 474, 502, 509, 515, 540, 608, 620, 670, 676, 801]) lines.push([String(bus), 'Buss', random.int(2_000, 32_000)]);
  const rows: Cell[][] = [];
  for (const [line, mode, daily] of lines) {
    for (const month of monthRange('2024-10', '2025-09')) {
      const summer = ['06', '07'].includes(month.slice(5)) ? 0.7 : 1;
      rows.push([line, mode, month, Math.round(daily * 30 * summer * random.float(0.93, 1.07, 3))]);
    }
  }
  return { columns: ['linje', 'trafikslag', 'manad', 'pastigande'], rows };
}
