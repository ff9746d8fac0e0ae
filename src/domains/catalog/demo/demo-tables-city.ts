// Generated tables for Stockholms stad's and Göteborgs Stad's demo files: preschools, bathing water,
// bicycle parking, air quality, traffic counts, parking meters, libraries, budgets, supplier
// invoices, street trees, schools, election results and more. Seeded, so each call returns the
// same table; districts and streets are real, every number and name of a person or firm invented.
import { addDays, dateRange, orgNumber, postcode, rng, round, scatter, type Cell, type Rng, type Table } from './demo-files.js';
import {
  FIRM_PREFIXES, FIRM_TRADES, FIRST_NAMES_F, FIRST_NAMES_M, GOTEBORG_DISTRICTS, NATURE_NAMES, PLACE_PREFIXES, STOCKHOLM_DISTRICTS, SURNAMES,
  type District,
} from './demo-words.js';

const address = (random: Rng, d: District) => `${random.pick(d.streets)} ${random.int(1, 90)}`;

function located(random: Rng, d: District, km = 1.6): [number, number] {
  return scatter(random, d.lat, d.lon, km);
}

export function forskolor(): Table {
  const random = rng('sthlm-forskolor');
  const names = new Set<string>();
  const rows: Cell[][] = [];
  for (const d of STOCKHOLM_DISTRICTS) {
    for (let i = 0; i < 24; i++) {
      const nature = random.pick(NATURE_NAMES);
      const name = [`Förskolan ${nature}`, `Förskolan ${nature} i ${d.name}`, `${random.pick(d.streets)}s förskola`].find((n) => !names.has(n));
      if (!name) continue;
      names.add(name);
      const groups = random.int(2, 7);
      rows.push([name, random.chance(0.62) ? 'Kommunal' : 'Fristående', d.name, address(random, d), postcode(random, d.post), 'Stockholm', groups * random.int(14, 18), groups, ...located(random, d)]);
    }
  }
  return { columns: ['Namn', 'Huvudman', 'Stadsdelsområde', 'Adress', 'Postnummer', 'Ort', 'Antal barn', 'Antal avdelningar', 'Latitud', 'Longitud'], rows };
}

const BATHING: [string, string, number, number][] = [
  ['Smedsuddsbadet', 'Kungsholmen', 59.3232, 18.0162], ['Långholmens strandbad', 'Södermalm', 59.3196, 18.0260], ['Kristinebergs strandbad', 'Kungsholmen', 59.3320, 17.9975],
  ['Fredhällsbadet', 'Kungsholmen', 59.3338, 18.0087], ['Brunnsvikens strandbad', 'Norrmalm', 59.3560, 18.0430], ['Ängsbybadet', 'Bromma', 59.3560, 17.8970],
  ['Hässelby strandbad', 'Hässelby-Vällingby', 59.3700, 17.8120], ['Maltesholmsbadet', 'Hässelby-Vällingby', 59.3660, 17.8500], ['Flatenbadet', 'Skarpnäck', 59.2540, 18.1530],
  ['Drevviksbadet', 'Farsta', 59.2290, 18.1140], ['Sätrastrandsbadet', 'Skärholmen', 59.2810, 17.8950], ['Vintervikens strandbad', 'Hägersten-Älvsjö', 59.3020, 17.9750],
  ['Mälarhöjdsbadet', 'Hägersten-Älvsjö', 59.2980, 17.9570], ['Solviksbadet', 'Bromma', 59.3240, 17.9350], ['Johannelundsbadet', 'Hässelby-Vällingby', 59.3580, 17.8650],
  ['Magelungsbadet', 'Farsta', 59.2350, 18.0800], ['Årstaviken kanotbad', 'Södermalm', 59.3080, 18.0530], ['Tantolundens klippbad', 'Södermalm', 59.3110, 18.0420],
  ['Farstanäsets badplats', 'Farsta', 59.2280, 18.1230], ['Lillsjöbadet', 'Bromma', 59.3490, 17.9300],
];

