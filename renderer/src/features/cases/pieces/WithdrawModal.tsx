import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

import type { Piece } from '../../../../../shared/api/cases-api';
import { api } from '../../../api/client';
import { useAction } from '../../../hooks/useAction';

interface Props {
  piece: Piece;
  onClose: () => void;
  onDone: () => void;
}

export function WithdrawModal({ piece, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const withdraw = useAction(() => api.pieces.withdraw({ pieceId: piece.id, reason }));

  return (
    <Modal opened onClose={onClose} title={`Retirer la pièce n° ${piece.number}`}>
      <Stack>
        <Text size="sm">
          La pièce reste dans le dossier, grisée, avec son numéro et le motif du retrait : la
          numérotation du bordereau ne change pas et rien n’est effacé.
        </Text>
        <Textarea
          label="Motif du retrait"
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {withdraw.error && <Alert color="red">{withdraw.error}</Alert>}
        <Button
          color="red"
          loading={withdraw.pending}
          disabled={!reason.trim()}
          onClick={() => void withdraw.run().then((p) => p && onDone())}
        >
          Retirer la pièce
        </Button>
      </Stack>
    </Modal>
  );
}
