'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Deletes an import and the crimes it added, after saying what will be lost. */
export function DeleteImportButton({ id, fileName, rowsAdded }: { id: string; fileName: string; rowsAdded: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onDelete() {
    const crimes = `${rowsAdded.toLocaleString('en-GB')} crime${rowsAdded === 1 ? '' : 's'}`;
    if (
      !window.confirm(
        `Delete "${fileName}"? The ${crimes} it added will no longer show on Insights. You can import the file again later.`,
      )
    )
      return;
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/context/police-crimes/${id}`, { method: 'DELETE' });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        setError(body.message ?? 'It could not be deleted. Please try again.');
        return;
      }
      router.refresh();
    } catch {
      setError('It could not be deleted: check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        disabled={pending}
        aria-label={`Delete ${fileName}`}
        onClick={() => void onDelete()}
      >
        <Trash2 aria-hidden className="size-4" />
        Delete
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      )}
    </span>
  );
}
