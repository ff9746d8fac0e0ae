// Shared Swedish vocabulary for the demo catalog's generated files: the 21 län and 290 kommuner with
// their official codes, towns and city districts with approximate coordinates and postcodes, street
// names, first names and surnames. Codes, names and places are real; people, firms and every number
// the generators derive from them are invented.

export interface Lan {
  code: string;
  name: string;
}

export interface Kommun {
  /** The four-digit municipality code (länskod + two digits). */
  code: string;
  name: string;
  lanCode: string;
  lanName: string;
}

/** Per län: code, name and its kommuner as 'NN Name' (the last two digits of the code), '|'-separated. */
const KOMMUN_TABLE: [string, string, string[]][] = [
  ['01', 'Stockholms län', [
    '14 Upplands Väsby|15 Vallentuna|17 Österåker|20 Värmdö|23 Järfälla|25 Ekerö|26 Huddinge|27 Botkyrka|28 Salem|36 Haninge|38 Tyresö|39 Upplands-Bro',
    '40 Nykvarn|60 Täby|62 Danderyd|63 Sollentuna|80 Stockholm|81 Södertälje|82 Nacka|83 Sundbyberg|84 Solna|86 Lidingö|87 Vaxholm|88 Norrtälje',
    '91 Sigtuna|92 Nynäshamn',
  ]],
  ['03', 'Uppsala län', [
    '05 Håbo|19 Älvkarleby|30 Knivsta|31 Heby|60 Tierp|80 Uppsala|81 Enköping|82 Östhammar',
  ]],
  ['04', 'Södermanlands län', [
    '28 Vingåker|61 Gnesta|80 Nyköping|81 Oxelösund|82 Flen|83 Katrineholm|84 Eskilstuna|86 Strängnäs|88 Trosa',
  ]],
  ['05', 'Östergötlands län', [
    '09 Ödeshög|12 Ydre|13 Kinda|60 Boxholm|61 Åtvidaberg|62 Finspång|63 Valdemarsvik|80 Linköping|81 Norrköping|82 Söderköping|83 Motala|84 Vadstena',
    '86 Mjölby',
  ]],
  ['06', 'Jönköpings län', [
    '04 Aneby|17 Gnosjö|42 Mullsjö|43 Habo|62 Gislaved|65 Vaggeryd|80 Jönköping|82 Nässjö|83 Värnamo|84 Sävsjö|85 Vetlanda|86 Eksjö',
    '87 Tranås',
  ]],
  ['07', 'Kronobergs län', [
    '60 Uppvidinge|61 Lessebo|63 Tingsryd|64 Alvesta|65 Älmhult|67 Markaryd|80 Växjö|81 Ljungby',
  ]],
  ['08', 'Kalmar län', [
    '21 Högsby|34 Torsås|40 Mörbylånga|60 Hultsfred|61 Mönsterås|62 Emmaboda|80 Kalmar|81 Nybro|82 Oskarshamn|83 Västervik|84 Vimmerby|85 Borgholm',
  ]],
  ['09', 'Gotlands län', [
    '80 Gotland',
  ]],
  ['10', 'Blekinge län', [
    '60 Olofström|80 Karlskrona|81 Ronneby|82 Karlshamn|83 Sölvesborg',
  ]],
  ['12', 'Skåne län', [
    '14 Svalöv|30 Staffanstorp|31 Burlöv|33 Vellinge|56 Östra Göinge|57 Örkelljunga|60 Bjuv|61 Kävlinge|62 Lomma|63 Svedala|64 Skurup|65 Sjöbo',
    '66 Hörby|67 Höör|70 Tomelilla|72 Bromölla|73 Osby|75 Perstorp|76 Klippan|77 Åstorp|78 Båstad|80 Malmö|81 Lund|82 Landskrona',
    '83 Helsingborg|84 Höganäs|85 Eslöv|86 Ystad|87 Trelleborg|90 Kristianstad|91 Simrishamn|92 Ängelholm|93 Hässleholm',
  ]],
  ['13', 'Hallands län', [
    '15 Hylte|80 Halmstad|81 Laholm|82 Falkenberg|83 Varberg|84 Kungsbacka',
  ]],
  ['14', 'Västra Götalands län', [
    '01 Härryda|02 Partille|07 Öckerö|15 Stenungsund|19 Tjörn|21 Orust|27 Sotenäs|30 Munkedal|35 Tanum|38 Dals-Ed|39 Färgelanda|40 Ale',
    '41 Lerum|42 Vårgårda|43 Bollebygd|44 Grästorp|45 Essunga|46 Karlsborg|47 Gullspång|52 Tranemo|60 Bengtsfors|61 Mellerud|62 Lilla Edet|63 Mark',
    '65 Svenljunga|66 Herrljunga|70 Vara|71 Götene|72 Tibro|73 Töreboda|80 Göteborg|81 Mölndal|82 Kungälv|84 Lysekil|85 Uddevalla|86 Strömstad',
    '87 Vänersborg|88 Trollhättan|89 Alingsås|90 Borås|91 Ulricehamn|92 Åmål|93 Mariestad|94 Lidköping|95 Skara|96 Skövde|97 Hjo|98 Tidaholm',
    '99 Falköping',
  ]],
  ['17', 'Värmlands län', [
    '15 Kil|30 Eda|37 Torsby|60 Storfors|61 Hammarö|62 Munkfors|63 Forshaga|64 Grums|65 Årjäng|66 Sunne|80 Karlstad|81 Kristinehamn',
    '82 Filipstad|83 Hagfors|84 Arvika|85 Säffle',
  ]],
  ['18', 'Örebro län', [
    '14 Lekeberg|60 Laxå|61 Hallsberg|62 Degerfors|63 Hällefors|64 Ljusnarsberg|80 Örebro|81 Kumla|82 Askersund|83 Karlskoga|84 Nora|85 Lindesberg',
  ]],
  ['19', 'Västmanlands län', [
    '04 Skinnskatteberg|07 Surahammar|60 Kungsör|61 Hallstahammar|62 Norberg|80 Västerås|81 Sala|82 Fagersta|83 Köping|84 Arboga',
  ]],
  ['20', 'Dalarnas län', [
    '21 Vansbro|23 Malung-Sälen|26 Gagnef|29 Leksand|31 Rättvik|34 Orsa|39 Älvdalen|61 Smedjebacken|62 Mora|80 Falun|81 Borlänge|82 Säter',
    '83 Hedemora|84 Avesta|85 Ludvika',
  ]],
  ['21', 'Gävleborgs län', [
    '01 Ockelbo|04 Hofors|21 Ovanåker|32 Nordanstig|61 Ljusdal|80 Gävle|81 Sandviken|82 Söderhamn|83 Bollnäs|84 Hudiksvall',
  ]],
  ['22', 'Västernorrlands län', [
    '60 Ånge|62 Timrå|80 Härnösand|81 Sundsvall|82 Kramfors|83 Sollefteå|84 Örnsköldsvik',
  ]],
  ['23', 'Jämtlands län', [
    '03 Ragunda|05 Bräcke|09 Krokom|13 Strömsund|21 Åre|26 Berg|61 Härjedalen|80 Östersund',
  ]],
  ['24', 'Västerbottens län', [
    '01 Nordmaling|03 Bjurholm|04 Vindeln|09 Robertsfors|17 Norsjö|18 Malå|21 Storuman|22 Sorsele|25 Dorotea|60 Vännäs|62 Vilhelmina|63 Åsele',
    '80 Umeå|81 Lycksele|82 Skellefteå',
  ]],
  ['25', 'Norrbottens län', [
    '05 Arvidsjaur|06 Arjeplog|10 Jokkmokk|13 Överkalix|14 Kalix|18 Övertorneå|21 Pajala|23 Gällivare|60 Älvsbyn|80 Luleå|81 Piteå|82 Boden',
    '83 Haparanda|84 Kiruna',
  ]],
];

