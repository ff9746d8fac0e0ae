// Generated tables for the state bodies' demo files: SCB statistics, Digg's portal figures and
// Systembolaget's sales and shops. Every function seeds its own PRNG, so it returns the same
// table each time; the numbers are invented but of the right size and shape.
import { addDays, dateRange, monthRange, postcode, rng, round, scatter, type Cell, type Table } from './demo-files.js';
import {
  FIRST_NAMES_F, FIRST_NAMES_M, KOMMUNER, LAN, LARGE_POPULATIONS, PLACE_PREFIXES, STOCKHOLMS_LAN_CENTRES, SURNAMES, TOWNS,
  type Kommun,
} from './demo-words.js';

interface KommunBase {
  kommun: Kommun;
  population: number;
  growth: number;
}

/** The same invented base population and yearly growth for every SCB table. */
function kommunBases(): KommunBase[] {
  const random = rng('scb-kommun-bas');
  return KOMMUNER.map((kommun) => {
    const drawn = Math.exp(random.normal(Math.log(14_000), 0.7));
    const generated = Math.round(drawn > 60_000 ? random.int(38_000, 60_000) : Math.max(2_400 + random.int(0, 900), drawn));
    return { kommun, population: LARGE_POPULATIONS[kommun.code] ?? generated, growth: random.float(-0.012, 0.02, 4) };
  });
}

const populationIn = (base: KommunBase, year: number) => Math.round(base.population * (1 + base.growth) ** (year - 2024));

export function folkmangdPerKommun(year: number): Table {
  const random = rng(`scb-folkmangd-${year}`);
  return {
    columns: ['Kommunkod', 'Kommun', 'Länskod', 'Län', 'Kvinnor', 'Män', 'Totalt', 'Förändring (%)'],
    rows: kommunBases().map((base) => {
      const total = populationIn(base, year);
      const women = Math.round(total * random.float(0.485, 0.505, 4));
      const change = round(((total - populationIn(base, year - 1)) / populationIn(base, year - 1)) * 100, 1);
      return [base.kommun.code, base.kommun.name, base.kommun.lanCode, base.kommun.lanName, women, total - women, total, change];
    }),
  };
}

function lanPopulations(): Map<string, number> {
  const totals = new Map<string, number>();
  for (const base of kommunBases()) totals.set(base.kommun.lanCode, (totals.get(base.kommun.lanCode) ?? 0) + base.population);
  return totals;
}

const QUARTERS = ['2023K1', '2023K2', '2023K3', '2023K4', '2024K1', '2024K2', '2024K3', '2024K4', '2025K1', '2025K2'];

export function befolkningsforandringar(): Table {
  const random = rng('scb-befolkningsforandringar');
  const populations = lanPopulations();
  const rows: Cell[][] = [];
  for (const lan of LAN) {
    const pop = populations.get(lan.code)!;
    for (const quarter of QUARTERS) {
      const summer = quarter.endsWith('K3') ? 1.6 : 1;
      const q = (rate: number, factor = 1) => Math.round((pop * rate * factor * random.float(0.92, 1.08, 3)) / 4);
      rows.push([lan.code, lan.name, quarter, q(0.0095), q(0.0088, quarter.endsWith('K1') ? 1.12 : 1), q(0.019, summer), q(0.019, summer), q(0.009), q(0.0045)]);
    }
  }
  return { columns: ['lanskod', 'lan', 'kvartal', 'fodda', 'doda', 'inrikes_inflyttade', 'inrikes_utflyttade', 'invandrade', 'utvandrade'], rows };
}

const WEALTHY = new Set(['0162', '0186', '0160', '1233', '1262', '0187', '0125']);

