// Turns the rule editor's FormData into the input saveRule/backtestRule validate.
// Kept apart from the action so it is a pure, testable function.
const NUMBER_FIELDS = new Set(['count', 'windowSeconds', 'withinSeconds', 'minSamples', 'zThreshold']);
const BOOLEAN_FIELDS = ['perZone', 'sameZone'];

export function ruleFromForm(data: FormData): Record<string, unknown> {
  const kind = String(data.get('kind') ?? '');
  const condition: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) {
    if (!key.startsWith(`condition.${kind}.`) || typeof value !== 'string' || value.trim() === '') continue;
    const field = key.slice(`condition.${kind}.`.length);
    if (field === 'windowMinutes') condition.windowSeconds = Math.round(Number(value) * 60);
    else if (field === 'minPounds') condition.minPence = Math.round(Number(value) * 100);
    else if (field === 'windowHours') condition.windowSeconds = Math.round(Number(value) * 3600);
    else condition[field] = NUMBER_FIELDS.has(field) ? Number(value) : value;
  }
  for (const b of BOOLEAN_FIELDS) if (data.has(`condition.${kind}.${b}`)) condition[b] = true;
  const text = (k: string) => {
    const v = data.get(k);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  return {
    id: text('id'),
    name: text('name') ?? '',
    kind,
    condition,
    severity: text('severity'),
    recipientRoles: data.getAll('recipientRoles').map(String),
    suppressionSeconds: Math.round(Number(text('suppressionMinutes') ?? 0) * 60),
    escalationDelaySeconds: Math.round(Number(text('escalationMinutes') ?? 0) * 60),
    scope: text('scope'),
    scopeCode: text(`scopeCode.${text('scope') ?? ''}`),
    enabled: data.get('enabled') !== null,
  };
}