export const LAN: Lan[] = KOMMUN_TABLE.map(([code, name]) => ({ code, name }));

export const KOMMUNER: Kommun[] = KOMMUN_TABLE.flatMap(([lanCode, lanName, chunks]) =>
  chunks
    .join('|')
    .split('|')
    .map((item) => ({ code: lanCode + item.slice(0, 2), name: item.slice(3), lanCode, lanName })),
);

/** Rounded populations of the largest kommuner (the generators invent the others, 2,400–60,000). */
export const LARGE_POPULATIONS: Readonly<Record<string, number>> = {
  '0180': 988_000, '1480': 604_000, '1280': 362_000, '0380': 245_000, '0580': 167_000, '1980': 160_000,
  '1880': 158_000, '1283': 151_000, '0680': 146_000, '0581': 145_000, '2480': 132_000, '1281': 128_000,
  '0126': 115_000, '1490': 114_000, '0182': 109_000, '0484': 108_000, '0181': 104_000, '2180': 103_000,
  '2281': 100_000, '0780': 97_000, '0127': 96_000, '1780': 95_000, '0136': 94_000, '0123': 85_000,
  '0184': 86_000, '1290': 87_000, '2580': 80_000, '0163': 76_000, '0160': 75_000, '1383': 68_000,
};

export interface Town {
  kommunCode: string;
  name: string;
  lat: number;
  lon: number;
  /** The range of the first three postcode digits. */
  post: [number, number];
}

