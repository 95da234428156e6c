import type { GuideAction } from '../../../../shared/resources/schema';
import { navigate } from '../../app/router';

/**
 * Where each guide action leads. Features register their own screens here as they land (case
 * creation, letters, dashboard); the guide shows only the actions that have a route, so no
 * button ever does nothing.
 */
export const GUIDE_ACTION_ROUTES: Partial<Record<GuideAction, () => void>> = {
  'resources.insurers': () => navigate('ressources', 'assurances'),
  'resources.firms': () => navigate('ressources', 'societes'),
  'resources.institutions': () => navigate('ressources', 'institutions'),
  'case.create.review': () => navigate('dossiers', 'nouveau', 'review'),
  'case.create.listing': () => navigate('dossiers', 'nouveau', 'listing'),
  'case.create.google': () => navigate('dossiers', 'nouveau', 'google'),
  'case.create.other': () => navigate('dossiers', 'nouveau', 'other'),
  'letters.opposition': () => navigate('modeles', 'opposition-effacement-fiche'),
  dashboard: () => navigate('accueil'),
};