export function medelinkomstPerKommun(): Table {
  const random = rng('scb-medelinkomst');
  return {
    columns: ['Kommunkod', 'Kommun', 'Medelinkomst (tkr)', 'Medianinkomst (tkr)', 'Antal personer 20 år och äldre'],
    rows: kommunBases().map(({ kommun, population }) => {
      const mean = random.normal(345, 28) * (WEALTHY.has(kommun.code) ? 1.45 : 1);
      return [kommun.code, kommun.name, round(mean, 1), round(mean * random.float(0.84, 0.9, 3), 1), Math.round(population * random.float(0.74, 0.8, 3))];
    }),
  };
}

const PARTIES: [string, number][] = [['S', 30.3], ['SD', 20.5], ['M', 19.1], ['V', 6.8], ['C', 6.7], ['KD', 5.3], ['MP', 5.1], ['L', 4.6]];

export function riksdagsval2022(): Table {
  const random = rng('scb-riksdagsval-2022');
  return {
    columns: ['kommunkod', 'kommun', 'rostberattigade', 'valdeltagande_procent', ...PARTIES.map(([p]) => p), 'ovriga'],
    rows: kommunBases().map(({ kommun, population }) => {
      const raw = PARTIES.map(([, share]) => Math.max(0.8, share * random.float(0.6, 1.45, 3)));
      const scale = 98.4 / raw.reduce((a, b) => a + b, 0);
      const shares = raw.map((share) => round(share * scale, 1));
      const other = round(100 - shares.reduce((a, b) => a + b, 0), 1);
      return [kommun.code, kommun.name, Math.round(population * 0.77), random.float(79, 89.5, 1), ...shares, other];
    }),
  };
}

export function bostadsbestand(): Table {
  const random = rng('scb-bostadsbestand');
  return {
    columns: ['kommunkod', 'kommun', 'smahus', 'flerbostadshus', 'specialbostader', 'ovriga_hus', 'totalt'],
    rows: kommunBases().map(({ kommun, population }) => {
      const total = Math.round(population * random.float(0.44, 0.52, 3));
      const houseShare = population > 100_000 ? random.float(0.18, 0.35, 3) : random.float(0.45, 0.75, 3);
      const houses = Math.round(total * houseShare);
      const special = Math.round(total * random.float(0.02, 0.05, 3));
      const other = Math.round(total * random.float(0.003, 0.012, 4));
      return [kommun.code, kommun.name, houses, total - houses - special - other, special, other, total];
    }),
  };
}

/** Yearly inflation, roughly as Sweden had it. */
function inflation(year: number): number {
  if (year <= 1991) return 0.08;
  if (year <= 2021) return 0.015;
  return ({ 2022: 0.1, 2023: 0.06, 2024: 0.02 } as Record<number, number>)[year] ?? 0.009;
}

export function konsumentprisindex(): Table {
  const random = rng('scb-kpi');
  const months = monthRange('1980-01', '2025-10');
  const index: number[] = [];
  let value = 100;
  for (const month of months) {
    index.push(round(value, 2));
    value *= (1 + inflation(Number(month.slice(0, 4)))) ** (1 / 12) * (1 + random.float(-0.002, 0.002, 5));
  }
  return {
    columns: ['manad', 'kpi_1980_100', 'arsforandring_procent'],
    rows: months.map((month, i) => [month, index[i]!, i >= 12 ? round((index[i]! / index[i - 12]! - 1) * 100, 1) : null]),
  };
}

export function arbetsloshetPerLan(): Table {
  const random = rng('scb-aku');
  const populations = lanPopulations();
  const rows: Cell[][] = [];
  for (const lan of LAN) {
    const level = random.float(5.5, 10.5, 2);
    for (const quarter of [...QUARTERS.slice(-6), '2025K3']) {
      const rate = round(level + random.float(-0.8, 0.8, 2), 1);
      const labourForce = (populations.get(lan.code)! * 0.55) / 1000;
      rows.push([lan.name, quarter, round((labourForce * rate) / 100, 1), rate, random.float(64, 71, 1)]);
    }
  }
  return { columns: ['lan', 'kvartal', 'arbetslosa_tusental', 'arbetsloshet_procent', 'sysselsattningsgrad_procent'], rows };
}

