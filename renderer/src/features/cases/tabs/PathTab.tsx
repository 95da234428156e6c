import { Alert, Badge, Button, Grid, Stack, Stepper, Text } from '@mantine/core';
import { useState } from 'react';

import type { CaseDetail } from '../../../../../shared/api/cases-api';
import { PATH_LABELS, STEP_STATE_COLORS, stepStateLabel } from '../format';
import { StepPanel } from './StepPanel';

interface Props {
  detail: CaseDetail;
  onChanged: (d: CaseDetail) => void;
  onQualify: () => void;
}

/** The steps of the case's path; a click on a step shows what it needs and its actions. */
export function PathTab({ detail, onChanged, onQualify }: Props) {
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (detail.path === 'a-qualifier') {
    return (
      <Alert color="blue" title="Qualifiez d’abord le contenu" maw={720}>
        <Stack align="start">
          <Text size="sm">
            Le parcours dépend de la qualification : un avis licite appelle une réponse publique, un
            contenu illicite suit les cinq paliers (signalement, mise en demeure, preuve, actions en
            justice).
          </Text>
          <Button onClick={onQualify}>Aller à la qualification</Button>
        </Stack>
      </Alert>
    );
  }

  const steps = detail.steps;
  const nextIndex = steps.findIndex((s) => s.state === 'a-faire');
  const active = nextIndex === -1 ? steps.length : nextIndex;
  const selected =
    steps.find((s) => s.id === selectedId) ?? steps[nextIndex] ?? steps.at(-1) ?? null;

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Text fw={600} mb="sm">
          {PATH_LABELS[detail.path]}
        </Text>
        <Stepper
          orientation="vertical"
          active={active}
          allowNextStepsSelect
          onStepClick={(i) => setSelectedId(steps[i]?.id ?? null)}
        >
          {steps.map((s) => (
            <Stepper.Step
              key={s.id}
              data-testid={`step-${s.id}`}
              label={s.label}
              color={s.state === 'ecarte' ? 'gray' : undefined}
              completedIcon={s.state === 'ecarte' ? '—' : undefined}
              icon={s.state === 'fait' ? '✓' : s.state === 'ecarte' ? '—' : undefined}
              description={
                <Stack gap={4} component="span" align="start">
                  <Badge
                    component="span"
                    size="sm"
                    variant="light"
                    color={STEP_STATE_COLORS[s.state]}
                    data-testid={`step-state-${s.id}`}
                  >
                    {stepStateLabel(s.state, s.date, s.reason)}
                  </Badge>
                  {selected?.id === s.id && (
                    <Text component="span" size="xs" c="blue">
                      Étape sélectionnée
                    </Text>
                  )}
                </Stack>
              }
            />
          ))}
          <Stepper.Completed>
            <Text size="sm" c="teal">
              Toutes les étapes sont faites ou écartées.
            </Text>
          </Stepper.Completed>
        </Stepper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        {selected && (
          <StepPanel
            key={`${selected.id}-${selected.state}`}
            caseId={detail.id}
            step={selected}
            onChanged={(d) => {
              onChanged(d);
              setSelectedId(null);
            }}
          />
        )}
      </Grid.Col>
    </Grid>
  );
}
