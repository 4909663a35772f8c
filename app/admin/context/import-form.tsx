'use client';
// Uploads straight to POST /api/context/police-crimes (not a server action: files reach 20 MB and
// more, beyond a server action's body limit), with XMLHttpRequest so the upload shows its progress.
import { Loader2, Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { MAX_CSV_BYTES } from '@/lib/context/police-data';

type Result = {
  fileName: string;
  rowsRead: number;
  rowsAdded: number;
  rowsDuplicate: number;
  rowsWithoutLocation: number;
};
type Failure = { message: string; issues?: { path: string; message: string }[] };
type State =
  | { phase: 'idle' }
  | { phase: 'uploading'; percent: number | null }
  | { phase: 'saving' }
  | { phase: 'done'; result: Result }
  | { phase: 'failed'; failure: Failure };

const n = (v: number) => v.toLocaleString('en-GB');
const plural = (v: number, one: string, many: string) => `${n(v)} ${v === 1 ? one : many}`;

function upload(file: File, onProgress: (percent: number | null) => void, onSent: () => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/context/police-crimes');
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = onSent;
    xhr.onerror = () => reject({ message: 'The upload did not get through. Check your connection and try again.' });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: fall through to the generic message.
      }
      if (xhr.status === 201) return resolve(body as Result);
      const b = (body ?? {}) as Partial<Failure>;
      reject({
        message: b.message ?? `The import failed (HTTP ${xhr.status}). Please try again.`,
        issues: b.issues,
      } satisfies Failure);
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function ImportForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const busy = state.phase === 'uploading' || state.phase === 'saving';

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ phase: 'failed', failure: { message: 'Choose a CSV file first.' } });
    if (file.size > MAX_CSV_BYTES)
      return setState({
        phase: 'failed',
        failure: {
          message: `That file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB. Import one force's file at a time.`,
        },
      });
    setState({ phase: 'uploading', percent: 0 });
    try {
      const result = await upload(
        file,
        (percent) => setState({ phase: 'uploading', percent }),
        () => setState({ phase: 'saving' }),
      );
      setState({ phase: 'done', result });
      if (input.current) input.current.value = '';
      router.refresh();
    } catch (failure) {
      setState({ phase: 'failed', failure: failure as Failure });
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-3" aria-busy={busy}>
      <div className="space-y-1">
        <Label htmlFor="police-file">Street-level crime CSV</Label>
        <input
          ref={input}
          id="police-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          disabled={busy}
          aria-describedby="police-file-hint"
          className="block w-full text-sm text-slate-900 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:font-medium"
        />
        <p id="police-file-hint" className="text-sm text-slate-600">
          A <code className="font-mono text-xs">…-street.csv</code> file from data.police.uk, up to{' '}
          {MAX_CSV_BYTES / 1024 / 1024} MB.
        </p>
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Upload aria-hidden className="size-4" />}
        {busy ? 'Importing…' : 'Import'}
      </Button>
      <div role="status">
        {state.phase === 'uploading' && (
          <div className="space-y-1 text-sm text-slate-700">
            <p>Uploading{state.percent === null ? '…' : ` ${state.percent} %`}</p>
            <progress className="w-full" max={100} value={state.percent ?? undefined} aria-label="Upload progress" />
          </div>
        )}
        {state.phase === 'saving' && (
          <p className="text-sm text-slate-700">Uploaded. Checking every row and saving the crimes…</p>
        )}
        {state.phase === 'done' && (
          <div className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            <p className="font-medium">
              {plural(state.result.rowsAdded, 'crime', 'crimes')} added, {n(state.result.rowsDuplicate)} already
              imported, {n(state.result.rowsWithoutLocation)} without a location.
            </p>
            <p>
              {plural(state.result.rowsRead, 'row', 'rows')} read from {state.result.fileName}.
            </p>
          </div>
        )}
      </div>
      {state.phase === 'failed' && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{state.failure.message}</p>
          {state.failure.issues && state.failure.issues.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {state.failure.issues.map((i) => (
                <li key={i.path}>
                  {i.path.replace(/^line (\d+).*$/, 'Line $1')}: {i.message}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1">Nothing from this file was saved. Check it is a street-level crime CSV and try again.</p>
        </div>
      )}
    </form>
  );
}
