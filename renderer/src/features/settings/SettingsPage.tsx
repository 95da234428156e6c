import { Stack, Tabs, Title } from '@mantine/core';

import type { ShellContext } from '../shell/Shell';
import { AccountsPanel } from './AccountsPanel';
import { BackupPanel } from './BackupPanel';
import { JournalPanel } from './JournalPanel';
import { PracticePanel } from './PracticePanel';
import { SecurityPanel } from './SecurityPanel';

export function SettingsPage({ status, onStatusChange }: ShellContext) {
  const isDoctor = status.session?.role === 'medecin';
  return (
    <Stack>
      <Title order={2}>Paramètres</Title>
      <Tabs defaultValue="cabinet" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="cabinet">Cabinet</Tabs.Tab>
          <Tabs.Tab value="comptes">Comptes</Tabs.Tab>
          <Tabs.Tab value="securite">Sécurité</Tabs.Tab>
          <Tabs.Tab value="sauvegardes">Sauvegardes</Tabs.Tab>
          <Tabs.Tab value="journal">Journal</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cabinet" pt="md">
          <PracticePanel canEdit={isDoctor} />
        </Tabs.Panel>
        <Tabs.Panel value="comptes" pt="md">
          <AccountsPanel
            canEdit={isDoctor}
            currentId={status.session?.accountId ?? ''}
            onChange={onStatusChange}
          />
        </Tabs.Panel>
        <Tabs.Panel value="securite" pt="md">
          <SecurityPanel canEdit={isDoctor} session={status.session!} />
        </Tabs.Panel>
        <Tabs.Panel value="sauvegardes" pt="md">
          <BackupPanel canEdit={isDoctor} />
        </Tabs.Panel>
        <Tabs.Panel value="journal" pt="md">
          <JournalPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
