import { Alert, Button, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

const MAX_PAGES = 30;
const SCALES = [0.5, 0.75, 1, 1.25, 1.5, 2];

/**
 * Renders a PDF pièce's pages to canvases with PDF.js: no plug-in, no frame, no script from the
 * document (PDF.js runs no document JavaScript unless asked to, and the CSP forbids eval). The
 * original bytes are only read; the canvases are a separate, derived preview.
 */
export function PdfPreview({ bytes }: { bytes: Uint8Array<ArrayBuffer> }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scale, setScale] = useState(1);

  useEffect(() => {
    let live = true;
    // PDF.js takes ownership of the buffer it is given: pass a copy.
    const task = getDocument({ data: bytes.slice(), enableXfa: false });
    task.promise.then(
      (d) => (live ? setDoc(d) : void d.destroy()),
      () => live && setError('Ce PDF ne peut pas être affiché. Son empreinte reste vérifiable.'),
    );
    return () => {
      live = false;
      void task.destroy();
    };
  }, [bytes]);

  if (error) return <Alert color="orange">{error}</Alert>;
  if (!doc) return <Loader aria-label="Chargement du PDF" />;
  const pages = Math.min(doc.numPages, MAX_PAGES);
  const i = SCALES.indexOf(scale);

  return (
    <Stack>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={i <= 0}
          onClick={() => setScale(SCALES[i - 1]!)}
          aria-label="Réduire"
        >
          −
        </Button>
        <Text size="sm" w={60} ta="center">
          {Math.round(scale * 100)} %
        </Text>
        <Button
          size="xs"
          variant="default"
          disabled={i >= SCALES.length - 1}
          onClick={() => setScale(SCALES[i + 1]!)}
          aria-label="Agrandir"
        >
          +
        </Button>
        <Text size="sm" c="dimmed">
          {doc.numPages} page{doc.numPages > 1 ? 's' : ''}
          {doc.numPages > MAX_PAGES ? ` (les ${MAX_PAGES} premières affichées)` : ''}
        </Text>
      </Group>
      <ScrollArea h="70vh">
        <Stack gap="md" data-testid="viewer-pdf">
          {Array.from({ length: pages }, (_, n) => (
            <PdfPage key={`${n}-${scale}`} doc={doc} number={n + 1} scale={scale} />
          ))}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}

function PdfPage({ doc, number, scale }: { doc: PDFDocumentProxy; number: number; scale: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let render: { cancel: () => void } | null = null;
    void doc.getPage(number).then((page) => {
      const target = canvas.current;
      if (cancelled || !target) return;
      const viewport = page.getViewport({ scale });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const task = page.render({ canvas: target, viewport });
      render = task;
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, number, scale]);
  return (
    <canvas
      ref={canvas}
      aria-label={`Page ${number}`}
      style={{ border: '1px solid var(--mantine-color-gray-4)', alignSelf: 'flex-start' }}
    />
  );
}
