// Facts about the data.police.uk street-level crime files, shared by the parser, the import,
// the insight query and the pages (pure constants: safe to import from client components).

/** Where administrators download the files ("street-level crime" CSVs, one per force and month). */
export const POLICE_DATA_URL = 'https://data.police.uk/data/';

/** The published 12-column header, exactly as police.uk writes it. */
export const POLICE_CSV_HEADER = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;

/** The crime type shown on /insights (police.uk's own wording). */
export const SHOPLIFTING = 'Shoplifting';

/** "Local" means within this distance of a store. */
export const LOCAL_RADIUS_METRES = 1000;

/** Map points sent to the browser at most (nearest the stores first). */
export const MAX_MAP_POINTS = 5000;

/** One force-month file is ~10–50k rows and a few MB; a year of a big force stays under this. */
export const MAX_CSV_BYTES = 30 * 1024 * 1024;

// The Open Government Licence requires this statement wherever the data is shown.
export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';
export const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
