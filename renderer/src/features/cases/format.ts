import type { CasePath, CaseStatus, StepState } from '../../../../shared/domain/cases';

/** ISO dates ("2026-03-12") are calendar days: read them as local days, never as UTC midnights. */
function parseDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "12 mars 2026" for a day; a timestamp also gets its time ("12 mars 2026 à 14:05"). */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = parseDay(iso);
  if (!d) return iso;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(d) : dateTimeFormat.format(d);
}

export function frenchDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = parseDay(iso);
  return d ? dayFormat.format(d) : iso;
}

/** Today as the local calendar day, in the ISO form an `<input type="date">` uses. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local date and time for an `<input type="datetime-local">`, from an ISO timestamp. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}`
  );
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** French units: octets, ko, Mo, Go (powers of 1024, as the size limit setting uses). */
export function frenchSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octet${bytes > 1 ? 's' : ''}`;
  const units = ['ko', 'Mo', 'Go'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${sizeFormat.format(value)} ${units[unit]}`;
}

export const STATUS_COLORS: Record<CaseStatus, string> = {
  ouvert: 'blue',
  attente: 'yellow',
  clos: 'gray',
};

export const PATH_LABELS: Record<CasePath, string> = {
  paliers: 'Contenu illicite : cinq paliers',
  reponse: 'Avis licite : réponse publique',
  fiche: 'Fiche nominative : RGPD',
  'a-qualifier': 'À qualifier',
};

export function stepStateLabel(state: StepState, date: string | null, reason: string): string {
  if (state === 'fait') return date ? `Fait le ${frenchDay(date)}` : 'Fait';
  if (state === 'ecarte') return reason ? `Écarté : ${reason}` : 'Écarté';
  return 'À faire';
}

export const STEP_STATE_COLORS: Record<StepState, string> = {
  'a-faire': 'blue',
  fait: 'teal',
  ecarte: 'gray',
};