export const TOWNS: Town[] = [
  { kommunCode: '0180', name: 'Stockholm', lat: 59.3293, lon: 18.0686, post: [111, 129] },
  { kommunCode: '1480', name: 'Göteborg', lat: 57.7072, lon: 11.9668, post: [411, 426] },
  { kommunCode: '1280', name: 'Malmö', lat: 55.605, lon: 13.0038, post: [211, 218] },
  { kommunCode: '0380', name: 'Uppsala', lat: 59.8586, lon: 17.6389, post: [751, 757] },
  { kommunCode: '0580', name: 'Linköping', lat: 58.4108, lon: 15.6214, post: [582, 589] },
  { kommunCode: '1880', name: 'Örebro', lat: 59.2753, lon: 15.2134, post: [702, 703] },
  { kommunCode: '1980', name: 'Västerås', lat: 59.6099, lon: 16.5448, post: [721, 725] },
  { kommunCode: '0680', name: 'Jönköping', lat: 57.7826, lon: 14.1618, post: [553, 556] },
  { kommunCode: '1283', name: 'Helsingborg', lat: 56.0465, lon: 12.6945, post: [252, 256] },
  { kommunCode: '2480', name: 'Umeå', lat: 63.8258, lon: 20.263, post: [903, 907] },
  { kommunCode: '2580', name: 'Luleå', lat: 65.5848, lon: 22.1547, post: [972, 977] },
  { kommunCode: '2584', name: 'Kiruna', lat: 67.8558, lon: 20.2253, post: [981, 981] },
  { kommunCode: '0980', name: 'Visby', lat: 57.6348, lon: 18.2948, post: [621, 621] },
  { kommunCode: '2380', name: 'Östersund', lat: 63.1792, lon: 14.6357, post: [831, 831] },
  { kommunCode: '0780', name: 'Växjö', lat: 56.8777, lon: 14.8091, post: [352, 352] },
  { kommunCode: '1780', name: 'Karlstad', lat: 59.4022, lon: 13.5115, post: [652, 656] },
  { kommunCode: '2180', name: 'Gävle', lat: 60.6749, lon: 17.1413, post: [802, 806] },
  { kommunCode: '2281', name: 'Sundsvall', lat: 62.3908, lon: 17.3069, post: [852, 857] },
  { kommunCode: '2080', name: 'Falun', lat: 60.6065, lon: 15.6355, post: [791, 791] },
  { kommunCode: '0880', name: 'Kalmar', lat: 56.6634, lon: 16.3568, post: [392, 393] },
  { kommunCode: '2321', name: 'Åre', lat: 63.3990, lon: 13.0815, post: [837, 837] },
  { kommunCode: '1290', name: 'Kristianstad', lat: 56.0294, lon: 14.1567, post: [291, 291] },
  { kommunCode: '0484', name: 'Eskilstuna', lat: 59.3666, lon: 16.5077, post: [632, 635] },
];

