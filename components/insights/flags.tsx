import { Flame, TrendingUp } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

/** Hotspot / emerging badges: icon + word, with the reasons in a tooltip and for screen readers. */
export function Flags({ hotspot, emerging, reasons }: { hotspot: boolean; emerging: boolean; reasons: string[] }) {
  if (!hotspot && !emerging) return <span className="text-slate-600">—</span>;
  const why = reasons.join('; ');
  return (
    <span className="inline-flex flex-wrap gap-1" title={why}>
      {hotspot && (
        <Badge className="border-red-300 bg-red-50 text-red-800">
          <Flame aria-hidden className="size-3" /> Hotspot
        </Badge>
      )}
      {emerging && (
        <Badge className="border-amber-300 bg-amber-50 text-amber-900">
          <TrendingUp aria-hidden className="size-3" /> Emerging
        </Badge>
      )}
      <span className="sr-only">: {why}</span>
    </span>
  );
}
