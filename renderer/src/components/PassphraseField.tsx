import { Box, List, PasswordInput, Progress, Text } from '@mantine/core';
import { useMemo } from 'react';

import { evaluatePassphrase, SCORE_LABELS } from '../../../shared/passphrase';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  context?: string[];
  error?: string | null;
  autoFocus?: boolean;
}

/** A new passphrase with its strength meter: the same policy the core enforces. */
export function PassphraseField({ label, value, onChange, context = [], error, autoFocus }: Props) {
  const verdict = useMemo(() => evaluatePassphrase(value, context), [value, context]);
  return (
    <Box>
      <PasswordInput
        label={label}
        description="12 caractères au moins ; une phrase de plusieurs mots est idéale."
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error ?? undefined}
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
      />
      {value.length > 0 && (
        <Box mt="xs" data-testid="passphrase-strength">
          <Progress
            value={(verdict.score + 1) * 20}
            color={COLORS[verdict.score]}
            size="sm"
            aria-label="Solidité de la phrase de passe"
          />
          <Text size="sm" mt={4} c={verdict.ok ? 'teal' : 'red'}>
            Solidité : {SCORE_LABELS[verdict.score]}
            {verdict.ok ? ' — acceptée' : ' — insuffisante'}
          </Text>
          {!verdict.ok && (
            <List size="sm" c="dimmed">
              {verdict.reasons.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          )}
        </Box>
      )}
    </Box>
  );
}

export function passphraseOk(value: string, context: string[] = []): boolean {
  return evaluatePassphrase(value, context).ok;
}
