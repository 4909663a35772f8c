import { cn } from '@/lib/utils';

/** A quiet placeholder while something loads; announced once to screen readers. */
export function Skeleton({ className, label }: { className?: string; label?: string }) {
  return (
    <div
      className={cn('animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none', className)}
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}
