import { Alert, Button, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import type { Dashboard, DeadlineView, OverdueLetter } from '../../../../shared/api/watch-api';
import { api, errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import { useAction } from '../../hooks/useAction';
import { CasesByPath, OverdueLetters, RecentActivityList } from './DashboardPanels';
import { DeadlineCard } from './DeadlineCard';
import { daysLeftLabel, downloadText } from './deadline-format';
import { FollowUpModal, type FollowUpTarget } from './FollowUpModal';
import { OverrideModal } from './OverrideModal';
import { useDueNotifications } from './useDueNotifications';

function inDays(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

/** The home page: what is due, what is late, what each open case file waits for. */
export function DashboardPage() {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<DeadlineView | null>(null);
  const [followUp, setFollowUp] = useState<FollowUpTarget | null>(null);
  const ics = useAction(api.deadlines.ics);
  const [notice, dismissNotice] = useDueNotifications();

  const reload = useCallback(async () => {
    try {
      setData(await api.dashboard.get({}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const exportIcs = async () => {
    const file = await ics.run({});
    if (file) downloadText(file.content, file.filename, 'text/calendar;charset=utf-8');
  };
  const planFollowUp = (l: OverdueLetter) =>
    setFollowUp({
      caseId: l.caseId,
      correspondenceId: l.correspondenceId,
      label: `Relancer : ${l.subject}`.slice(0, 200),
      date: data ? inDays(data.today, 7) : '',
    });

  if (error && !data) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader aria-label="Chargement du tableau de bord" />;

  return (
    <Stack>
      <Title order={2}>Tableau de bord</Title>
      {notice && (
        <Alert
          color="red"
          variant="filled"
          title={notice.title}
          withCloseButton
          onClose={dismissNotice}
          data-testid="due-notification"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {notice.body}
          </Text>
        </Alert>
      )}
      {data.dueSoon.length > 0 && (
        <Alert color="red" title="À traiter dans les 7 jours" data-testid="due-soon-banner">
          <Stack gap={2}>
            {data.dueSoon.map((d) => (
              <Text key={`${d.caseId}:${d.key}`} size="sm">
                {daysLeftLabel(d.daysLeft)} — {d.label} ({d.caseTitle})
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {data.listings.due && (
        <Alert
          color="yellow"
          title="Vérification mensuelle des fiches"
          data-testid="listings-reminder"
        >
          <Group justify="space-between">
            <Text size="sm">
              {data.listings.stale === 1
                ? 'Un site n’a pas été vérifié depuis 30 jours ou plus.'
                : `${data.listings.stale} sites sur ${data.listings.total} n’ont pas été ` +
                  'vérifiés depuis 30 jours ou plus.'}
            </Text>
            <Button size="xs" variant="light" onClick={() => navigate('veille')}>
              Vérifier les fiches
            </Button>
          </Group>
        </Alert>
      )}
      {data.problems.map((p) => (
        <Alert key={p.caseId} color="red" title={p.caseTitle}>
          {p.message}
        </Alert>
      ))}
      {error && <Alert color="red">{error}</Alert>}

      <Group justify="space-between">
        <Title order={3}>Échéances</Title>
        <Button
          variant="default"
          onClick={() => void exportIcs()}
          loading={ics.pending}
          disabled={data.deadlines.length === 0}
        >
          Exporter vers le calendrier (.ics)
        </Button>
      </Group>
      {ics.error && <Alert color="red">{ics.error}</Alert>}
      {data.deadlines.length === 0 ? (
        <Text c="dimmed" data-testid="deadlines-empty">
          Aucune échéance en cours. Les délais apparaissent dès qu’un dossier est qualifié et daté.
        </Text>
      ) : (
        <Stack gap="sm" data-testid="deadlines">
          {data.deadlines.map((d) => (
            <DeadlineCard key={`${d.caseId}:${d.key}`} deadline={d} onEdit={setEditing} />
          ))}
        </Stack>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <OverdueLetters letters={data.overdueLetters} onFollowUp={planFollowUp} />
            <CasesByPath groups={data.casesByPath} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RecentActivityList items={data.recent} />
        </Grid.Col>
      </Grid>

      <OverrideModal
        deadline={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
      <FollowUpModal
        target={followUp}
        onClose={() => setFollowUp(null)}
        onSaved={() => {
          setFollowUp(null);
          void reload();
        }}
      />
    </Stack>
  );
}
