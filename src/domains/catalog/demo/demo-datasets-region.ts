// Region Stockholm's demo datasets: health centres, emergency waiting times, patient survey,
// hospital beds (private), public-transport stops and ridership (draft).
import type { DemoDataset } from './demo-catalog.js';
import { csvFile } from './demo-files.js';
import { dataset, fileDist, linkDist, PLACES } from './demo-support.js';
import * as geo from './demo-tables-geo.js';

const RS = 'https://www.regionstockholm.se';
const place = [PLACES.stockholmsLan];

export const regionDatasets: DemoDataset[] = [
  dataset({
    n: 46, slug: 'vardcentraler', org: 'region-stockholm',
    title: ['Vårdcentraler i Stockholms län', 'Primary care centres in Stockholm County'],
    description: [
      'Vårdcentraler och husläkarmottagningar med driftsform, adress, telefon, öppettider och koordinater. Både regiondrivna och privata mottagningar med avtal med Region Stockholm ingår.',
      'Primary care centres with operator type, address, phone, opening hours and coordinates.',
    ],
    keywords: [['vårdcentral', 'primärvård', 'husläkare', 'hälso- och sjukvård'], ['primary care', 'health centres']],
    themes: ['HEAL'], frequency: 'MONTHLY', issued: '2018-09-01', modified: '2025-11-01',
    temporal: [{ start: '2025-11-01' }], spatial: place, landingPage: `${RS}/halsa-och-vard/hitta-vard`,
    distributions: [fileDist(csvFile('vardcentraler.csv', geo.vardcentraler, ';'), { title: ['Vårdcentraler (CSV)', 'Primary care centres (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 47, slug: 'vantetider-akutmottagningar', org: 'region-stockholm',
    title: ['Väntetider på akutmottagningarna', 'Waiting times at emergency departments'],
    description: [
      'Besök, mediantid till första läkarbedömning, median total vistelsetid och andel patienter som var klara inom fyra timmar, per akutmottagning och månad.',
      'Visits, median time to first physician assessment, median length of stay and share done within four hours, by emergency department and month.',
    ],
    keywords: [['väntetider', 'akutmottagning', 'sjukhus', 'tillgänglighet'], ['waiting times', 'emergency', 'hospitals']],
    themes: ['HEAL'], frequency: 'MONTHLY', issued: '2020-02-01', modified: '2025-10-10',
    temporal: [{ start: '2022-01-01', end: '2025-09-30' }], spatial: place,
    distributions: [fileDist(csvFile('vantetider-akut.csv', geo.vantetiderAkut), { title: ['Väntetider per månad (CSV)', 'Waiting times by month (CSV)'], licence: 'CC_BY' })],
  }),
  dataset({
    n: 48, slug: 'kollektivtrafikens-hallplatser', org: 'region-stockholm',
    title: ['Kollektivtrafikens hållplatser', 'Public transport stops'],
    description: [
      'Hållplatser och stationer i SL-trafiken med id, namn, kommun, trafikslag, koordinater och om hållplatsen är tillgänglighetsanpassad. Samma id som i GTFS Regional; tidtabellerna finns i GTFS-filen.',
      'Stops and stations in SL traffic with id, name, municipality, mode, coordinates and step-free access. Same ids as in GTFS Regional.',
    ],
    keywords: [['kollektivtrafik', 'hållplatser', 'SL', 'GTFS', 'tillgänglighet'], ['public transport', 'stops', 'GTFS']],
    themes: ['TRAN', 'REGI'], frequency: 'WEEKLY', issued: '2017-03-01', modified: '2025-11-24',
    temporal: [{ start: '2025-11-24' }], spatial: place, conformsTo: ['https://gtfs.org/schedule/reference/'],
    distributions: [
      fileDist(csvFile('hallplatser.csv', geo.hallplatser), { title: ['Hållplatser (CSV)', 'Stops (CSV)'], licence: 'CC0' }),
      linkDist({
        title: ['Tidtabeller (GTFS, ZIP)', 'Timetables (GTFS, ZIP)'], accessUrl: `${RS}/kollektivtrafik/oppna-data`,
        downloadUrl: `${RS}/kollektivtrafik/oppna-data/gtfs/sl.zip`, format: 'ZIP', mediaType: 'application/zip', licence: 'CC0', conformsTo: ['https://gtfs.org/schedule/reference/'],
      }),
    ],
  }),
  dataset({
    n: 49, slug: 'patientenkat-primarvard', org: 'region-stockholm',
    title: ['Nationell patientenkät, primärvård', 'National patient survey, primary care'],
    description: [
      'Andel positiva svar om helhetsintryck, bemötande och tillgänglighet per vårdcentral och år, med antal svar. Resultaten från enkäter med färre än 30 svar redovisas inte. Enkätfrågorna är upphovsrättsskyddade och får inte återanvändas kommersiellt.',
      'Share of positive answers on overall impression, treatment and access per primary care centre and year. Non-commercial use only.',
    ],
    keywords: [['patientenkät', 'patientupplevelse', 'primärvård', 'kvalitet'], ['patient survey', 'primary care', 'quality']],
    themes: ['HEAL'], frequency: 'BIENNIAL', issued: '2023-11-15', modified: '2025-03-20',
    temporal: [{ start: '2023-01-01', end: '2024-12-31' }], spatial: place,
    distributions: [fileDist(csvFile('patientenkat-primarvard.csv', geo.patientenkat), { title: ['Patientenkät per vårdcentral (CSV)', 'Survey by centre (CSV)'], licence: 'CC_BY_NC' })],
  }),
  dataset({
    n: 50, slug: 'vardplatser-per-sjukhus', org: 'region-stockholm', visibility: 'private',
    title: ['Disponibla och belagda vårdplatser per sjukhus'],
    description: ['Disponibla och belagda vårdplatser samt överbeläggningar per akutsjukhus och dag. Intern uppföljning för regionens beredskapsfunktion; publiceras inte öppet förrän regionen beslutat om aggregering.'],
    keywords: [['vårdplatser', 'beläggning', 'sjukhus', 'beredskap']],
    themes: ['HEAL'], frequency: 'DAILY', issued: '2025-07-01', modified: '2025-09-29',
    temporal: [{ start: '2025-07-01', end: '2025-09-28' }], spatial: place,
    distributions: [fileDist(csvFile('vardplatser-sommaren-2025.csv', geo.vardplatser), { title: ['Vårdplatser sommaren 2025 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 51, slug: 'resande-per-linje', org: 'region-stockholm', publish: false,
    title: ['Påstigande resenärer per linje och månad'],
    description: ['Antal påstigande per linje och månad i tunnelbana, pendeltåg, spårväg och de största busslinjerna. Utkast: räkningen från de automatiska trafikanträknarna valideras.'],
    keywords: [['resande', 'kollektivtrafik', 'SL', 'linjer']],
    themes: ['TRAN'], frequency: 'MONTHLY', issued: '2025-12-01',
    temporal: [{ start: '2024-10-01', end: '2025-09-30' }], spatial: place,
    distributions: [fileDist(csvFile('resande-per-linje.csv', geo.resandePerLinje), { title: ['Resande per linje (CSV)'], licence: 'CC0', status: 'DEVELOP', availability: 'EXPERIMENTAL' })],
  }),
];
