'use client';

import { Camera, Loader2, X } from 'lucide-react';
import { useId, useState } from 'react';
import { MAX_PHOTOS, type PreparedPhoto, preparePhoto } from '@/lib/client/photos';

export function PhotoPicker({ photos, onChange }: { photos: PreparedPhoto[]; onChange: (photos: PreparedPhoto[]) => void }) {
  const id = useId();
  const [preparing, setPreparing] = useState(0);
  const [error, setError] = useState<string | null>(null);

  async function add(files: FileList | null) {
    setError(null);
    const chosen = Array.from(files ?? []).slice(0, MAX_PHOTOS - photos.length);
    if ((files?.length ?? 0) > chosen.length) setError(`You can add up to ${MAX_PHOTOS} photos.`);
    setPreparing(chosen.length);
    const ready: PreparedPhoto[] = [];
    for (const file of chosen) {
      try {
        ready.push(await preparePhoto(file));
      } catch (e) {
        setError((e as Error).message);
      }
      setPreparing((n) => n - 1);
    }
    onChange([...photos, ...ready]);
  }

  function remove(i: number) {
    URL.revokeObjectURL(photos[i]!.previewUrl);
    onChange(photos.filter((_, j) => j !== i));
  }

  return (
    <div>
      <p className="mb-2 text-base font-semibold text-slate-900" id={`${id}-label`}>
        Photos <span className="font-normal text-slate-600">(optional, up to {MAX_PHOTOS})</span>
      </p>
      <p className="-mt-1 mb-2 text-sm text-slate-600">Only if it is safe. Photos are made smaller and location details are removed.</p>
      <ul className="mb-2 flex flex-wrap gap-2" aria-label="Photos added">
        {photos.map((p, i) => (
          <li key={p.previewUrl} className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local blob preview, nothing to optimise */}
            <img src={p.previewUrl} alt={`Photo ${i + 1}`} className="size-20 rounded-md border border-slate-300 object-cover" />
            <button
              type="button"
              onClick={() => remove(i)}
              className="absolute -top-2 -right-2 flex size-8 items-center justify-center rounded-full bg-slate-900 text-white"
              aria-label={`Remove photo ${i + 1}`}
            >
              <X aria-hidden className="size-4" />
            </button>
          </li>
        ))}
        {preparing > 0 ? (
          <li className="flex size-20 items-center justify-center rounded-md border border-dashed border-slate-400" role="status">
            <Loader2 aria-hidden className="size-5 animate-spin text-slate-600" />
            <span className="sr-only">Preparing photo</span>
          </li>
        ) : null}
      </ul>
      {photos.length < MAX_PHOTOS ? (
        <label className="inline-flex min-h-12 cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-4 font-semibold text-slate-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600">
          <Camera aria-hidden className="size-5" />
          Add a photo
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            className="sr-only"
            aria-describedby={`${id}-label`}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      ) : null}
      {error ? (
        <p className="mt-2 text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
