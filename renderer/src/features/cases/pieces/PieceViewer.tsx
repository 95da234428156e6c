import {
  Alert,
  Box,
  Button,
  Code,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';

import type { Piece } from '../../../../../shared/api/cases-api';
import { api, errorMessage } from '../../../api/client';
import { PdfPreview } from './PdfPreview';

type Content =
  | { kind: 'image'; url: string }
  | { kind: 'pdf'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'text'; text: string }
  | { kind: 'none'; sha256: string };

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const TEXT_MIMES = ['message/rfc822', 'application/json'];
// SVG is refused at import; an image/svg+xml here would still never be rendered as markup.
const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

/**
 * The preview is derived, never the original: the image is decoded once and re-encoded as a
 * fresh PNG (metadata and anything after the pixels are dropped); the pièce's bytes are untouched.
 */
async function reencode(bytes: Uint8Array<ArrayBuffer>, mime: string): Promise<string> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mime }));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
  } finally {
    bitmap.close();
  }
}

async function toContent(base64: string, mime: string, sha256: string): Promise<Content> {
  const bytes = decode(base64);
  if (IMAGE_MIMES.includes(mime)) return { kind: 'image', url: await reencode(bytes, mime) };
  if (mime === 'application/pdf') return { kind: 'pdf', bytes };
  if (mime.startsWith('text/') || TEXT_MIMES.includes(mime)) {
    return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
  }
  return { kind: 'none', sha256 };
}

const ZOOMS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** Shows a pièce's bytes safely: images as blob URLs, text in a <pre>, never as HTML. */
export function PieceViewer({ piece, onClose }: { piece: Piece; onClose: () => void }) {
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [naturalWidth, setNaturalWidth] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    api.pieces
      .content({ pieceId: piece.id })
      .then((r) => toContent(r.base64, r.mime, r.sha256))
      .then(
        (c) => {
          if (c.kind === 'image') url = c.url;
          if (live) setContent(c);
          else if (url) URL.revokeObjectURL(url);
        },
        (e: unknown) =>
          live &&
          setError(
            e instanceof DOMException
              ? 'Cette image ne peut pas être affichée. Son empreinte reste vérifiable.'
              : errorMessage(e),
          ),
      );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [piece.id]);

  const step = (dir: 1 | -1) => {
    const current = zoom === 'fit' ? 1 : zoom;
    const i = ZOOMS.indexOf(current);
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i === -1 ? 3 : i) + dir))]!);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Pièce n° ${piece.number} — ${piece.title || piece.originalName}`}
      size="90%"
    >
      {error && <Alert color="red">{error}</Alert>}
      {!content && !error && <Loader aria-label="Chargement de la pièce" />}
      {content?.kind === 'image' && (
        <Stack>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => step(-1)} aria-label="Réduire">
              −
            </Button>
            <Text size="sm" w={60} ta="center" data-testid="viewer-zoom">
              {zoom === 'fit' ? 'Ajusté' : `${Math.round(zoom * 100)} %`}
            </Text>
            <Button size="xs" variant="default" onClick={() => step(1)} aria-label="Agrandir">
              +
            </Button>
            <Button size="xs" variant="default" onClick={() => setZoom('fit')}>
              Ajuster à la fenêtre
            </Button>
            <Button size="xs" variant="default" onClick={() => setZoom(1)}>
              Taille réelle
            </Button>
          </Group>
          <ScrollArea h="70vh">
            <Box>
              <img
                src={content.url}
                alt={piece.title || `Pièce n° ${piece.number}`}
                data-testid="viewer-image"
                onLoad={(e) => setNaturalWidth(e.currentTarget.naturalWidth)}
                style={
                  zoom === 'fit' || naturalWidth === null
                    ? { maxWidth: '100%', maxHeight: '68vh', display: 'block' }
                    : // Width rather than a CSS transform, so the scroll area follows the zoom.
                      { width: naturalWidth * zoom, maxWidth: 'none', display: 'block' }
                }
              />
            </Box>
          </ScrollArea>
        </Stack>
      )}
      {content?.kind === 'pdf' && <PdfPreview bytes={content.bytes} />}
      {content?.kind === 'text' && (
        <ScrollArea h="70vh">
          <pre
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            data-testid="viewer-text"
          >
            {content.text}
          </pre>
        </ScrollArea>
      )}
      {content?.kind === 'none' && (
        <Stack gap="xs">
          <Text>Aperçu indisponible pour ce type de fichier.</Text>
          <Text size="sm">
            Empreinte SHA-256 : <Code style={{ wordBreak: 'break-all' }}>{content.sha256}</Code>
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