/** Kommuner of Stockholms län with an approximate centre, for the region's data. */
export const STOCKHOLMS_LAN_CENTRES: Readonly<Record<string, [number, number]>> = {
  '0114': [59.518, 17.911], '0115': [59.534, 18.077], '0117': [59.48, 18.3], '0120': [59.326, 18.389],
  '0123': [59.423, 17.835], '0125': [59.291, 17.812], '0126': [59.237, 17.982], '0127': [59.199, 17.833],
  '0128': [59.201, 17.77], '0136': [59.168, 18.137], '0138': [59.244, 18.228], '0139': [59.478, 17.752],
  '0140': [59.178, 17.431], '0160': [59.444, 18.069], '0162': [59.4, 18.041], '0163': [59.428, 17.951],
  '0180': [59.329, 18.069], '0181': [59.196, 17.626], '0182': [59.31, 18.164], '0183': [59.361, 17.972],
  '0184': [59.36, 18.001], '0186': [59.367, 18.133], '0187': [59.402, 18.351], '0188': [59.758, 18.705],
  '0191': [59.617, 17.855], '0192': [58.903, 17.948],
};

export interface District {
  name: string;
  lat: number;
  lon: number;
  post: [number, number];
  streets: string[];
}

/** Stockholm's 13 stadsdelsområden. */
export const STOCKHOLM_DISTRICTS: District[] = [
  { name: 'Norrmalm', lat: 59.336, lon: 18.062, post: [111, 113], streets: ['Drottninggatan', 'Sveavägen', 'Vasagatan', 'Kungsgatan', 'Tegnérgatan', 'Odengatan', 'Upplandsgatan'] },
  { name: 'Östermalm', lat: 59.338, lon: 18.085, post: [114, 115], streets: ['Karlavägen', 'Valhallavägen', 'Strandvägen', 'Birger Jarlsgatan', 'Linnégatan', 'Storgatan'] },
  { name: 'Kungsholmen', lat: 59.332, lon: 18.03, post: [112, 112], streets: ['Fleminggatan', 'Hantverkargatan', 'Sankt Eriksgatan', 'Norr Mälarstrand', 'Lindhagensgatan', 'Pipersgatan'] },
  { name: 'Södermalm', lat: 59.314, lon: 18.071, post: [116, 118], streets: ['Götgatan', 'Hornsgatan', 'Ringvägen', 'Folkungagatan', 'Åsögatan', 'Skånegatan', 'Bondegatan', 'Tjärhovsgatan'] },
  { name: 'Bromma', lat: 59.338, lon: 17.94, post: [161, 168], streets: ['Drottningholmsvägen', 'Bergslagsvägen', 'Ulvsundavägen', 'Åkeshovsvägen', 'Ålstensgatan'] },
  { name: 'Hässelby-Vällingby', lat: 59.362, lon: 17.87, post: [162, 165], streets: ['Råckstavägen', 'Vinstagatan', 'Hässelbygårdsvägen', 'Loviselundsvägen', 'Kirunagatan'] },
  { name: 'Spånga-Tensta', lat: 59.393, lon: 17.903, post: [163, 163], streets: ['Tensta allé', 'Spångavägen', 'Hagstråket', 'Elinsborgsbacken'] },
  { name: 'Rinkeby-Kista', lat: 59.403, lon: 17.945, post: [164, 164], streets: ['Kista allé', 'Rinkebystråket', 'Husby allé', 'Kistagången', 'Sibeliusgången'] },
  { name: 'Enskede-Årsta-Vantör', lat: 59.285, lon: 18.07, post: [120, 124], streets: ['Årstavägen', 'Sockenvägen', 'Enskedevägen', 'Högdalsgången', 'Rågsvedsvägen'] },
  { name: 'Skarpnäck', lat: 59.267, lon: 18.133, post: [128, 128], streets: ['Skarpnäcks allé', 'Bagarmossvägen', 'Kärrtorpsvägen', 'Ljusnevägen'] },
  { name: 'Farsta', lat: 59.243, lon: 18.093, post: [123, 123], streets: ['Farstavägen', 'Larsbodavägen', 'Sköndalsvägen', 'Hökarängsvägen'] },
  { name: 'Hägersten-Älvsjö', lat: 59.295, lon: 17.99, post: [125, 129], streets: ['Hägerstensvägen', 'Liljeholmsvägen', 'Älvsjövägen', 'Västertorpsvägen', 'Fruängsgången', 'Sjöviksvägen'] },
  { name: 'Skärholmen', lat: 59.277, lon: 17.907, post: [127, 127], streets: ['Skärholmsvägen', 'Bredängsvägen', 'Vårbergsvägen', 'Sätravägen'] },
];

