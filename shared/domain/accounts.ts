export const ROLES = ['medecin', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  medecin: 'Médecin',
  secretariat: 'Secrétariat',
};

export interface AccountSummary {
  id: string;
  label: string;
  role: Role;
  revoked: boolean;
}

export interface Practice {
  name: string;
  address: string;
  city: string;
  phone: string;
  email: string;
  doctorName: string;
  rpps: string;
}
