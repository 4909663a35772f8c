// The demo chain: four regions, 24 stores at real UK town-centre coordinates.
import type { ZoneKind } from '@/lib/domain/enums';

export const DEMO_REGIONS = [
  { code: 'SNE', name: 'Scotland & North East' },
  { code: 'NWY', name: 'North West & Yorkshire' },
  { code: 'MWL', name: 'Midlands & Wales' },
  { code: 'LSE', name: 'London & South' },
] as const;

type DemoStore = {
  code: string;
  name: string;
  region: (typeof DEMO_REGIONS)[number]['code'];
  format: 'superstore' | 'supermarket' | 'convenience' | 'petrol_forecourt';
  address: string;
  postcode: string;
  lat: number;
  lng: number;
  /** Relative incident rate: busy city-centre stores see more. */
  risk: number;
};

export const DEMO_STORES: DemoStore[] = [
  { code: 'EDI01', name: 'Edinburgh Princes Street', region: 'SNE', format: 'supermarket', address: '90 Princes Street, Edinburgh', postcode: 'EH2 2ER', lat: 55.9519, lng: -3.1966, risk: 1.2 },
  { code: 'GLA01', name: 'Glasgow Argyle Street', region: 'SNE', format: 'superstore', address: '210 Argyle Street, Glasgow', postcode: 'G2 8HA', lat: 55.8578, lng: -4.2596, risk: 1.5 },
  { code: 'ABD01', name: 'Aberdeen Union Street', region: 'SNE', format: 'supermarket', address: '130 Union Street, Aberdeen', postcode: 'AB10 1JJ', lat: 57.1455, lng: -2.1036, risk: 0.8 },
  { code: 'DND01', name: 'Dundee Nethergate', region: 'SNE', format: 'convenience', address: '45 Nethergate, Dundee', postcode: 'DD1 4DH', lat: 56.4586, lng: -2.9747, risk: 0.7 },
  { code: 'NCL01', name: 'Newcastle Northumberland Street', region: 'SNE', format: 'superstore', address: '60 Northumberland Street, Newcastle upon Tyne', postcode: 'NE1 7DF', lat: 54.9757, lng: -1.6125, risk: 1.4 },
  { code: 'SUN01', name: 'Sunderland The Bridges', region: 'SNE', format: 'supermarket', address: 'The Bridges, Sunderland', postcode: 'SR1 3LE', lat: 54.9059, lng: -1.3841, risk: 1.0 },
  { code: 'MCR01', name: 'Manchester Market Street', region: 'NWY', format: 'superstore', address: '62 Market Street, Manchester', postcode: 'M1 1PW', lat: 53.4826, lng: -2.2392, risk: 1.6 },
  { code: 'LIV01', name: 'Liverpool Church Street', region: 'NWY', format: 'superstore', address: '31 Church Street, Liverpool', postcode: 'L1 3AS', lat: 53.4048, lng: -2.9822, risk: 1.4 },
  { code: 'LDS01', name: 'Leeds Briggate', region: 'NWY', format: 'supermarket', address: '120 Briggate, Leeds', postcode: 'LS1 6HD', lat: 53.7983, lng: -1.5418, risk: 1.3 },
  { code: 'SHF01', name: 'Sheffield Fargate', region: 'NWY', format: 'supermarket', address: '20 Fargate, Sheffield', postcode: 'S1 2HE', lat: 53.3819, lng: -1.4685, risk: 1.1 },
  { code: 'BRD01', name: 'Bradford Broadway', region: 'NWY', format: 'convenience', address: 'Broadway, Bradford', postcode: 'BD1 1US', lat: 53.7935, lng: -1.7521, risk: 1.0 },
  { code: 'PRE01', name: 'Preston Fishergate', region: 'NWY', format: 'petrol_forecourt', address: '100 Fishergate, Preston', postcode: 'PR1 2NJ', lat: 53.7577, lng: -2.7039, risk: 0.6 },
  { code: 'BHM01', name: 'Birmingham New Street', region: 'MWL', format: 'superstore', address: '150 New Street, Birmingham', postcode: 'B2 4HQ', lat: 52.4791, lng: -1.8976, risk: 1.7 },
  { code: 'NOT01', name: 'Nottingham Clumber Street', region: 'MWL', format: 'supermarket', address: '15 Clumber Street, Nottingham', postcode: 'NG1 3ED', lat: 52.9549, lng: -1.1474, risk: 1.2 },
  { code: 'LEI01', name: 'Leicester Gallowtree Gate', region: 'MWL', format: 'supermarket', address: '40 Gallowtree Gate, Leicester', postcode: 'LE1 5AD', lat: 52.6358, lng: -1.1325, risk: 1.0 },
  { code: 'COV01', name: 'Coventry Smithford Way', region: 'MWL', format: 'convenience', address: 'Smithford Way, Coventry', postcode: 'CV1 1FY', lat: 52.4083, lng: -1.5122, risk: 0.9 },
  { code: 'CDF01', name: 'Cardiff Queen Street', region: 'MWL', format: 'superstore', address: '75 Queen Street, Cardiff', postcode: 'CF10 2BH', lat: 51.4826, lng: -3.1746, risk: 1.3 },
  { code: 'SWA01', name: 'Swansea Oxford Street', region: 'MWL', format: 'supermarket', address: '210 Oxford Street, Swansea', postcode: 'SA1 3BG', lat: 51.6193, lng: -3.9446, risk: 0.8 },
  { code: 'LON01', name: 'London Camden High Street', region: 'LSE', format: 'supermarket', address: '174 Camden High Street, London', postcode: 'NW1 0NE', lat: 51.5392, lng: -0.1426, risk: 1.8 },
  { code: 'LON02', name: 'London Croydon North End', region: 'LSE', format: 'superstore', address: '21 North End, Croydon', postcode: 'CR0 1TY', lat: 51.3762, lng: -0.1003, risk: 1.6 },
  { code: 'BTN01', name: 'Brighton Western Road', region: 'LSE', format: 'supermarket', address: '98 Western Road, Brighton', postcode: 'BN1 2LB', lat: 50.8246, lng: -0.1497, risk: 1.1 },
  { code: 'SOU01', name: 'Southampton Above Bar', region: 'LSE', format: 'supermarket', address: '110 Above Bar Street, Southampton', postcode: 'SO14 7DW', lat: 50.9064, lng: -1.4044, risk: 1.0 },
  { code: 'RDG01', name: 'Reading Broad Street', region: 'LSE', format: 'convenience', address: '55 Broad Street, Reading', postcode: 'RG1 2AP', lat: 51.4555, lng: -0.9739, risk: 0.9 },
  { code: 'BRS01', name: 'Bristol Broadmead', region: 'LSE', format: 'superstore', address: 'Broadmead, Bristol', postcode: 'BS1 3HA', lat: 51.4584, lng: -2.5857, risk: 1.3 },
];

