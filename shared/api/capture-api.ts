import { z } from 'zod';

import type { Piece } from './cases-api';
import { method } from './define';

const caseId = z.string().uuid({ error: 'Dossier introuvable.' });

export interface CaptureApproval {
  caseId: string;
  url: string;
}

/**
 * "Capturer une page" (desktop app only). The core checks the case and the address; the Electron
 * main process then opens the separate capture window, and on "take" grabs a full-page image and
 * a PDF and imports both through pieces.import, the same path as any file.
 */
export const captureApi = {
  'capture.open': method<CaptureApproval>()(
    z.object({
      caseId,
      url: z
        .string()
        .trim()
        .min(1, { error: 'Adresse de la page : collez l’adresse (URL) à capturer.' })
        .max(2048, { error: 'Adresse (URL) trop longue.' }),
    }),
  ),
  'capture.take': method<{ caseId: string; pieces: Piece[] }>()(z.object({ caseId })),
  'capture.close': method<null>()(z.object({})),
};