export function kommunindelning(): Table {
  return {
    columns: ['kommunkod', 'kommunnamn', 'lanskod', 'lansnamn'],
    rows: KOMMUNER.map((k) => [k.code, k.name, k.lanCode, k.lanName]),
  };
}

export function utbildningsniva(): Table {
  const random = rng('scb-utbildningsniva');
  const rows: Cell[][] = [];
  for (const { kommun, population } of kommunBases()) {
    for (const sex of ['Kvinnor', 'Män']) {
      const higher = random.float(14, population > 100_000 ? 42 : 26, 1) + (sex === 'Kvinnor' ? 6 : 0);
      const shortHigher = random.float(11, 17, 1);
      const primary = random.float(7, 16, 1);
      rows.push([kommun.code, kommun.name, sex, primary, round(100 - primary - shortHigher - higher, 1), shortHigher, round(higher, 1)]);
    }
  }
  return { columns: ['Kommunkod', 'Kommun', 'Kön', 'Förgymnasial (%)', 'Gymnasial (%)', 'Eftergymnasial kortare än 3 år (%)', 'Eftergymnasial 3 år eller längre (%)'], rows };
}

export function nyproduceradeBostader(): Table {
  const random = rng('scb-nyproduktion');
  const populations = lanPopulations();
  const rows: Cell[][] = [];
  for (const lan of LAN) {
    for (let year = 2015; year <= 2024; year++) {
      const cycle = year >= 2023 ? 0.45 : year >= 2017 && year <= 2021 ? 1.25 : 1;
      const started = Math.round((populations.get(lan.code)! / 1000) * 5.5 * cycle * random.float(0.8, 1.2, 3));
      rows.push([lan.code, lan.name, year, started, Math.round(started * random.float(0.85, 1.1, 3))]);
    }
  }
  return { columns: ['lanskod', 'lan', 'ar', 'paborjade_lagenheter', 'fardigstallda_lagenheter'], rows };
}

export function fornamnNyfodda(): Table {
  const random = rng('scb-fornamn-2024');
  const rows: Cell[][] = [];
  for (const [sex, names] of [['flickor', FIRST_NAMES_F], ['pojkar', FIRST_NAMES_M]] as const) {
    let count = random.int(780, 900);
    names.forEach((name, i) => {
      rows.push([2024, sex, i + 1, name, count]);
      count -= random.int(6, 30);
    });
  }
  return { columns: ['ar', 'kon', 'rang', 'namn', 'antal'], rows };
}

export function dataportalBesok(): Table {
  const random = rng('digg-besok');
  return {
    columns: ['datum', 'besok', 'unika_besokare', 'sidvisningar', 'sokningar', 'nedladdningar'],
    rows: dateRange('2024-01-01', '2025-10-31').map((day, i) => {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const summer = day.slice(5, 7) === '07' ? 0.55 : 1;
      const visits = Math.round((weekday === 0 || weekday === 6 ? 1_900 : 5_200) * summer * (1 + i / 2_000) * random.float(0.85, 1.15, 3));
      return [day, visits, Math.round(visits * random.float(0.7, 0.8, 3)), Math.round(visits * random.float(3.2, 4.4, 2)), Math.round(visits * random.float(0.9, 1.3, 2)), Math.round(visits * random.float(0.08, 0.14, 3))];
    }),
  };
}