export const STANDARD_ZONES: { kind: ZoneKind; name: string }[] = [
  { kind: 'entrance', name: 'Main entrance' },
  { kind: 'self_checkout', name: 'Self-checkout' },
  { kind: 'tills', name: 'Staffed tills' },
  { kind: 'alcohol', name: 'Beers, wines & spirits' },
  { kind: 'health_beauty', name: 'Health & beauty' },
  { kind: 'meat_dairy', name: 'Meat & dairy' },
  { kind: 'electricals', name: 'Electricals' },
  { kind: 'cash_office', name: 'Cash office' },
  { kind: 'stockroom', name: 'Stockroom' },
  { kind: 'car_park', name: 'Car park' },
];

/** The store shared by the colleague, security officer and store manager (DESIGN.md §11). */
export const HOME_STORE = 'MCR01';
export const HOME_REGION = 'NWY';

export const DEMO_ACCOUNTS = [
  { local: 'colleague', name: 'Casey Colleague', role: 'colleague', scope: { store: HOME_STORE }, staffNumber: '100001' },
  { local: 'security', name: 'Sam Security', role: 'security', scope: { store: HOME_STORE }, staffNumber: '100002' },
  { local: 'manager', name: 'Morgan Manager', role: 'store_manager', scope: { store: HOME_STORE }, staffNumber: '100003' },
  { local: 'regional', name: 'Riley Regional', role: 'regional_manager', scope: { region: HOME_REGION }, staffNumber: null },
  { local: 'investigator', name: 'Indra Investigator', role: 'investigator', scope: { region: HOME_REGION }, staffNumber: null },
  { local: 'dpo', name: 'Dana Protection', role: 'dpo', scope: 'all', staffNumber: null },
  { local: 'admin', name: 'Alex Admin', role: 'admin', scope: 'all', staffNumber: null },
] as const;
