import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { VaultStatus } from '../../../../shared/api/vault-api';
import { ROLE_LABELS } from '../../../../shared/domain/accounts';
import { api } from '../../api/client';
import { navigate, useHashRoute } from '../../app/router';
import { CasesPage } from '../cases/CasesPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { CourriersPage } from '../letters/correspondence/CourriersPage';
import { TemplatesPage } from '../letters/templates/TemplatesPage';
import { GuideSection } from '../resources/GuideSection';
import { ResourcesPage } from '../resources/ResourcesPage';
import { SettingsPage } from '../settings/SettingsPage';
import { WatchPage } from '../watch/WatchPage';

export interface ShellContext {
  status: VaultStatus;
  route: string[];
  onStatusChange: () => void;
}

interface Section {
  id: string;
  label: string;
  render: (ctx: ShellContext) => ReactNode;
}

/** Only sections that work are listed; each feature adds its own entry here. */
const SECTIONS: Section[] = [
  { id: 'accueil', label: 'Tableau de bord', render: () => <DashboardPage /> },
  { id: 'dossiers', label: 'Dossiers', render: (ctx) => <CasesPage {...ctx} /> },
  { id: 'courriers', label: 'Courriers', render: (ctx) => <CourriersPage {...ctx} /> },
  { id: 'modeles', label: 'Modèles', render: (ctx) => <TemplatesPage {...ctx} /> },
  { id: 'veille', label: 'Veille', render: (ctx) => <WatchPage route={ctx.route} /> },
  { id: 'ressources', label: 'Ressources', render: (ctx) => <ResourcesPage {...ctx} /> },
  { id: 'guide', label: 'Guide', render: (ctx) => <GuideSection {...ctx} /> },
  { id: 'parametres', label: 'Paramètres', render: (ctx) => <SettingsPage {...ctx} /> },
];

export function Shell({
  status,
  onStatusChange,
}: {
  status: VaultStatus;
  onStatusChange: () => void;
}) {
  const route = useHashRoute();
  const current = SECTIONS.find((s) => s.id === route[0]) ?? SECTIONS[0]!;
  const session = status.session!;

  const lock = async () => {
    await api.vault.lock({});
    onStatusChange();
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="sm">
            <Title order={3}>Égide</Title>
            {status.demo && <Badge color="grape">Démonstration</Badge>}
          </Group>
          <Group gap="sm">
            <Text size="sm" data-testid="session-account">
              {session.label} · {ROLE_LABELS[session.role]}
            </Text>
            {status.demo && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => void api.vault.leaveDemo({}).then(onStatusChange)}
              >
                Quitter la démonstration
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => void lock()}>
              Verrouiller
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          {SECTIONS.map((s) => (
            <NavLink
              key={s.id}
              label={s.label}
              active={s.id === current.id}
              onClick={() => navigate(s.id)}
              href={`#/${s.id}`}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{current.render({ status, route, onStatusChange })}</AppShell.Main>
    </AppShell>
  );
}