/** Göteborg's stadsdelar (primärområden grouped the way residents name them). */
export const GOTEBORG_DISTRICTS: District[] = [
  { name: 'Inom Vallgraven', lat: 57.705, lon: 11.966, post: [411, 411], streets: ['Kungsgatan', 'Östra Hamngatan', 'Drottninggatan', 'Västra Hamngatan', 'Magasinsgatan'] },
  { name: 'Linnéstaden', lat: 57.695, lon: 11.948, post: [413, 414], streets: ['Linnégatan', 'Första Långgatan', 'Andra Långgatan', 'Övre Husargatan', 'Sveagatan'] },
  { name: 'Majorna', lat: 57.692, lon: 11.917, post: [414, 414], streets: ['Karl Johansgatan', 'Allmänna vägen', 'Kungsladugårdsgatan', 'Godhemsgatan'] },
  { name: 'Johanneberg', lat: 57.687, lon: 11.985, post: [412, 412], streets: ['Eklandagatan', 'Gibraltargatan', 'Utlandagatan'] },
  { name: 'Örgryte', lat: 57.7, lon: 12.0, post: [412, 416], streets: ['Danska vägen', 'Redbergsvägen', 'Kärralundsgatan'] },
  { name: 'Lundby', lat: 57.72, lon: 11.935, post: [417, 417], streets: ['Lindholmsallén', 'Herkulesgatan', 'Hjalmar Brantingsgatan'] },
  { name: 'Backa', lat: 57.748, lon: 11.984, post: [422, 422], streets: ['Backavägen', 'Litteraturgatan', 'Brunnsbogatan'] },
  { name: 'Biskopsgården', lat: 57.727, lon: 11.886, post: [418, 418], streets: ['Långströmsgatan', 'Sommarvädersgatan', 'Flygelgatan'] },
  { name: 'Angered', lat: 57.796, lon: 12.049, post: [424, 424], streets: ['Hjällbovägen', 'Lövgärdesvägen', 'Rannebergsvägen', 'Gårdstensvägen'] },
  { name: 'Kortedala', lat: 57.753, lon: 12.037, post: [415, 415], streets: ['Aprilgatan', 'Julaftonsgatan', 'Runstavsgatan'] },
  { name: 'Bergsjön', lat: 57.756, lon: 12.07, post: [415, 415], streets: ['Kosmosgatan', 'Galaxgatan', 'Teleskopgatan'] },
  { name: 'Frölunda', lat: 57.652, lon: 11.912, post: [421, 421], streets: ['Tunnlandsgatan', 'Marconigatan', 'Ekebäcksvägen'] },
  { name: 'Askim', lat: 57.631, lon: 11.934, post: [436, 436], streets: ['Askims stationsväg', 'Hovåsvägen', 'Askims kyrkväg'] },
  { name: 'Tuve', lat: 57.754, lon: 11.93, post: [417, 417], streets: ['Tuvevägen', 'Skogomevägen'] },
];

/** Street names that occur in most Swedish towns. */
export const COMMON_STREETS = [
  'Storgatan', 'Kyrkogatan', 'Drottninggatan', 'Kungsgatan', 'Järnvägsgatan', 'Skolgatan', 'Parkvägen', 'Björkvägen',
  'Granvägen', 'Tallvägen', 'Ekvägen', 'Lindvägen', 'Rönnvägen', 'Åkervägen', 'Ängsvägen', 'Sjövägen', 'Strandvägen',
  'Bergsgatan', 'Nygatan', 'Östra Långgatan', 'Västra vägen', 'Industrigatan', 'Smedjegatan', 'Trädgårdsgatan', 'Mjölnarvägen',
  'Hantverkaregatan', 'Prästgårdsvägen', 'Skogsvägen', 'Backvägen', 'Solvägen', 'Blåbärsvägen', 'Lingonvägen', 'Älvgatan',
];