export function badplatser(): Record<string, Cell>[] {
  const random = rng('sthlm-badplatser');
  return BATHING.map(([name, district, lat, lon]) => ({
    namn: name, stadsdelsomrade: district, latitud: lat, longitud: lon,
    strandtyp: random.pick(['Sandstrand', 'Klippor', 'Gräsyta och brygga', 'Sandstrand och klippor']),
    tillganglighetsanpassad: random.chance(0.4), toalett: random.chance(0.7), livraddning: random.chance(0.2),
  }));
}

export function badvattenprover(): Table {
  const random = rng('sthlm-badvatten');
  const rows: Cell[][] = [];
  for (const year of [2023, 2024, 2025]) {
    for (const [name, district] of BATHING) {
      for (const date of dateRange(`${year}-06-05`, `${year}-08-25`, 14)) {
        const rain = random.chance(0.1);
        const ecoli = rain ? random.int(300, 2_400) : random.int(0, 180);
        const entero = rain ? random.int(90, 700) : random.int(0, 60);
        const verdict = ecoli > 1_000 || entero > 400 ? 'Otjänligt' : ecoli > 500 || entero > 200 ? 'Tjänligt med anmärkning' : 'Tjänligt';
        rows.push([name, district, addDays(date, random.int(0, 2)), ecoli, entero, random.float(16, 24.5, 1), verdict]);
      }
    }
  }
  return { columns: ['badplats', 'stadsdelsomrade', 'provdatum', 'e_coli_cfu_per_100ml', 'enterokocker_cfu_per_100ml', 'vattentemperatur_c', 'bedomning'], rows };
}

export function cykelparkeringar(): Table {
  const random = rng('sthlm-cykelparkeringar');
  const rows: Cell[][] = [];
  for (let i = 0; i < 800; i++) {
    const d = STOCKHOLM_DISTRICTS[i % STOCKHOLM_DISTRICTS.length]!;
    const kind = random.pick(['Cykelställ', 'Cykelställ', 'Cykelställ med ramlåsning', 'Väderskyddat cykelställ', 'Cykelgarage']);
    rows.push([`CP-${String(10_000 + i)}`, address(random, d), d.name, kind, kind === 'Cykelgarage' ? random.int(60, 400) : random.int(4, 40), ...located(random, d)]);
  }
  return { columns: ['id', 'adress', 'stadsdelsomrade', 'typ', 'antal_platser', 'latitud', 'longitud'], rows };
}

const AIR_STATIONS: [string, number, number][] = [['Hornsgatan 108', 1.6, 1.5], ['Sveavägen 59', 1.4, 1.3], ['Essingeleden', 1.5, 1.4], ['Torkel Knutssonsgatan (taknivå)', 0.55, 0.8]];

export function luftkvalitet(): Table {
  const random = rng('sthlm-luftkvalitet');
  const rows: Cell[][] = [];
  for (const day of dateRange('2025-10-01', '2025-10-20')) {
    const weekday = ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    for (const [station, traffic, dust] of AIR_STATIONS) {
      for (let hour = 0; hour < 24; hour++) {
        const rush = weekday && (hour === 7 || hour === 8 || hour === 16 || hour === 17) ? 1.8 : hour < 5 ? 0.45 : 1;
        const no2 = round(Math.max(2, 14 * traffic * rush * random.float(0.7, 1.3, 2)), 1);
        const pm10 = round(Math.max(3, 11 * dust * (weekday ? 1.1 : 0.85) * random.float(0.6, 1.5, 2)), 1);
        rows.push([station, day, `${String(hour).padStart(2, '0')}:00`, no2, pm10, round(pm10 * random.float(0.3, 0.5, 2), 1)]);
      }
    }
  }
  return { columns: ['Station', 'Datum', 'Timme', 'NO2 (µg/m³)', 'PM10 (µg/m³)', 'PM2,5 (µg/m³)'], rows };
}

