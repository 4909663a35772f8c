// Colour meanings, defined once and reused by badges, charts, legends and map layers.
import type { IncidentType, Severity } from '@/lib/domain/enums';

export const SEVERITY_STYLE: Record<Severity, { label: string; className: string; hex: string }> = {
  critical: { label: 'Critical', className: 'border-red-300 bg-red-50 text-red-800', hex: '#b91c1c' },
  high: { label: 'High', className: 'border-orange-300 bg-orange-50 text-orange-800', hex: '#c2410c' },
  medium: { label: 'Medium', className: 'border-amber-300 bg-amber-50 text-amber-900', hex: '#a16207' },
  low: { label: 'Low', className: 'border-slate-300 bg-slate-100 text-slate-700', hex: '#475569' },
};

/** One fixed, distinguishable colour per incident type (Okabe–Ito based, colour-blind safe). */
export const INCIDENT_TYPE_COLOUR: Record<IncidentType, string> = {
  theft: '#0072B2',
  robbery: '#D55E00',
  burglary: '#882255',
  criminal_damage: '#CC79A7',
  violence_against_staff: '#B2182B',
  threats_abuse: '#E69F00',
  fraud: '#009E73',
  antisocial_behaviour: '#56B4E9',
  suspicious_activity: '#7F7F7F',
  other: '#332288',
};
