import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail, Qualification } from '../../../../../shared/api/cases-api';
import { CATEGORY_INFO } from '../../../../../shared/domain/cases';
import { frenchDate } from '../format';
import { QualifyModal } from './QualifyModal';

interface Props {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
}

function Verdict({
  q,
}: {
  q: { lawful: boolean | null; categories: Qualification['categories'] };
}) {
  if (q.lawful === null) return <Badge color="gray">Non qualifié</Badge>;
  if (q.lawful) return <Badge color="teal">Licite (désagréable mais permis)</Badge>;
  return (
    <Group gap={6}>
      <Badge color="red">Illicite</Badge>
      {q.categories.map((c) => (
        <Badge key={c} color="red" variant="light">
          {CATEGORY_INFO[c].label}
        </Badge>
      ))}
    </Group>
  );
}

export function QualificationTab({ detail, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const history = [...detail.qualifications].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={4}>Qualification actuelle</Title>
        <Button onClick={() => setOpen(true)}>
          {detail.lawful === null ? 'Qualifier' : 'Qualifier à nouveau'}
        </Button>
      </Group>
      <div data-testid="qualification-current">
        <Verdict q={detail} />
      </div>
      {detail.kind === 'listing' && (
        <Alert color="blue" variant="light">
          Une fiche nominative suit la démarche RGPD quelle que soit la qualification : celle-ci
          sert seulement si la fiche contient aussi des propos à examiner.
        </Alert>
      )}
      {detail.lawful === null && detail.kind !== 'listing' && (
        <Text size="sm" c="dimmed">
          Répondez au questionnaire pour savoir si le contenu relève de la liberté d’expression (une
          réponse publique suffit) ou d’une des six catégories de propos illicites (les cinq paliers
          du guide).
        </Text>
      )}
      {history.length > 0 && (
        <>
          <Title order={5} mt="md">
            Historique
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Par</Table.Th>
                <Table.Th>Conclusion</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((q) => (
                <Table.Tr key={q.id}>
                  <Table.Td>{frenchDate(q.at)}</Table.Td>
                  <Table.Td>{q.by}</Table.Td>
                  <Table.Td>
                    <Verdict q={q} />
                  </Table.Td>
                  <Table.Td>{q.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {open && (
        <QualifyModal
          detail={detail}
          onClose={() => setOpen(false)}
          onDone={(d) => {
            onChanged(d);
            setOpen(false);
          }}
        />
      )}
    </Stack>
  );
}