export function trafikfloden(): Table {
  const random = rng('sthlm-trafik');
  const points = Array.from({ length: 30 }, (_, i) => {
    const d = STOCKHOLM_DISTRICTS[i % STOCKHOLM_DISTRICTS.length]!;
    return { id: `MP${String(1_100 + i * 3)}`, street: random.pick(d.streets), district: d.name, base: random.int(2_500, 38_000) };
  });
  const rows: Cell[][] = [];
  for (const point of points) {
    for (const day of dateRange('2025-09-01', '2025-10-30')) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      rows.push([point.id, point.street, point.district, day, Math.round(point.base * (weekend ? 0.72 : 1) * random.float(0.9, 1.1, 3)), random.float(3, 11, 1), random.int(28, 52)]);
    }
  }
  return { columns: ['matpunkt', 'gata', 'stadsdelsomrade', 'datum', 'fordon_per_dygn', 'andel_tunga_fordon_procent', 'medelhastighet_kmh'], rows };
}

const TARIFFS: [string, number][] = [['Taxa 1', 55], ['Taxa 2', 35], ['Taxa 3', 22], ['Taxa 4', 15], ['Taxa 5', 10]];

export function parkeringsautomater(): Table {
  const random = rng('sthlm-p-automater');
  const rows: Cell[][] = [];
  for (let i = 0; i < 420; i++) {
    const d = STOCKHOLM_DISTRICTS[i % STOCKHOLM_DISTRICTS.length]!;
    const inner = ['Norrmalm', 'Östermalm', 'Kungsholmen', 'Södermalm'].includes(d.name);
    const [tariff, price] = inner ? TARIFFS[random.int(0, 2)]! : TARIFFS[random.int(2, 4)]!;
    rows.push([`PA${String(20_000 + i * 11)}`, random.pick(d.streets), d.name, tariff, price, inner ? 'Alla dagar 07–21' : 'Vardagar 07–19', random.pick(['Kort och app', 'Kort och app', 'Endast app']), ...located(random, d)]);
  }
  return { columns: ['Automat-ID', 'Gata', 'Stadsdelsområde', 'Taxa', 'Avgift (kr/tim)', 'Avgiftstid', 'Betalsätt', 'Latitud', 'Longitud'], rows };
}

const LIBRARIES = [
  'Stadsbiblioteket', 'Medborgarplatsens bibliotek', 'Kungsholmens bibliotek', 'Östermalms bibliotek', 'Hornstulls bibliotek', 'Kista bibliotek',
  'Tensta bibliotek', 'Rinkeby bibliotek', 'Husby bibliotek', 'Hässelby bibliotek', 'Vällingby bibliotek', 'Bromma bibliotek', 'Farsta bibliotek',
  'Högdalens bibliotek', 'Skärholmens bibliotek', 'Liljeholmens bibliotek', 'Aspuddens bibliotek', 'Hägerstensåsens bibliotek', 'Skarpnäcks bibliotek',
  'Årsta bibliotek', 'Enskede bibliotek', 'Älvsjö bibliotek', 'Bagarmossens bibliotek', 'Kärrtorps bibliotek', 'Västertorps bibliotek', 'Vårbergs bibliotek',
];
const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

export function bibliotek(): Record<string, unknown>[] {
  const random = rng('sthlm-bibliotek');
  return LIBRARIES.map((name, i) => {
    const d = STOCKHOLM_DISTRICTS[i % STOCKHOLM_DISTRICTS.length]!;
    const big = i < 6;
    const [lat, lon] = located(random, d, 1);
    const hours = WEEKDAYS.map((day, w) => {
      if (w === 6 && !big && random.chance(0.6)) return { veckodag: day, oppnar: null, stanger: null };
      const open = w >= 5 ? '11:00' : random.pick(['10:00', '11:00', '12:00']);
      const close = w >= 5 ? (big ? '17:00' : '15:00') : random.pick(big ? ['20:00', '21:00'] : ['18:00', '19:00', '20:00']);
      return { veckodag: day, oppnar: open, stanger: close };
    });
    return { namn: name, adress: `${address(random, d)}, ${postcode(random, d.post)} Stockholm`, stadsdelsomrade: d.name, latitud: lat, longitud: lon, meroppet: big || random.chance(0.3), oppettider: hours };
  });
}

