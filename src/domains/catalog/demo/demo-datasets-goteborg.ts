// Göteborgs Stad's demo datasets. The yearly supplier-invoice files form the series
// "Leverantörsfakturor" (see demo-catalog.ts); the election results are the one file exported in
// Windows-1252, the way the city's older election system still writes it.
import type { DemoDataset } from './demo-catalog.js';
import { csvFile, csvFileWindows1252, jsonFile } from './demo-files.js';
import { dataset, demoId, fileDist, linkDist, PLACES } from './demo-support.js';
import * as c from './demo-tables-city.js';

const GBG = 'https://goteborg.se';
const DATA = 'https://data.goteborg.se';
const place = [PLACES.goteborg];
export const GBG_INVOICE_SERIES_ID = demoId('series', 2);

function invoices(n: number, year: number): DemoDataset {
  const last = year === 2025 ? '2025-10-31' : `${year}-12-31`;
  return dataset({
    n, slug: `leverantorsfakturor-${year}`, org: 'goteborgs-stad', seriesId: GBG_INVOICE_SERIES_ID,
    title: [`Leverantörsfakturor ${year}`],
    description: [
      `Göteborgs Stads betalda leverantörsfakturor ${year} från förvaltningarna, med leverantör, organisationsnummer, konto och belopp exklusive moms. Fakturor till enskilda näringsidkare redovisas inte.${year === 2025 ? ' Året är inte avslutat; filen fylls på varje månad.' : ''}`,
    ],
    keywords: [['leverantörsfakturor', 'inköp', 'insyn', 'ekonomi']],
    themes: ['ECON', 'GOVE'], frequency: year === 2025 ? 'MONTHLY' : 'NEVER', issued: year === 2025 ? '2025-02-10' : `${year + 1}-02-15`,
    temporal: [{ start: `${year}-01-01`, end: last }], spatial: place,
    conformsTo: ['https://www.dataportal.se/specifications/leverantorsreskontra'],
    distributions: [
      fileDist(csvFile(`leverantorsfakturor-${year}.csv`, () => c.leverantorsfakturor(`gbg-leverantorer-${year}`, c.GBG_OFFICES, `${year}-01-01`, last, 1_500)), {
        title: [`Leverantörsfakturor ${year} (CSV)`], licence: 'CC0',
      }),
    ],
  });
}

