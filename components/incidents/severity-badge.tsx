import { AlertOctagon, AlertTriangle, Info, ShieldAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { Severity } from '@/lib/domain/enums';
import { SEVERITY_STYLE } from '@/lib/ui/palette';

const ICONS = { critical: AlertOctagon, high: ShieldAlert, medium: AlertTriangle, low: Info } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  // An unknown value (from a newer or foreign emitter) shows as low rather than breaking the page.
  const known = severity in SEVERITY_STYLE ? severity : 'low';
  const Icon = ICONS[known];
  const style = SEVERITY_STYLE[known];
  return (
    <Badge className={style.className}>
      <Icon aria-hidden className="size-3.5" />
      {style.label}
    </Badge>
  );
}
