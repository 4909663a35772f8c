import { Banknote, CircleHelp, CreditCard, Eye, Hammer, type LucideIcon, Megaphone, MessageSquareWarning, ShieldAlert, ShoppingBag } from 'lucide-react';
import type { IncidentType } from '@/lib/domain/enums';

export type ReportType = { type: IncidentType; label: string; icon: LucideIcon };

/** The choices a colleague sees, most common first (burglary is out of hours: the console records it). */
export const REPORT_TYPES: ReportType[] = [
  { type: 'theft', label: 'Theft', icon: ShoppingBag },
  { type: 'violence_against_staff', label: 'Violence against staff', icon: ShieldAlert },
  { type: 'threats_abuse', label: 'Threats or abuse', icon: MessageSquareWarning },
  { type: 'robbery', label: 'Robbery', icon: Banknote },
  { type: 'criminal_damage', label: 'Criminal damage', icon: Hammer },
  { type: 'fraud', label: 'Fraud', icon: CreditCard },
  { type: 'antisocial_behaviour', label: 'Antisocial behaviour', icon: Megaphone },
  { type: 'suspicious_activity', label: 'Suspicious activity', icon: Eye },
  { type: 'other', label: 'Something else', icon: CircleHelp },
];

/** Types where goods and their value are asked for. */
export const GOODS_TYPES: readonly IncidentType[] = ['theft', 'robbery', 'fraud', 'criminal_damage'];
/** Types where the violence questions are asked for (and support is offered afterwards). */
export const VIOLENT_TYPES: readonly IncidentType[] = ['violence_against_staff', 'threats_abuse', 'robbery'];

export const GOODS_LABEL: Record<string, string> = {
  alcohol: 'Alcohol',
  meat: 'Meat',
  cheese_dairy: 'Cheese and dairy',
  health_beauty: 'Health and beauty',
  baby_formula: 'Baby formula',
  confectionery: 'Sweets',
  tobacco_vapes: 'Tobacco and vapes',
  electricals: 'Electricals',
  clothing: 'Clothing',
  household: 'Household',
  fuel: 'Fuel',
  cash: 'Cash',
  other: 'Other',
};