export const FIRST_NAMES_F = [
  'Alice', 'Maja', 'Vera', 'Elsa', 'Astrid', 'Alma', 'Selma', 'Wilma', 'Olivia', 'Ebba', 'Ella', 'Saga', 'Stella',
  'Freja', 'Agnes', 'Lilly', 'Juni', 'Signe', 'Elvira', 'Ines', 'Klara', 'Märta', 'Tyra', 'Siri', 'Ellen',
];

export const FIRST_NAMES_M = [
  'Noah', 'William', 'Hugo', 'Liam', 'Lucas', 'Oscar', 'Matteo', 'Elias', 'Adam', 'Nils', 'Leo', 'Alexander',
  'Levi', 'Vincent', 'Ludvig', 'Theo', 'Harry', 'Charlie', 'Arvid', 'Olle', 'Viggo', 'August', 'Frans', 'Sixten', 'Måns',
];

export const SURNAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström',
  'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lundqvist', 'Mattsson', 'Berglund',
  'Sandberg', 'Åberg', 'Forsberg', 'Sjöberg', 'Holm', 'Söderberg', 'Engström', 'Björk', 'Nyström', 'Wallin', 'Ström', 'Ekström',
];

/** Parts of invented firm names (Norrströms Bygg AB …). */
export const FIRM_PREFIXES = [
  'Norrströms', 'Mälardalens', 'Västkust', 'Söderorts', 'Göta', 'Roslagens', 'Hisinge', 'Ängby', 'Kungsholms',
  'Sörmlands', 'Älvstrands', 'Bergslags', 'Öresunds', 'Hallands', 'Fyrbodals', 'Åsa', 'Lidingö', 'Brunnsvikens',
];

export const FIRM_TRADES = [
  'Bygg', 'Städ', 'El & Energi', 'Kontorsvaror', 'IT-konsult', 'Transport', 'Mark & Anläggning', 'Catering', 'Omsorg',
  'Glas', 'Måleri', 'Trädgård', 'Fastighetsservice', 'Kommunikation', 'Rör', 'Juridik', 'Tolktjänst', 'Skog & Park',
];

/** Nature words that Swedish preschools, streets and places are named after. */
export const NATURE_NAMES = [
  'Solrosen', 'Ekorren', 'Lärkan', 'Blåklinten', 'Humlan', 'Myran', 'Tallkotten', 'Ugglan', 'Vitsippan', 'Björken',
  'Skogsgläntan', 'Regnbågen', 'Äventyret', 'Örnen', 'Fjärilen', 'Kastanjen', 'Rönnbäret', 'Snäckan', 'Måsen',
  'Lingonet', 'Näckrosen', 'Smultronet', 'Hästhoven', 'Ängen', 'Kotten', 'Gläntan', 'Svanen', 'Trollet', 'Ankdammen',
];

/** Parts of place names for the gazetteer (Björkby, Sjöhult, Norrtorp …). */
export const PLACE_PREFIXES = [
  'Björk', 'Ek', 'Gran', 'Tall', 'Sjö', 'Berg', 'Lind', 'Åker', 'Hög', 'Norr', 'Sör', 'Väster', 'Öster', 'Stor', 'Lill',
  'Ängs', 'Mo', 'Hed', 'Kvarn', 'Kyrk', 'Bäck', 'Ström', 'Rön', 'Ås', 'Hassel', 'Al', 'Ren', 'Fjäll', 'Myr', 'Löv',
];

export const PLACE_SUFFIXES: [string, string][] = [
  ['by', 'Bebyggelse'], ['sta', 'Bebyggelse'], ['inge', 'Bebyggelse'], ['torp', 'Bebyggelse'], ['hult', 'Bebyggelse'],
  ['ryd', 'Bebyggelse'], ['vik', 'Vik'], ['näs', 'Udde'], ['berga', 'Bebyggelse'], ['holmen', 'Ö'], ['sjön', 'Sjö'],
  ['ån', 'Vattendrag'], ['myren', 'Myr'], ['åsen', 'Höjd'], ['berget', 'Höjd'], ['tjärnen', 'Sjö'], ['bäcken', 'Vattendrag'],
];
