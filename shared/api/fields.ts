import { z } from 'zod';

/** Reusable field schemas with French messages that tell the user what to fix. */
export const text = (label: string, max = 500) =>
  z
    .string({ error: `${label} : valeur attendue.` })
    .trim()
    .max(max, { error: `${label} : ${max} caractères au plus.` });

export const requiredText = (label: string, max = 500) =>
  text(label, max).min(1, { error: `${label} : ce champ est obligatoire.` });

export const id = z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'Identifiant invalide.' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date invalide : utilisez le format JJ/MM/AAAA.' });

export const email = (label: string) =>
  z
    .string()
    .trim()
    .max(254)
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), {
      error: `${label} : adresse e-mail invalide (exemple : cabinet@exemple.fr).`,
    });

export const phone = (label: string) =>
  z
    .string()
    .trim()
    .max(30)
    .refine((s) => s === '' || /^\+?[\d\s.()-]{6,}$/.test(s), {
      error: `${label} : numéro invalide (exemple : 01 23 45 67 89).`,
    });

export const rpps = z
  .string()
  .trim()
  .refine((s) => s === '' || /^\d{11}$/.test(s.replace(/\s/g, '')), {
    error: 'Numéro RPPS : 11 chiffres attendus.',
  });

/** Passphrases are never trimmed: every character counts. */
export const passphrase = z
  .string({ error: 'Phrase de passe attendue.' })
  .min(1, { error: 'Saisissez la phrase de passe.' })
  .max(1024, { error: 'Phrase de passe trop longue (1024 caractères au plus).' });