export function bibliotekOppettider(): Table {
  const rows: Cell[][] = [];
  for (const library of bibliotek()) {
    for (const day of library.oppettider as { veckodag: string; oppnar: string | null; stanger: string | null }[]) {
      rows.push([library.namn as string, library.adress as string, day.veckodag, day.oppnar, day.stanger]);
    }
  }
  return { columns: ['bibliotek', 'adress', 'veckodag', 'oppnar', 'stanger'], rows };
}

const STHLM_BOARDS = [
  'Kommunstyrelsen', 'Utbildningsnämnden', 'Socialnämnden', 'Trafiknämnden', 'Kulturnämnden', 'Idrottsnämnden', 'Miljö- och hälsoskyddsnämnden',
  'Stadsbyggnadsnämnden', 'Exploateringsnämnden', 'Fastighetsnämnden', 'Äldrenämnden', 'Arbetsmarknadsnämnden', 'Servicenämnden',
  ...STOCKHOLM_DISTRICTS.map((d) => `${d.name} stadsdelsnämnd`),
];

export function budgetOchUtfall(): Table {
  const random = rng('sthlm-budget');
  const rows: Cell[][] = [];
  for (let year = 2021; year <= 2025; year++) {
    for (const board of STHLM_BOARDS) {
      const size = board === 'Utbildningsnämnden' ? 9_000 : board.endsWith('stadsdelsnämnd') ? random.int(1_200, 3_400) : random.int(150, 2_200);
      for (const [kind, share] of [['Personal', 0.52], ['Lokaler', 0.14], ['Köpt verksamhet', 0.24], ['Övrigt', 0.1]] as const) {
        const budget = round(size * share * (1 + (year - 2021) * 0.035), 1);
        const outcome = round(budget * random.float(0.93, 1.06, 3), 1);
        rows.push([year, board, kind, budget, outcome, round(outcome - budget, 1), round(((outcome - budget) / budget) * 100, 1)]);
      }
    }
  }
  return { columns: ['År', 'Nämnd', 'Kostnadsslag', 'Budget (mnkr)', 'Utfall (mnkr)', 'Avvikelse (mnkr)', 'Avvikelse (%)'], rows };
}

const ACCOUNTS: [string, string][] = [
  ['4610', 'Köp av huvudverksamhet'], ['5110', 'Lokalhyror'], ['5410', 'Förbrukningsinventarier'], ['5460', 'Förbrukningsmaterial'],
  ['5610', 'Livsmedel'], ['6110', 'Kontorsmaterial och trycksaker'], ['6420', 'Konsulttjänster'], ['6550', 'IT-tjänster'],
  ['6570', 'Städtjänster'], ['6620', 'Transporter'], ['6910', 'Reparation och underhåll'], ['7010', 'Elenergi'],
];

const STHLM_OFFICES = [
  'Utbildningsförvaltningen', 'Socialförvaltningen', 'Trafikkontoret', 'Kulturförvaltningen', 'Idrottsförvaltningen', 'Miljöförvaltningen',
  'Stadsbyggnadskontoret', 'Exploateringskontoret', 'Fastighetskontoret', 'Äldreförvaltningen', 'Serviceförvaltningen', 'Stadsledningskontoret',
  ...STOCKHOLM_DISTRICTS.map((d) => `${d.name} stadsdelsförvaltning`),
];

