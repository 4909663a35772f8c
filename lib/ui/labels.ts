import type { Role } from '@/lib/domain/enums';

export const ROLE_LABEL: Record<Role, string> = {
  colleague: 'Colleague',
  security: 'Security officer',
  store_manager: 'Store manager',
  regional_manager: 'Regional manager',
  investigator: 'Investigator',
  dpo: 'Data protection officer',
  admin: 'Administrator',
};
