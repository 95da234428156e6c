import { Alert, Button, FileButton, Group, Kbd, Loader, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { CapturePage } from '../pieces/CapturePage';
import { PieceCard } from '../pieces/PieceCard';
import type { usePieceImport } from '../pieces/usePieceImport';

interface Props {
  detail: CaseDetail;
  importer: ReturnType<typeof usePieceImport>;
  onChanged: () => void;
}

/** Drop, choose or paste files; each becomes a numbered pièce with its SHA-256. */
export function PiecesTab({ detail, importer, onChanged }: Props) {
  const pieces = [...detail.pieces].sort((a, b) => a.number - b.number);

  return (
    <Stack maw={960}>
      <Dropzone
        onDrop={(files) => void importer.importFiles(files)}
        loading={importer.pending}
        data-testid="pieces-dropzone"
        activateOnClick={false}
      >
        <Stack align="center" gap={4} py="lg" style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <Text fw={600}>Déposez les fichiers pour les ajouter au dossier</Text>
          </Dropzone.Accept>
          <Dropzone.Idle>
            <Text fw={600}>Glissez ici captures d’écran, PDF, courriels…</Text>
          </Dropzone.Idle>
          <Text size="sm" c="dimmed">
            ou collez une capture d’écran avec <Kbd>Ctrl</Kbd> + <Kbd>V</Kbd> n’importe où sur le
            dossier
          </Text>
        </Stack>
      </Dropzone>
      <Group>
        <FileButton multiple onChange={(files) => void importer.importFiles(files)}>
          {(props) => (
            <Button {...props} variant="default">
              Choisir des fichiers
            </Button>
          )}
        </FileButton>
        <CapturePage detail={detail} onCaptured={onChanged} />
        {importer.pending && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Import en cours…</Text>
          </Group>
        )}
      </Group>
      {importer.refusals.map((r, i) => (
        <Alert
          key={`${r.name}-${i}`}
          color="red"
          title={`« ${r.name} » n’a pas été ajouté`}
          withCloseButton
          onClose={importer.dismiss}
          data-testid="piece-refusal"
        >
          {r.message}
        </Alert>
      ))}
      {pieces.length === 0 && (
        <Text c="dimmed" size="sm">
          Aucune pièce pour l’instant.
        </Text>
      )}
      {pieces.map((p) => (
        <PieceCard key={p.id} piece={p} onChanged={onChanged} />
      ))}
    </Stack>
  );
}