export const GBG_OFFICES = [
  'Förskoleförvaltningen', 'Grundskoleförvaltningen', 'Utbildningsförvaltningen', 'Äldre samt vård- och omsorgsförvaltningen', 'Socialförvaltningen Centrum',
  'Socialförvaltningen Hisingen', 'Socialförvaltningen Nordost', 'Socialförvaltningen Sydväst', 'Stadsmiljöförvaltningen', 'Stadsbyggnadsförvaltningen',
  'Kulturförvaltningen', 'Idrotts- och föreningsförvaltningen', 'Fastighetsförvaltningen', 'Stadsledningskontoret', 'Miljöförvaltningen', 'Förvaltningen för inköp och upphandling',
];

/** Supplier invoices of a city: one row per invoice, firms invented with valid-looking org numbers. */
export function leverantorsfakturor(seed: string, offices: string[], from: string, to: string, count: number): Table {
  const random = rng(seed);
  const firms = Array.from({ length: 90 }, () => [`${random.pick(FIRM_PREFIXES)} ${random.pick(FIRM_TRADES)} AB`, orgNumber(random)] as const);
  const days = dateRange(from, to).length;
  const rows: Cell[][] = Array.from({ length: count }, (_, i) => {
    const [firm, number] = random.pick(firms);
    const [account, label] = random.pick(ACCOUNTS);
    const amount = round(Math.exp(random.normal(Math.log(14_000), 1.3)), 2);
    return [`${seed.slice(0, 3).toUpperCase()}${from.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`, addDays(from, Math.floor((i / count) * days)), random.pick(offices), firm, number, account, label, amount];
  });
  return { columns: ['verifikation', 'bokforingsdatum', 'forvaltning', 'leverantor', 'organisationsnummer', 'konto', 'kontobenamning', 'belopp_kr'], rows };
}

export const stockholmInvoices = () => leverantorsfakturor('sthlm-leverantorer', STHLM_OFFICES, '2025-01-01', '2025-10-31', 2_000);

const TREES: [string, string][] = [
  ['Skogslönn', 'Acer platanoides'], ['Parklind', 'Tilia × europaea'], ['Lind', 'Tilia cordata'], ['Skogsalm', 'Ulmus glabra'],
  ['Hästkastanj', 'Aesculus hippocastanum'], ['Vårtbjörk', 'Betula pendula'], ['Skogsek', 'Quercus robur'], ['Rönn', 'Sorbus aucuparia'],
  ['Oxel', 'Sorbus intermedia'], ['Fågelbär', 'Prunus avium'], ['Tysklönn', 'Acer pseudoplatanus'], ['Gatulind', 'Tilia × euchlora'],
];

export function gatutrad(): Table {
  const random = rng('sthlm-gatutrad');
  const rows: Cell[][] = [];
  for (let i = 0; i < 1_500; i++) {
    const d = STOCKHOLM_DISTRICTS[i % STOCKHOLM_DISTRICTS.length]!;
    const [swedish, latin] = random.pick(TREES);
    const planted = random.int(1935, 2024);
    rows.push([`TR${String(500_000 + i)}`, swedish, latin, planted, Math.round((2025 - planted) * random.float(2.4, 3.6, 2) + 15), random.pick(d.streets), d.name, ...located(random, d)]);
  }
  return { columns: ['trad_id', 'art', 'art_latin', 'planteringsar', 'stamomkrets_cm', 'gata', 'stadsdelsomrade', 'latitud', 'longitud'], rows };
}

const FAULTS = ['Klotter', 'Trasig gatubelysning', 'Potthål', 'Nedskräpning', 'Snöröjning och halka', 'Trasig parkbänk', 'Övergivna cyklar'];

