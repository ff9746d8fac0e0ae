// Stockholms stad's demo datasets: schools and preschools, bathing water, cycling, air quality,
// traffic, parking, libraries, budget, supplier invoices, street trees and fault reports.
import type { DemoDataset } from './demo-catalog.js';
import { csvFile, jsonFile, tableJsonFile } from './demo-files.js';
import { dataset, fileDist, linkDist, PLACES } from './demo-support.js';
import * as c from './demo-tables-city.js';

const STHLM = 'https://start.stockholm';
const OPEN = 'https://dataportalen.stockholm.se';
const place = [PLACES.stockholm];

export const stockholmDatasets: DemoDataset[] = [
  dataset({
    n: 24, slug: 'forskolor', org: 'stockholms-stad',
    title: ['Förskolor i Stockholms stad', 'Preschools in the City of Stockholm'],
    description: [
      'Kommunala och fristående förskolor med adress, stadsdelsområde, antal barn och avdelningar samt koordinater (WGS 84). Uppdateras varje månad från stadens förskoleregister.',
      'Municipal and independent preschools with address, district, number of children and groups, and coordinates (WGS 84).',
    ],
    keywords: [['förskola', 'barnomsorg', 'skola', 'adresser'], ['preschool', 'childcare', 'schools']],
    themes: ['EDUC', 'SOCI'], frequency: 'MONTHLY', issued: '2019-03-14', modified: '2025-11-03',
    temporal: [{ start: '2025-11-01' }], spatial: place, landingPage: `${STHLM}/forskola`,
    conformsTo: ['https://www.dataportal.se/specifications/preschool'],
    distributions: [fileDist(csvFile('forskolor.csv', c.forskolor, ';'), { title: ['Förskolor (CSV)', 'Preschools (CSV)'], licence: 'CC0', conformsTo: ['https://www.dataportal.se/specifications/preschool'] })],
  }),
  dataset({
    n: 25, slug: 'badplatser-och-vattenkvalitet', org: 'stockholms-stad',
    title: ['Badplatser och badvattenkvalitet', 'Bathing sites and bathing water quality'],
    description: [
      'Stadens strandbad och klippbad med läge och service, och resultaten av miljöförvaltningens badvattenprover (E. coli, intestinala enterokocker, vattentemperatur) under badsäsongerna 2023–2025 med bedömning enligt Havs- och vattenmyndighetens föreskrifter.',
      'The city\'s beaches with location and facilities, and bathing water samples for the 2023–2025 seasons with their classification.',
    ],
    keywords: [['badplatser', 'badvatten', 'vattenkvalitet', 'strandbad', 'E. coli'], ['bathing sites', 'water quality', 'beaches']],
    themes: ['ENVI', 'HEAL', 'EDUC'], frequency: 'WEEKLY', issued: '2018-06-01', modified: '2025-08-29',
    temporal: [{ start: '2023-06-01', end: '2025-08-31' }], spatial: place, landingPage: `${STHLM}/idrott-och-motion/bad`,
    conformsTo: ['https://www.dataportal.se/specifications/badplatser'],
    distributions: [
      fileDist(csvFile('badvattenprover-2023-2025.csv', c.badvattenprover), { title: ['Badvattenprover (CSV)', 'Bathing water samples (CSV)'], licence: 'CC0' }),
      fileDist(jsonFile('badplatser.json', c.badplatser), { title: ['Badplatser (JSON)', 'Bathing sites (JSON)'], licence: 'CC0' }),
    ],
  }),
  dataset({
    n: 26, slug: 'cykelparkeringar', org: 'stockholms-stad',
    title: ['Cykelparkeringar', 'Bicycle parking'],
    description: ['Cykelställ, väderskyddade ställ och cykelgarage på stadens mark med antal platser och läge.', 'Bicycle stands, covered stands and bicycle garages on city land, with capacity and location.'],
    keywords: [['cykel', 'cykelparkering', 'cykelställ', 'hållbart resande'], ['cycling', 'bicycle parking']],
    themes: ['TRAN', 'REGI'], frequency: 'MONTHLY', issued: '2020-04-20', modified: '2025-10-30',
    temporal: [{ start: '2025-10-30' }], spatial: place,
    distributions: [fileDist(csvFile('cykelparkeringar.csv', c.cykelparkeringar), { title: ['Cykelparkeringar (CSV)', 'Bicycle parking (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 27, slug: 'luftkvalitet-timvarden', org: 'stockholms-stad',
    title: ['Luftkvalitet, timvärden', 'Air quality, hourly values'],
    description: [
      'Timmedelvärden av kvävedioxid (NO₂), PM10 och PM2,5 från stadens mätstationer i gatunivå och taknivå. Värdena är validerade av SLB-analys; ovaliderade realtidsvärden finns i API:et.',
      'Hourly means of NO₂, PM10 and PM2.5 from the city\'s street-level and rooftop monitoring stations.',
    ],
    keywords: [['luftkvalitet', 'luftföroreningar', 'kvävedioxid', 'partiklar', 'miljö'], ['air quality', 'NO2', 'particulate matter']],
    themes: ['ENVI', 'HEAL'], frequency: 'HOURLY', issued: '2017-01-15', modified: '2025-10-21',
    temporal: [{ start: '2025-10-01', end: '2025-10-20' }], spatial: place, documentation: [`${STHLM}/miljo/luft`],
    distributions: [
      fileDist(csvFile('luftkvalitet-oktober-2025.csv', c.luftkvalitet, ';'), { title: ['Timvärden oktober 2025 (CSV)', 'Hourly values October 2025 (CSV)'], licence: 'CC_BY' }),
      linkDist({ title: ['Realtidsvärden (API)', 'Real-time values (API)'], accessUrl: `${OPEN}/api/luftkvalitet/v1/`, format: 'JSON', mediaType: 'application/json', licence: 'CC_BY', availability: 'AVAILABLE' }),
    ],
  }),
  dataset({
    n: 28, slug: 'trafikfloden', org: 'stockholms-stad',
    title: ['Trafikflöden på stadens gator', 'Traffic flows on city streets'],
    description: [
      'Fordon per dygn, andel tunga fordon och medelhastighet från trafikkontorets mätpunkter, dag för dag. Mätningarna görs med slangar och radar under några veckor per år och plats.',
      'Vehicles per day, share of heavy vehicles and mean speed from the traffic office\'s counting points.',
    ],
    keywords: [['trafik', 'trafikmätning', 'fordon', 'hastighet'], ['traffic', 'traffic counts', 'vehicles']],
    themes: ['TRAN'], frequency: 'MONTHLY', issued: '2016-09-01', modified: '2025-11-04',
    temporal: [{ start: '2025-09-01', end: '2025-10-30' }], spatial: place,
    distributions: [fileDist(csvFile('trafikfloden-hosten-2025.csv', c.trafikfloden), { title: ['Trafikflöden hösten 2025 (CSV)', 'Traffic flows autumn 2025 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 29, slug: 'parkeringsautomater', org: 'stockholms-stad',
    title: ['Parkeringsautomater och taxor', 'Parking meters and tariffs'],
    description: ['Stadens parkeringsautomater med taxa, avgift per timme, avgiftstid, betalsätt och läge.', 'The city\'s parking meters with tariff, hourly fee, charging hours, payment methods and location.'],
    keywords: [['parkering', 'parkeringsautomater', 'taxor', 'avgifter'], ['parking', 'parking meters', 'fees']],
    themes: ['TRAN', 'ECON'], frequency: 'MONTHLY', issued: '2018-02-01', modified: '2025-09-15',
    temporal: [{ start: '2025-09-15' }], spatial: place, landingPage: `${STHLM}/parkering`,
    distributions: [
      fileDist(csvFile('parkeringsautomater.csv', c.parkeringsautomater, ';'), { title: ['Parkeringsautomater (CSV)', 'Parking meters (CSV)'], licence: 'CC0' }),
      fileDist(tableJsonFile('parkeringsautomater.json', c.parkeringsautomater), { title: ['Parkeringsautomater (JSON)', 'Parking meters (JSON)'], licence: 'CC0' }),
    ],
  }),
  dataset({
    n: 30, slug: 'bibliotek-och-oppettider', org: 'stockholms-stad',
    title: ['Stadsbibliotekets bibliotek och öppettider', 'Stockholm Public Library branches and opening hours'],
    description: [
      'Stockholms stadsbiblioteks bibliotek med adress, läge, om biblioteket är meröppet och ordinarie öppettider per veckodag. Avvikande öppettider vid helgdagar ingår inte.',
      'The branches of Stockholm Public Library with address, location, self-service access and regular opening hours.',
    ],
    keywords: [['bibliotek', 'öppettider', 'kultur', 'meröppet'], ['libraries', 'opening hours', 'culture']],
    themes: ['EDUC'], frequency: 'MONTHLY', issued: '2019-11-11', modified: '2025-08-18',
    temporal: [{ start: '2025-08-18' }], spatial: place, landingPage: 'https://biblioteket.stockholm.se/bibliotek',
    distributions: [
      fileDist(jsonFile('bibliotek.json', c.bibliotek), { title: ['Bibliotek med öppettider (JSON)', 'Libraries with opening hours (JSON)'], licence: 'CC0' }),
      fileDist(csvFile('bibliotek-oppettider.csv', c.bibliotekOppettider), { title: ['Öppettider per veckodag (CSV)', 'Opening hours per weekday (CSV)'], licence: 'CC0' }),
    ],
  }),
  dataset({
    n: 31, slug: 'budget-och-utfall', org: 'stockholms-stad',
    title: ['Budget och utfall per nämnd', 'Budget and outcome by committee'],
    description: [
      'Nämndernas budget och utfall i miljoner kronor per kostnadsslag och år, med avvikelse i kronor och procent. Siffrorna kommer från stadens årsredovisningar; 2025 är prognos efter tertial 2.',
      'Budget and outcome of the city\'s committees in million kronor by cost type and year.',
    ],
    keywords: [['budget', 'ekonomi', 'nämnder', 'årsredovisning'], ['budget', 'finance', 'annual report']],
    themes: ['ECON', 'GOVE'], frequency: 'ANNUAL', issued: '2022-04-28', modified: '2025-10-15',
    temporal: [{ start: '2021-01-01', end: '2025-12-31' }], spatial: place,
    distributions: [fileDist(csvFile('budget-och-utfall-2021-2025.csv', c.budgetOchUtfall, ';'), { title: ['Budget och utfall (CSV)', 'Budget and outcome (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 32, slug: 'leverantorsreskontra', org: 'stockholms-stad',
    title: ['Leverantörsreskontra', 'Supplier invoices'],
    description: [
      'Stadens betalda leverantörsfakturor med förvaltning, leverantör, organisationsnummer, konto och belopp exklusive moms. Fakturor från enskilda firmor och skyddade personuppgifter är borttagna.',
      'Paid supplier invoices with department, supplier, company registration number, account and amount excluding VAT.',
    ],
    keywords: [['leverantörsreskontra', 'fakturor', 'inköp', 'insyn'], ['supplier invoices', 'spending', 'transparency']],
    themes: ['ECON', 'GOVE'], frequency: 'MONTHLY', issued: '2017-05-02', modified: '2025-11-05',
    temporal: [{ start: '2025-01-01', end: '2025-10-31' }], spatial: place,
    conformsTo: ['https://www.dataportal.se/specifications/leverantorsreskontra'],
    distributions: [fileDist(csvFile('leverantorsreskontra-2025.csv', c.stockholmInvoices), { title: ['Leverantörsfakturor 2025 (CSV)', 'Supplier invoices 2025 (CSV)'], licence: 'CC0' })],
  }),
  dataset({
    n: 33, slug: 'gatutrad', org: 'stockholms-stad',
    title: ['Gatuträd', 'Street trees'],
    description: ['Träd längs stadens gator och i parker med art (svenskt och latinskt namn), planteringsår, stamomkrets och läge. Trädinventeringen uppdateras löpande av trafikkontoret.', 'Street and park trees with species, planting year, trunk circumference and location.'],
    keywords: [['träd', 'gatuträd', 'grönska', 'stadsmiljö'], ['trees', 'urban greenery']],
    themes: ['ENVI', 'REGI'], frequency: 'UPDATE_CONT', issued: '2021-05-20', modified: '2025-11-12',
    temporal: [{ start: '2021-05-20' }], spatial: place,
    distributions: [fileDist(csvFile('gatutrad.csv', c.gatutrad), { title: ['Gatuträd (CSV)', 'Street trees (CSV)'], licence: 'CC_BY' })],
  }),
  dataset({
    n: 34, slug: 'lekplatser', org: 'stockholms-stad', publish: false,
    title: ['Lekplatser'],
    description: ['Stadens lekplatser med utrustning, tillgänglighet och läge. Utkast: inventeringen av Bromma och Skärholmen är inte klar.'],
    keywords: [['lekplatser', 'parker', 'barn']],
    themes: ['EDUC', 'SOCI'], frequency: 'ANNUAL', issued: '2025-12-15',
    temporal: [{ start: '2025-01-01' }], spatial: place,
    distributions: [],
  }),
  dataset({
    n: 35, slug: 'felanmalningar-gatumiljo', org: 'stockholms-stad', visibility: 'private',
    title: ['Felanmälningar i gatu- och parkmiljö', 'Fault reports in streets and parks'],
    description: [
      'Felanmälningar från invånare om klotter, belysning, potthål, nedskräpning med mera, med status och datum för åtgärd. Intern datamängd tills personuppgiftsgranskningen av fritextfälten är klar.',
      'Residents\' fault reports (graffiti, lighting, potholes, litter …) with status and date fixed. Internal until the free-text review is done.',
    ],
    keywords: [['felanmälan', 'gatumiljö', 'underhåll'], ['fault reports', 'maintenance']],
    themes: ['GOVE', 'REGI'], frequency: 'DAILY', issued: '2025-03-01', modified: '2025-11-28',
    temporal: [{ start: '2025-01-01' }], spatial: place,
    distributions: [fileDist(csvFile('felanmalningar-2025.csv', c.felanmalningar), { title: ['Felanmälningar 2025 (CSV)', 'Fault reports 2025 (CSV)'], licence: 'CC0', availability: 'TEMPORARY' })],
  }),
];
