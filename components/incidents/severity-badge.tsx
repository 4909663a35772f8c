import { AlertOctagon, AlertTriangle, Info, ShieldAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import type { Severity } from '@/lib/domain/enums';
import { SEVERITY_STYLE } from '@/lib/ui/palette';

const ICONS = { critical: AlertOctagon, high: ShieldAlert, medium: AlertTriangle, low: Info } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const Icon = ICONS[severity];
  const style = SEVERITY_STYLE[severity];
  return (
    <Badge className={style.className}>
      <Icon aria-hidden className="size-3.5" />
      {style.label}
    </Badge>
  );
}