/** Public bodies with their domains and the APIs the demo API catalogue invents for them. */
export const API_PUBLISHERS: [string, string, string[]][] = [
  ['Trafikverket', 'trafikverket.se', ['Trafikinformation', 'Vägväder']],
  ['SMHI', 'smhi.se', ['Meteorologiska observationer', 'Hydrologiska prognoser']],
  ['Skatteverket', 'skatteverket.se', ['Kommunalskatter', 'Allmänna helgdagar']],
  ['Bolagsverket', 'bolagsverket.se', ['Värdefulla datamängder', 'Företagsuppgifter']],
  ['Lantmäteriet', 'lantmateriet.se', ['Belägenhetsadresser', 'Ortnamn']],
  ['Statistiska centralbyrån', 'scb.se', ['Statistikdatabasen', 'Regionala indelningar']],
  ['Naturvårdsverket', 'naturvardsverket.se', ['Skyddade områden', 'Utsläpp i siffror']],
  ['Arbetsförmedlingen', 'arbetsformedlingen.se', ['Platsannonser', 'Yrkestaxonomi']],
  ['Riksdagsförvaltningen', 'riksdagen.se', ['Riksdagens dokument', 'Voteringar']],
  ['Jordbruksverket', 'jordbruksverket.se', ['Djurhållning', 'Jordbruksblock']],
  ['Livsmedelsverket', 'livsmedelsverket.se', ['Livsmedelsdatabasen', 'Kontrollrapporter']],
  ['Boverket', 'boverket.se', ['Energideklarationer', 'Planbestämmelser']],
  ['Skolverket', 'skolverket.se', ['Skolenhetsregistret', 'Kursplaner']],
  ['Riksarkivet', 'riksarkivet.se', ['Arkivsök', 'Personregister']],
  ['Sveriges geologiska undersökning', 'sgu.se', ['Brunnar', 'Jordarter']],
  ['Havs- och vattenmyndigheten', 'havochvatten.se', ['Badplatser', 'Vattenförekomster']],
  ['Folkhälsomyndigheten', 'folkhalsomyndigheten.se', ['Vaccinationsstatistik', 'Smittskydd']],
  ['Myndigheten för digital förvaltning', 'digg.se', ['Dataportalens sök', 'Förvaltningsgemensamma specifikationer']],
];

const slugOf = (text: string) => text.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function apiKatalog(): Table {
  const random = rng('digg-api-katalog');
  const rows: Cell[][] = [];
  for (const [organisation, domain, topics] of API_PUBLISHERS) {
    for (const topic of topics) {
      const spec = random.pick(['OpenAPI 3.0', 'OpenAPI 3.1', 'OGC API Features', 'REST/JSON utan specifikation', 'SOAP/WSDL']);
      rows.push([
        `${slugOf(organisation).slice(0, 12)}-${slugOf(topic)}`, organisation, topic, `https://api.${domain}/${slugOf(topic)}/v${random.int(1, 3)}`,
        spec, random.pick(['JSON', 'JSON, XML', 'GeoJSON', 'XML']), random.pick(['CC0 1.0', 'CC0 1.0', 'CC BY 4.0', 'Villkor saknas']),
        random.chance(0.2) ? 'Ja' : 'Nej', addDays('2025-01-15', random.int(0, 280)),
      ]);
    }
  }
  return { columns: ['id', 'organisation', 'namn', 'bas_url', 'specifikation', 'format', 'licens', 'kraver_nyckel', 'senast_granskad'], rows };
}

export function datamangderPerOrganisation(): Table {
  const random = rng('digg-datamangder');
  const special: Record<string, string> = { Stockholm: 'Stockholms stad', Göteborg: 'Göteborgs Stad', Malmö: 'Malmö stad' };
  const orgs: [string, string][] = [
    ...KOMMUNER.filter((k) => LARGE_POPULATIONS[k.code] || random.chance(0.55)).map((k): [string, string] => [special[k.name] ?? `${k.name} kommun`, 'Kommun']),
    ...LAN.map((l): [string, string] => [`Region ${l.name.replace(/s? län$/, '')}`, 'Region']),
    ...API_PUBLISHERS.map(([name]): [string, string] => [name, 'Statlig myndighet']),
  ];
  return {
    columns: ['Organisation', 'Organisationstyp', 'Antal datamängder', 'Varav värdefulla datamängder', 'Antal API:er', 'Senast publicerad'],
    rows: orgs.map(([name, type]) => {
      const datasets = type === 'Statlig myndighet' ? random.int(8, 420) : random.int(0, type === 'Region' ? 60 : 140);
      return [name, type, datasets, type === 'Statlig myndighet' ? random.int(0, Math.min(25, datasets)) : random.int(0, Math.min(3, datasets)), random.int(0, Math.ceil(datasets / 12)), addDays('2024-06-01', random.int(0, 500))];
    }),
  };
}

