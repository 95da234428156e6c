import { saveContact } from '../directory/contacts';
import { setNote } from '../directory/notes';
import type { OpenVault } from '../vault/open-vault';

/**
 * The demo cabinet's address book and one note on an insurer. Every person, address, number and
 * e-mail here is invented (.example domains, phone numbers from the ranges ARCEP reserves for
 * fiction); MACSF itself is a real insurer from the guide, but the contract number is not.
 */
export function seedDirectoryDemo(vault: OpenVault, now: Date): void {
  saveContact(
    vault,
    {
      role: 'avocat',
      name: 'Maître Sophie Renaud',
      organisation: 'Renaud Avocats',
      address: '24 quai Saint-Antoine\n69002 Lyon',
      email: 'sophie.renaud@renaud-avocats.example',
      phone: '04 65 71 01 02',
      notes: 'Avocate en droit de la presse et du numérique, suit les dossiers d’avis illicites.',
    },
    now,
  );
  saveContact(
    vault,
    {
      role: 'commissaire',
      name: 'Maître Antoine Delorme',
      organisation: 'Étude Delorme, commissaires de justice',
      address: '5 rue de la République\n69001 Lyon',
      email: 'constats@etude-delorme.example',
      phone: '04 65 71 03 04',
      notes: 'Réalise les constats sur Internet ; délai habituel de deux à trois jours.',
    },
    now,
  );
  saveContact(
    vault,
    {
      role: 'assureur',
      name: 'Service protection juridique',
      organisation: 'MACSF',
      email: 'protection-juridique@assureur.example',
      phone: '01 99 00 05 06',
      notes: 'Prévenir avant toute démarche payante (avocat, constat) pour la prise en charge.',
    },
    now,
  );
  setNote(
    vault,
    'insurer:macsf',
    'Contrat RCP et protection juridique n° DEMO-2024-0815 ; interlocutrice : Mme Laure Besson.',
    now,
  );
}
