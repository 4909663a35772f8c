// A report arrives as JSON, or as multipart/form-data when it carries photos: a
// `report` field holding the same JSON, then each `photo` file with its `photoSha256`.
import { Invalid } from '@/lib/errors';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type VerifiedPhoto, verifyPhoto } from '@/lib/evidence/photos';
import { JSON_TYPE, PayloadTooLarge, readFormData, readJson, UnsupportedMediaType } from '@/lib/http/read-json';

const REPORT_JSON_LIMIT = 64 * 1024;
const MULTIPART_LIMIT = MAX_PHOTOS * MAX_PHOTO_BYTES + REPORT_JSON_LIMIT;

export async function readReportRequest(req: Request): Promise<{ body: unknown; photos: VerifiedPhoto[] }> {
  const type = req.headers.get('content-type') ?? '';
  if (JSON_TYPE.test(type)) return { body: await readJson(req, REPORT_JSON_LIMIT), photos: [] };
  if (!/^multipart\/form-data\b/i.test(type)) throw new UnsupportedMediaType('application/json, or multipart/form-data with photos');

  let form: FormData;
  try {
    form = await readFormData(req, MULTIPART_LIMIT);
  } catch (e) {
    if (e instanceof PayloadTooLarge) throw e;
    throw new Invalid('The form data could not be read.');
  }
  const report = form.get('report');
  if (typeof report !== 'string') throw new Invalid('The report details are missing.', [{ path: 'report', message: 'Required' }]);
  if (report.length > REPORT_JSON_LIMIT) throw new PayloadTooLarge(REPORT_JSON_LIMIT);
  let body: unknown;
  try {
    body = JSON.parse(report);
  } catch {
    throw new Invalid('The report details are not valid JSON.', [{ path: 'report', message: 'Invalid JSON' }]);
  }

  const files = form.getAll('photo');
  const hashes = form.getAll('photoSha256');
  if (files.length > MAX_PHOTOS) throw new Invalid(`Attach at most ${MAX_PHOTOS} photos.`, [{ path: 'photos', message: `At most ${MAX_PHOTOS}` }]);
  const photos: VerifiedPhoto[] = [];
  for (const [i, file] of files.entries()) {
    if (typeof file === 'string') throw new Invalid(`Photo ${i + 1} is not a file.`, [{ path: `photos.${i}`, message: 'Not a file' }]);
    if (file.size > MAX_PHOTO_BYTES) throw new PayloadTooLarge(MAX_PHOTO_BYTES);
    const hash = hashes[i];
    photos.push(verifyPhoto(Buffer.from(await file.arrayBuffer()), typeof hash === 'string' ? hash : undefined, i));
  }
  return { body, photos };
}
