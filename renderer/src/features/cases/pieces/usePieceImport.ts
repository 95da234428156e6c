import { useCallback, useState } from 'react';

import type { CaseDetail, Piece } from '../../../../../shared/api/cases-api';
import { api, errorMessage } from '../../../api/client';
import { frenchDate, frenchSize } from '../format';

export interface Refusal {
  name: string;
  message: string;
}

const MIB = 1024 * 1024;

/** FileReader gives "data:<mime>;base64,<payload>": the core wants the payload only. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function titleFor(file: File, pasted: boolean): string {
  if (pasted) return `Capture d’écran collée le ${frenchDate(new Date().toISOString())}`;
  const dot = file.name.lastIndexOf('.');
  return (dot > 0 ? file.name.slice(0, dot) : file.name).slice(0, 200);
}

/**
 * Sends dropped, chosen or pasted files to the core one by one. The size limit is checked
 * before reading a byte, so a 2 Gio video is refused at once instead of filling the memory.
 */
export function usePieceImport(detail: CaseDetail | null, onImported: (p: Piece) => void) {
  const [pending, setPending] = useState(0);
  const [refusals, setRefusals] = useState<Refusal[]>([]);

  const importFiles = useCallback(
    async (files: File[], pasted = false) => {
      if (!detail || files.length === 0) return;
      setRefusals([]);
      setPending((n) => n + files.length);
      let maxMiB: number | null = null;
      try {
        // Read at each import: the doctor may have changed the limit since the page opened.
        maxMiB = (await api.settings.get({})).maxPieceMiB;
      } catch {
        // The core checks the size again: without the setting, it alone decides.
      }
      for (const file of files) {
        const name = file.name || 'capture';
        try {
          if (maxMiB !== null && file.size > maxMiB * MIB) {
            setRefusals((r) => [
              ...r,
              {
                name,
                message:
                  `Fichier trop volumineux (${frenchSize(file.size)}) : la taille maximale ` +
                  `d’une pièce est de ${maxMiB} Mio. Réduisez le fichier ou augmentez la ` +
                  'limite dans Paramètres › Sécurité.',
              },
            ]);
            continue;
          }
          const base64 = await readBase64(file);
          const piece = await api.pieces.import({
            caseId: detail.id,
            source: { kind: 'bytes', name, base64 },
            title: titleFor(file, pasted),
            capture: {
              sourceUrl: detail.fields.url,
              capturedAt: new Date().toISOString(),
              os: navigator.platform.slice(0, 200),
              browser: navigator.userAgent.slice(0, 200),
              description: pasted ? 'Capture d’écran collée depuis le presse-papiers.' : '',
            },
          });
          onImported(piece);
        } catch (e) {
          setRefusals((r) => [...r, { name, message: errorMessage(e) }]);
        } finally {
          setPending((n) => n - 1);
        }
      }
    },
    [detail, onImported],
  );

  return { importFiles, pending: pending > 0, refusals, dismiss: () => setRefusals([]) };
}