export function felanmalningar(): Table {
  const random = rng('sthlm-felanmalningar');
  const rows: Cell[][] = [];
  for (let i = 0; i < 1_200; i++) {
    const d = random.pick(STOCKHOLM_DISTRICTS);
    const received = addDays('2025-01-01', Math.floor(i / 4.2));
    const done = random.chance(0.85);
    rows.push([
      `FA-2025-${String(i + 1).padStart(5, '0')}`, received, random.pick(FAULTS), d.name, random.pick(d.streets),
      done ? 'Åtgärdad' : random.pick(['Mottagen', 'Planerad']), done ? addDays(received, random.int(1, 30)) : null,
    ]);
  }
  return { columns: ['arendenummer', 'inkommet', 'kategori', 'stadsdelsomrade', 'gata', 'status', 'atgardat'], rows };
}

const SCHOOL_PREFIXES = PLACE_PREFIXES.filter((p) => !['Hög', 'Lill', 'Mo'].includes(p));

export function grundskolor(): Table {
  const random = rng('gbg-grundskolor');
  const rows: Cell[][] = [];
  const names = new Set<string>();
  for (const d of GOTEBORG_DISTRICTS) {
    for (let i = 0; i < 9; i++) {
      const fromStreet = `${random.pick(d.streets).replace(/(gatan|vägen|allén|väg|gata)$/, '')}skolan`;
      const prefix = random.pick(SCHOOL_PREFIXES);
      const unique = [fromStreet, `${prefix}skolan`, `${prefix}ängsskolan`, `${prefix}dalsskolan`].find((n) => !names.has(n));
      if (!unique) continue;
      names.add(unique);
      const grades = random.pick(['F–3', 'F–6', 'F–9', '4–9', '7–9']);
      rows.push([String(40_000_000 + random.int(0, 9_999_999)), unique, random.chance(0.78) ? 'Kommunal' : 'Fristående', grades, d.name, address(random, d), postcode(random, d.post), random.int(120, 720), ...located(random, d)]);
    }
  }
  return { columns: ['skolenhetskod', 'namn', 'huvudman', 'arskurser', 'stadsdel', 'adress', 'postnummer', 'antal_elever', 'latitud', 'longitud'], rows };
}

const GBG_PARTIES: [string, number][] = [['S', 29], ['M', 18], ['V', 12], ['SD', 11], ['D', 8], ['MP', 7], ['L', 5], ['C', 4.5], ['KD', 3.5]];

/** Göteborg's council election 2022 per valdistrikt: the file that is exported in Windows-1252. */
export function valresultatGoteborg(): Table {
  const random = rng('gbg-val-2022');
  const rows: Cell[][] = [];
  let n = 0;
  for (const d of GOTEBORG_DISTRICTS) {
    for (let i = 1; i <= 20; i++) {
      n++;
      const voters = random.int(900, 2_100);
      const turnout = random.float(d.name === 'Angered' || d.name === 'Bergsjön' ? 52 : 74, d.name === 'Angered' || d.name === 'Bergsjön' ? 68 : 91, 1);
      const cast = Math.round((voters * turnout) / 100);
      const blank = random.int(2, 14);
      const weights = GBG_PARTIES.map(([, share]) => share * random.float(0.55, 1.5, 3));
      const sum = weights.reduce((a, b) => a + b, 0) + 2;
      const votes = weights.map((w) => Math.floor(((cast - blank) * w) / sum));
      rows.push([`1480${String(n).padStart(4, '0')}`, `${d.name} ${i}`, d.name, voters, turnout, ...votes, cast - blank - votes.reduce((a, b) => a + b, 0), blank]);
    }
  }
  return { columns: ['Valdistriktskod', 'Valdistrikt', 'Stadsdel', 'Röstberättigade', 'Valdeltagande (%)', ...GBG_PARTIES.map(([p]) => p), 'Övriga partier', 'Blanka röster'], rows };
}

