// The body of POST /api/context/police-crimes: the CSV itself (text/csv, file name in ?fileName=)
// or multipart/form-data with the CSV in a `file` field (what the admin page sends).
import { z } from 'zod';
import { Invalid, parseInput } from '@/lib/errors';
import { readBody, readFormData, UnsupportedMediaType } from '@/lib/http/read-json';
import { CsvTooLarge } from './import-police-crimes';
import { MAX_CSV_BYTES } from './police-data';

// Browsers label .csv files text/csv, or application/vnd.ms-excel on Windows with Excel installed.
const CSV_TYPE = /^(text\/(csv|plain)|application\/(csv|vnd\.ms-excel))\b/i;
const MULTIPART = /^multipart\/form-data\b/i;
/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const DEFAULT_NAME = 'police-street-crimes.csv';

export const csvUploadQuery = z.object({
  fileName: z
    .string()
    .max(200)
    .optional()
    .describe('The file name to record, for a text/csv body (multipart sends its own)'),
});

export async function readCsvUpload(req: Request): Promise<{ fileName: string; csv: string }> {
  const type = req.headers.get('content-type') ?? '';
  const multipart = MULTIPART.test(type);
  if (!multipart && !CSV_TYPE.test(type))
    throw new UnsupportedMediaType('text/csv, or multipart/form-data with a `file` field');
  const tooLarge = () => new CsvTooLarge();

  if (!multipart) {
    const csv = (await readBody(req, MAX_CSV_BYTES, tooLarge)).toString('utf8');
    const { fileName } = parseInput(csvUploadQuery, Object.fromEntries(new URL(req.url).searchParams));
    return { fileName: fileName || DEFAULT_NAME, csv };
  }
  let form: FormData;
  try {
    form = await readFormData(req, MAX_CSV_BYTES + MULTIPART_OVERHEAD, tooLarge);
  } catch (e) {
    if (e instanceof CsvTooLarge) throw e;
    throw new Invalid('The upload could not be read. Choose the file again and retry.');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string')
    throw new Invalid('Attach the CSV file as the `file` field.', [{ path: 'file', message: 'Required' }]);
  if (file.size > MAX_CSV_BYTES) throw new CsvTooLarge();
  return { fileName: file.name || DEFAULT_NAME, csv: await file.text() };
}