export const goteborgDatasets: DemoDataset[] = [
  invoices(36, 2023),
  invoices(37, 2024),
  invoices(38, 2025),
  dataset({
    n: 39, slug: 'grundskolor', org: 'goteborgs-stad',
    title: ['Grundskolor i Göteborg', 'Compulsory schools in Gothenburg'],
    description: [
      'Kommunala och fristående grundskolor med skolenhetskod, årskurser, antal elever, adress och koordinater. Skolenhetskoden är densamma som i Skolverkets skolenhetsregister.',
      'Municipal and independent compulsory schools with school unit code, grades, pupils, address and coordinates.',
    ],
    keywords: [['grundskola', 'skolor', 'skolval', 'utbildning'], ['schools', 'education']],
    themes: ['EDUC'], frequency: 'ANNUAL', issued: '2020-08-15', modified: '2025-08-20',
    temporal: [{ start: '2025-08-20' }], spatial: place, landingPage: `${GBG}/wps/portal/start/forskola-och-utbildning/grundskola`,
    distributions: [fileDist(csvFile('grundskolor.csv', c.grundskolor), { title: ['Grundskolor (CSV)', 'Schools (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 40, slug: 'valresultat-kommunfullmaktige-2022', org: 'goteborgs-stad',
    title: ['Valresultat kommunfullmäktige 2022 per valdistrikt', 'Municipal council election 2022 by voting district'],
    description: [
      'Röster per parti, blanka röster, röstberättigade och valdeltagande i valet till kommunfullmäktige den 11 september 2022, per valdistrikt. Filen är semikolonseparerad och teckenkodad i Windows-1252, som valsystemet exporterar den.',
      'Votes by party, blank votes, eligible voters and turnout in the 2022 municipal council election, by voting district. The file is semicolon-separated and encoded in Windows-1252.',
    ],
    keywords: [['val', 'kommunfullmäktige', 'valdistrikt', 'valdeltagande'], ['elections', 'municipal council', 'turnout']],
    themes: ['GOVE', 'SOCI'], frequency: 'IRREG', issued: '2022-09-25',
    temporal: [{ start: '2022-09-11', end: '2022-09-11' }], spatial: place,
    distributions: [
      fileDist(csvFileWindows1252('valresultat-kf-2022-per-valdistrikt.csv', c.valresultatGoteborg), {
        title: ['Valresultat per valdistrikt (CSV, Windows-1252)', 'Results by voting district (CSV, Windows-1252)'],
        description: ['Teckenkodning Windows-1252, semikolon som avgränsare och decimalkomma.', 'Windows-1252 encoding, semicolon separator, decimal commas.'],
        licence: 'PDM',
      }),
    ],
  }),
  dataset({
    n: 41, slug: 'cykelfloden', org: 'goteborgs-stad',
    title: ['Cykelflöden från cykelräknare', 'Bicycle counts'],
    description: ['Antal cyklister per dygn vid stadens fasta cykelräknare, med uppgift om nederbörd. Räknarna sitter på broar och huvudcykelstråk.', 'Cyclists per day at the city\'s permanent counters, with a precipitation flag.'],
    keywords: [['cykel', 'cykelräkning', 'trafik', 'hållbart resande'], ['cycling', 'bicycle counts']],
    themes: ['TRAN', 'ENVI'], frequency: 'DAILY', issued: '2019-04-01', modified: '2025-09-29',
    temporal: [{ start: '2025-06-01', end: '2025-09-28' }], spatial: place,
    distributions: [fileDist(csvFile('cykelfloden-sommaren-2025.csv', c.cykelfloden), { title: ['Cykelflöden sommaren 2025 (CSV)', 'Bicycle counts summer 2025 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 42, slug: 'lediga-parkeringsplatser', org: 'goteborgs-stad',
    title: ['Lediga parkeringsplatser i realtid', 'Available parking spaces in real time'],
    description: ['Beläggning och lediga platser i parkeringshus och på större ytparkeringar, uppdaterat varje minut. Kräver en kostnadsfri API-nyckel.', 'Occupancy and free spaces in car parks, updated every minute. Requires a free API key.'],
    keywords: [['parkering', 'realtid', 'API'], ['parking', 'real time', 'API']],
    themes: ['TRAN'], frequency: 'CONT', issued: '2016-05-01', modified: '2025-06-01',
    temporal: [{ start: '2016-05-01' }], spatial: place, documentation: [`${DATA}/ParkingService/v2.1/help`],
    distributions: [
      linkDist({
        title: ['ParkingService (JSON)', 'ParkingService (JSON)'], accessUrl: `${DATA}/ParkingService/v2.1/`, format: 'JSON', mediaType: 'application/json', licence: 'CC_BY',
        documentation: [`${DATA}/ParkingService/v2.1/help`],
      }),
    ],
  }),
  dataset({
    n: 43, slug: 'utegym-och-motionsspar', org: 'goteborgs-stad',
    title: ['Utegym och motionsspår', 'Outdoor gyms and running trails'],
    description: ['Utegym, motionsspår och elljusspår med längd, belysning och läge.', 'Outdoor gyms, running trails and lit trails with length, lighting and location.'],
    keywords: [['utegym', 'motionsspår', 'friluftsliv', 'idrott'], ['outdoor gyms', 'trails', 'sport']],
    themes: ['EDUC', 'HEAL'], frequency: 'ANNUAL', issued: '2021-06-01', modified: '2025-05-12',
    temporal: [{ start: '2025-05-12' }], spatial: place,
    distributions: [fileDist(jsonFile('utegym-och-motionsspar.json', c.utegym), { title: ['Utegym och motionsspår (JSON)', 'Outdoor gyms and trails (JSON)'], licence: 'CC0' })],
  }),
  dataset({
    n: 44, slug: 'offentlig-konst', org: 'goteborgs-stad',
    title: ['Offentlig konst', 'Public art'],
    description: [
      'Konstverk i stadens offentliga miljöer med titel, konstnär, år, material, typ och plats. Uppgifterna får användas fritt för icke-kommersiella ändamål; bilder och texter om verken omfattas av upphovsrätt.',
      'Artworks in the city\'s public spaces. Free for non-commercial use; images and texts about the works are under copyright.',
    ],
    keywords: [['konst', 'offentlig konst', 'skulpturer', 'kultur'], ['public art', 'sculpture', 'culture']],
    themes: ['EDUC'], frequency: 'ANNUAL', issued: '2018-10-01', modified: '2025-03-03',
    temporal: [{ start: '1923-01-01' }], spatial: place, conformsTo: ['https://www.dataportal.se/specifications/offentlig-konst'],
    distributions: [fileDist(csvFile('offentlig-konst.csv', c.offentligKonst), { title: ['Offentlig konst (CSV)', 'Public art (CSV)'], licence: 'CC_BY_NC' })],
  }),
  dataset({
    n: 45, slug: 'atervinningsstationer', org: 'goteborgs-stad',
    title: ['Återvinningsstationer', 'Recycling stations'],
    description: ['Återvinningsstationer för förpackningar och tidningar med adress, fraktioner och läge.', 'Recycling stations for packaging and newspapers with address, materials accepted and location.'],
    keywords: [['återvinning', 'avfall', 'förpackningar', 'kretslopp'], ['recycling', 'waste']],
    themes: ['ENVI'], frequency: 'QUARTERLY', issued: '2019-01-15', modified: '2025-10-01',
    temporal: [{ start: '2025-10-01' }], spatial: place,
    distributions: [fileDist(csvFile('atervinningsstationer.csv', c.atervinningsstationer, ';'), { title: ['Återvinningsstationer (CSV)', 'Recycling stations (CSV)'], licence: 'CC0' })],
  }),
];