export function cykelfloden(): Table {
  const random = rng('gbg-cykel');
  const counters = ['Götaälvbron', 'Hisingsbron', 'Allén', 'Vasagatan', 'Kungsportsavenyn', 'Mölndalsvägen', 'Skånegatan', 'Eriksbergs färjeläge', 'Älvsborgsbron', 'Delsjövägen', 'Backavägen', 'Marieholmsbron'];
  const rows: Cell[][] = [];
  for (const [i, counter] of counters.entries()) {
    const base = random.int(600, 6_500);
    for (const day of dateRange('2025-06-01', '2025-09-28')) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const july = day.slice(5, 7) === '07' ? 0.7 : 1;
      const rain = random.chance(0.22);
      rows.push([`CR${String(i + 1).padStart(2, '0')}`, counter, day, Math.round(base * (weekend ? 0.6 : 1) * july * (rain ? 0.55 : 1) * random.float(0.9, 1.1, 3)), rain]);
    }
  }
  return { columns: ['raknare_id', 'plats', 'datum', 'cyklister', 'nederbord'], rows };
}

export function utegym(): Record<string, Cell>[] {
  const random = rng('gbg-utegym');
  return Array.from({ length: 60 }, (_, i) => {
    const d = GOTEBORG_DISTRICTS[i % GOTEBORG_DISTRICTS.length]!;
    const kind = random.pick(['Utegym', 'Motionsspår', 'Elljusspår', 'Utegym']);
    const [lat, lon] = located(random, d, 2.5);
    return {
      id: `UG${String(i + 1).padStart(3, '0')}`, namn: `${kind} ${random.pick(d.streets).replace(/(gatan|vägen|allén)$/, '')}`, typ: kind, stadsdel: d.name,
      langd_km: kind === 'Utegym' ? null : random.float(1.2, 10, 1), belysning: kind === 'Elljusspår' || random.chance(0.3), latitud: lat, longitud: lon,
    };
  });
}

const ARTWORKS = ['Vågen', 'Möte', 'Ljusbärare', 'Stenfågel', 'Sittande kvinna', 'Hamnarbetaren', 'Rörelse', 'Tid', 'Fontänen', 'Dialog', 'Vindspel', 'Ankaret', 'Flöde', 'Ringar på vattnet', 'Utan titel', 'Älvens röst'];

const MATERIALS = ['Brons', 'Granit', 'Rostfritt stål', 'Keramik', 'Betong', 'Glas och ljus', 'Målning på puts'];

export function offentligKonst(): Table {
  const random = rng('gbg-konst');
  const rows: Cell[][] = [];
  for (let i = 0; i < 250; i++) {
    const d = random.pick(GOTEBORG_DISTRICTS);
    const artist = `${random.pick([...FIRST_NAMES_F, ...FIRST_NAMES_M])} ${random.pick(SURNAMES)}`;
    rows.push([
      `GK${String(1_000 + i)}`, random.pick(ARTWORKS), artist, random.int(1923, 2024), random.pick(MATERIALS),
      random.pick(['Skulptur', 'Relief', 'Väggmålning', 'Installation']), address(random, d), d.name, ...located(random, d),
    ]);
  }
  return { columns: ['verk_id', 'titel', 'konstnar', 'ar', 'material', 'typ', 'plats', 'stadsdel', 'latitud', 'longitud'], rows };
}

export function atervinningsstationer(): Table {
  const random = rng('gbg-atervinning');
  const rows: Cell[][] = [];
  for (let i = 0; i < 180; i++) {
    const d = GOTEBORG_DISTRICTS[i % GOTEBORG_DISTRICTS.length]!;
    const fractions = ['Pappersförpackningar', 'Plastförpackningar', 'Glas', 'Metall', ...(random.chance(0.4) ? ['Tidningar'] : []), ...(random.chance(0.15) ? ['Textil'] : [])];
    rows.push([`${random.pick(d.streets)} ${random.pick(['', 'norra', 'vid torget', 'vid skolan'])}`.trim(), address(random, d), d.name, fractions.join(', '), ...located(random, d)]);
  }
  return { columns: ['Station', 'Adress', 'Stadsdel', 'Fraktioner', 'Latitud', 'Longitud'], rows };
}
