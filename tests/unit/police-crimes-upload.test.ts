import { describe, expect, it } from 'vitest';
import { readCsvUpload } from '@/lib/context/read-csv-upload';
import { MAX_CSV_BYTES } from '@/lib/context/police-data';

const URL_BASE = 'http://localhost/api/context/police-crimes';

describe('readCsvUpload', () => {
  it('takes a text/csv body with the file name from the query', async () => {
    const req = new Request(`${URL_BASE}?fileName=2026-09-greater-manchester-street.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: 'a,b\r\n',
    });
    expect(await readCsvUpload(req)).toEqual({ fileName: '2026-09-greater-manchester-street.csv', csv: 'a,b\r\n' });
  });

  it('takes a multipart `file` field with its own name', async () => {
    const form = new FormData();
    form.append('file', new File(['x,y\r\n'], 'september-street.csv', { type: 'application/vnd.ms-excel' }));
    const got = await readCsvUpload(new Request(URL_BASE, { method: 'POST', body: form }));
    expect(got).toEqual({ fileName: 'september-street.csv', csv: 'x,y\r\n' });
  });

  it('refuses other types, a missing file, and a body declared too large', async () => {
    const json = new Request(URL_BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await expect(readCsvUpload(json)).rejects.toMatchObject({ status: 415 });
    const form = new FormData();
    form.append('other', 'text');
    await expect(readCsvUpload(new Request(URL_BASE, { method: 'POST', body: form }))).rejects.toMatchObject({
      status: 400,
      message: 'Attach the CSV file as the `file` field.',
    });
    const big = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(MAX_CSV_BYTES + 1) },
      body: 'a',
    });
    await expect(readCsvUpload(big)).rejects.toMatchObject({
      status: 413,
      message: expect.stringMatching(/larger than 30 MB/),
    });
  });
});
