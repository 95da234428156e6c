import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import { CASE_KIND_LABELS } from '../../../../shared/domain/cases';
import { navigate } from '../../app/router';
import { DeadlineWarnings } from './DeadlineWarnings';
import { PATH_LABELS } from './format';
import { usePieceImport } from './pieces/usePieceImport';
import { StatusMenu } from './StatusMenu';
import { ChronologyTab } from './tabs/ChronologyTab';
import { CorrespondenceTab } from './tabs/CorrespondenceTab';
import { ExportTab } from './tabs/ExportTab';
import { HistoryTab } from './tabs/HistoryTab';
import { LettersTab } from './tabs/LettersTab';
import { PathTab } from './tabs/PathTab';
import { PiecesTab } from './tabs/PiecesTab';
import { QualificationTab } from './tabs/QualificationTab';
import { ReplyTab } from './tabs/ReplyTab';
import { SummaryTab } from './tabs/SummaryTab';
import { useCaseDetail } from './useCaseDetail';

export type CaseTab = 'resume' | 'qualification' | 'parcours' | 'pieces' | 'chronologie';

/** Files from a paste: screenshots come as `files`, some sources only as items of kind file. */
function pastedFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.files);
  if (files.length > 0) return files;
  return Array.from(data.items)
    .filter((i) => i.kind === 'file')
    .map((i) => i.getAsFile())
    .filter((f): f is File => f !== null);
}

export function CaseDetailPage({ caseId }: { caseId: string }) {
  const { detail, error, setDetail, reload } = useCaseDetail(caseId);
  const [tab, setTab] = useState<CaseTab>('resume');
  const onImported = useCallback(() => void reload(), [reload]);
  const importer = usePieceImport(detail, onImported);
  const { importFiles } = importer;

  // Ctrl+V anywhere on the case file adds a screenshot; text pastes into fields are left alone.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = pastedFiles(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      setTab('pieces');
      void importFiles(files, true);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [importFiles]);

  if (error && !detail) {
    return (
      <Stack>
        <Alert color="red">{error}</Alert>
        <Anchor onClick={() => navigate('dossiers')}>Retour à la liste des dossiers</Anchor>
      </Stack>
    );
  }
  if (!detail) return <Loader aria-label="Chargement du dossier" />;

  return (
    <Stack>
      <Anchor size="sm" onClick={() => navigate('dossiers')}>
        ← Tous les dossiers
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={2}>{detail.title}</Title>
          <Group gap="xs">
            <Badge variant="outline">{CASE_KIND_LABELS[detail.kind]}</Badge>
            <Badge variant="light" color="grape">
              {PATH_LABELS[detail.path]}
            </Badge>
            {detail.platform && <Text size="sm">{detail.platform}</Text>}
          </Group>
        </Stack>
        <StatusMenu detail={detail} onChanged={setDetail} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <DeadlineWarnings detail={detail} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as CaseTab)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="resume">Résumé</Tabs.Tab>
          <Tabs.Tab value="qualification">Qualification</Tabs.Tab>
          <Tabs.Tab value="parcours">Parcours</Tabs.Tab>
          <Tabs.Tab value="pieces">Pièces ({detail.pieceCount})</Tabs.Tab>
          {detail.path === 'reponse' && <Tabs.Tab value="reponse">Réponse publique</Tabs.Tab>}
          <Tabs.Tab value="courriers">Courriers</Tabs.Tab>
          <Tabs.Tab value="correspondance">Correspondance</Tabs.Tab>
          <Tabs.Tab value="chronologie">Chronologie</Tabs.Tab>
          <Tabs.Tab value="export">Export avocat</Tabs.Tab>
          <Tabs.Tab value="historique">Historique</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="resume" pt="md">
          <SummaryTab detail={detail} onChanged={setDetail} />
        </Tabs.Panel>
        <Tabs.Panel value="qualification" pt="md">
          <QualificationTab detail={detail} onChanged={setDetail} />
        </Tabs.Panel>
        <Tabs.Panel value="parcours" pt="md">
          <PathTab
            detail={detail}
            onChanged={setDetail}
            onQualify={() => setTab('qualification')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="pieces" pt="md">
          <PiecesTab detail={detail} importer={importer} onChanged={() => void reload()} />
        </Tabs.Panel>
        {detail.path === 'reponse' && (
          <Tabs.Panel value="reponse" pt="md">
            <ReplyTab detail={detail} onChanged={() => void reload()} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="courriers" pt="md">
          <LettersTab detail={detail} onChanged={() => void reload()} />
        </Tabs.Panel>
        <Tabs.Panel value="correspondance" pt="md">
          <CorrespondenceTab detail={detail} onChanged={() => void reload()} />
        </Tabs.Panel>
        <Tabs.Panel value="chronologie" pt="md">
          <ChronologyTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="md">
          <ExportTab detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="historique" pt="md">
          <HistoryTab detail={detail} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
