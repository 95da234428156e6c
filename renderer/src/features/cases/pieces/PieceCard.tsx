import { Alert, Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';

import type { Piece } from '../../../../../shared/api/cases-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';
import { frenchDate, frenchSize } from '../format';
import { CaptureForm } from './CaptureForm';
import { HashLine } from './HashLine';
import { PieceViewer } from './PieceViewer';
import { WithdrawModal } from './WithdrawModal';

interface Props {
  piece: Piece;
  onChanged: () => void;
}

function CaptureSummary({ piece }: { piece: Piece }) {
  const c = piece.capture;
  const checks = [
    c.cacheEmptied && 'cache et historique vidés',
    c.clockChecked && 'horloge vérifiée',
    c.reachedByLinks && 'page atteinte en suivant des liens',
  ].filter(Boolean);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        Capturée {c.capturedAt ? `le ${frenchDate(c.capturedAt)}` : '(date inconnue)'}
        {c.capturedBy ? ` par ${c.capturedBy}` : ''}
        {c.sourceUrl ? ` depuis ${c.sourceUrl}` : ''}
      </Text>
      {checks.length > 0 && (
        <Text size="xs" c="dimmed">
          Précautions : {checks.join(', ')}.
        </Text>
      )}
      {c.description && <Text size="xs">{c.description}</Text>}
    </Stack>
  );
}

/** One numbered pièce: identity, hash, capture record and the actions that never delete it. */
export function PieceCard({ piece, onChanged }: Props) {
  const [viewing, setViewing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const verify = useAction(() => api.pieces.verify({ pieceId: piece.id }));
  const [check, setCheck] = useState<{ ok: boolean; message: string } | null>(null);
  const withdrawn = piece.withdrawn;

  return (
    <Paper
      withBorder
      p="md"
      data-testid={`piece-${piece.number}`}
      style={withdrawn ? { opacity: 0.6, background: 'var(--mantine-color-gray-0)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700}>Pièce n° {piece.number}</Text>
              {withdrawn && <Badge color="gray">Retirée</Badge>}
            </Group>
            <UnstyledButton onClick={() => setViewing(true)} title="Afficher la pièce">
              <Text c="blue" td="underline">
                {piece.title || piece.originalName}
              </Text>
            </UnstyledButton>
            <Text size="sm" c="dimmed">
              {piece.typeLabel} · {frenchSize(piece.size)}
              {piece.width && piece.height ? ` · ${piece.width} × ${piece.height} px` : ''} ·
              ajoutée le {frenchDate(piece.addedAt)}
              {piece.addedBy ? ` par ${piece.addedBy}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setViewing(true)}>
              Afficher
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={verify.pending}
              onClick={() => void verify.run().then((r) => r && setCheck(r))}
            >
              Vérifier l’intégrité
            </Button>
            {!withdrawn && (
              <Button size="xs" variant="default" onClick={() => setEditing((e) => !e)}>
                Fiche de capture
              </Button>
            )}
            {!withdrawn && (
              <Button size="xs" color="red" variant="light" onClick={() => setWithdrawing(true)}>
                Retirer du dossier
              </Button>
            )}
          </Group>
        </Group>
        <HashLine sha256={piece.sha256} />
        {withdrawn && (
          <Text size="sm" data-testid="piece-withdrawn">
            Retirée le {frenchDate(withdrawn.at)}
            {withdrawn.by ? ` par ${withdrawn.by}` : ''} · motif : {withdrawn.reason}
          </Text>
        )}
        {piece.warnings.map((w) => (
          <Text key={w} size="xs" c="orange">
            {w}
          </Text>
        ))}
        {check && (
          <Alert
            color={check.ok ? 'teal' : 'red'}
            withCloseButton
            onClose={() => setCheck(null)}
            data-testid="piece-verify"
          >
            {check.message}
          </Alert>
        )}
        {verify.error && <Alert color="red">{verify.error}</Alert>}
        {editing ? (
          <CaptureForm
            piece={piece}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <CaptureSummary piece={piece} />
        )}
      </Stack>
      {viewing && <PieceViewer piece={piece} onClose={() => setViewing(false)} />}
      {withdrawing && (
        <WithdrawModal
          piece={piece}
          onClose={() => setWithdrawing(false)}
          onDone={() => {
            setWithdrawing(false);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