export function digitalMognad(): Table {
  const random = rng('digg-mognad');
  const rows: Cell[][] = [];
  for (const year of [2023, 2024, 2025]) {
    for (const type of ['Statlig myndighet', 'Kommun', 'Region', 'Statligt bolag']) {
      for (const dimension of ['Strategi och ledning', 'Informationsförsörjning', 'Öppna data', 'Digital kompetens', 'Informationssäkerhet', 'Användarfokus', 'Infrastruktur']) {
        rows.push([year, type, dimension, round(random.float(2.1, 3.6, 2) + (year - 2023) * 0.1, 2), random.int(18, 210)]);
      }
    }
  }
  return { columns: ['ar', 'organisationstyp', 'dimension', 'medelvarde_1_till_5', 'antal_svar'], rows };
}

const DRINK_GROUPS: [string, number][] = [['Öl', 4.2], ['Vin', 12.8], ['Sprit', 38], ['Cider och blanddrycker', 5.1], ['Alkoholfritt', 0.3]];

export function alkoholforsaljningPerLan(): Table {
  const random = rng('systembolaget-forsaljning');
  const populations = lanPopulations();
  const rows: Cell[][] = [];
  for (let year = 2020; year <= 2024; year++) {
    for (const lan of LAN) {
      const adults = populations.get(lan.code)! * 0.83;
      for (const [group, strength] of DRINK_GROUPS) {
        const perCapita = { 'Öl': 22, 'Vin': 19, 'Sprit': 2.4, 'Cider och blanddrycker': 4.5, 'Alkoholfritt': 1.1 }[group]! * random.float(0.8, 1.2, 3) * (year === 2020 ? 1.08 : 1);
        const litres = Math.round(adults * perCapita);
        rows.push([year, lan.name, group, litres, Math.round((litres * strength) / 100), round(perCapita, 2)]);
      }
    }
  }
  return { columns: ['År', 'Län', 'Varugrupp', 'Liter', 'Liter ren alkohol', 'Liter per invånare 15 år och äldre'], rows };
}

type StorePlace = [town: string, kommunCode: string, lat: number, lon: number, stores: number, post: [number, number]];

const storePlaces = (): StorePlace[] => [
  ...TOWNS.map((t): StorePlace => [t.name, t.kommunCode, t.lat, t.lon, t.kommunCode === '0180' ? 40 : t.kommunCode === '1480' ? 25 : 7, t.post]),
  ...Object.entries(STOCKHOLMS_LAN_CENTRES)
    .filter(([code]) => code !== '0180')
    .map(([code, [lat, lon]]): StorePlace => [KOMMUNER.find((k) => k.code === code)!.name, code, lat, lon, 3, [134, 197]]),
];

export function systembolagetButiker(): Table {
  const random = rng('systembolaget-butiker');
  const rows: Cell[][] = [];
  let number = 101;
  for (const [town, code, lat, lon, count, post] of storePlaces()) {
    const kommun = KOMMUNER.find((k) => k.code === code)!;
    for (let i = 0; i < count; i++) {
      const agent = random.chance(0.15);
      const street = random.pick(['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Järnvägsgatan', 'Köpmangatan', 'Handelsvägen', 'Centrumgången', 'Torggatan']);
      const [y, x] = scatter(random, lat, lon, count > 10 ? 6 : 2.5);
      rows.push([
        String(number++).padStart(4, '0'), agent ? `Ombud ${town} ${random.pick(PLACE_PREFIXES)}byns handel` : `${town}, ${street}`, agent ? 'Ombud' : 'Butik',
        `${street} ${random.int(1, 60)}`, postcode(random, post), town, kommun.name, kommun.lanName, y, x,
        agent ? null : random.pick(['10:00–19:00', '10:00–20:00', '09:00–19:00']), agent ? null : random.pick(['10:00–15:00', '10:00–16:00']),
      ]);
    }
  }
  return { columns: ['butiksnummer', 'namn', 'typ', 'adress', 'postnummer', 'ort', 'kommun', 'lan', 'latitud', 'longitud', 'oppettider_vardag', 'oppettider_lordag'], rows };
}

const PRODUCT_WORDS = ['Fjällvind', 'Skärgård', 'Midsommar', 'Norrsken', 'Kvarnbäck', 'Gotlands', 'Österlen', 'Högkusten', 'Ek & Ljung', 'Lövhyddan', 'Sjöbris', 'Tallmo'];
const PRODUCT_KINDS: [string, string, number, number, [number, number], string[]][] = [
  ['Öl', 'Ljus lager', 330, 5.2, [16, 34], ['Sverige', 'Tyskland', 'Tjeckien', 'Danmark']],
  ['Öl', 'India pale ale', 330, 6.5, [26, 49], ['Sverige', 'Storbritannien', 'USA']],
  ['Vin', 'Rött vin', 750, 13.5, [89, 289], ['Italien', 'Frankrike', 'Spanien', 'Chile', 'Sydafrika']],
  ['Vin', 'Vitt vin', 750, 12.5, [85, 249], ['Tyskland', 'Frankrike', 'Österrike', 'Nya Zeeland']],
  ['Vin', 'Mousserande vin', 750, 11.5, [99, 449], ['Frankrike', 'Italien', 'Spanien']],
  ['Sprit', 'Akvavit', 700, 38, [259, 399], ['Sverige', 'Danmark', 'Norge']],
  ['Sprit', 'Whisky', 700, 43, [349, 899], ['Skottland', 'Sverige', 'Irland']],
  ['Cider och blanddrycker', 'Cider', 330, 4.5, [18, 29], ['Sverige', 'Frankrike']],
  ['Alkoholfritt', 'Alkoholfri must', 750, 0, [49, 89], ['Sverige', 'Tyskland']],
];

export function systembolagetSortiment(): Record<string, Cell>[] {
  const random = rng('systembolaget-sortiment');
  return Array.from({ length: 420 }, (_, i) => {
    const [group, kind, volume, strength, [low, high], countries] = random.pick(PRODUCT_KINDS);
    return {
      artikelnummer: String(100_000 + i * 37 + random.int(0, 30)),
      namn: `${random.pick(PRODUCT_WORDS)} ${kind.toLowerCase()}`,
      producent: `${random.pick(SURNAMES)}s ${group === 'Vin' ? 'vingård' : group === 'Sprit' ? 'destilleri' : 'bryggeri'}`,
      varugrupp: group,
      typ: kind,
      land: random.pick(countries),
      volym_ml: volume,
      alkoholhalt_procent: strength === 0 ? 0 : round(strength + random.float(-0.7, 0.7, 1), 1),
      pris_kr: random.int(low, high) + 0.9,
      ekologisk: random.chance(0.22),
      lanseringsdatum: addDays('2019-03-01', random.int(0, 2_400)),
    };
  });
}

export function forsaljningPerVecka(): Table {
  const random = rng('systembolaget-vecka');
  const rows: Cell[][] = [];
  for (let week = 1; week <= 52; week++) {
    for (const [group] of DRINK_GROUPS) {
      const season = week >= 25 && week <= 32 ? 1.35 : week >= 50 ? 1.5 : 1;
      rows.push([`2025-V${String(week).padStart(2, '0')}`, group, Math.round({ 'Öl': 9e6, 'Vin': 4.4e6, 'Sprit': 0.55e6, 'Cider och blanddrycker': 1.1e6, 'Alkoholfritt': 0.3e6 }[group]! * season * random.float(0.9, 1.1, 3))]);
    }
  }
  return { columns: ['vecka', 'varugrupp', 'liter'], rows };
}

