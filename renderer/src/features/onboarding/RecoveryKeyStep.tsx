import { Alert, Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';

function pickTwo(count: number): [number, number] {
  const a = Math.floor(Math.random() * count);
  let b = Math.floor(Math.random() * (count - 1));
  if (b >= a) b += 1;
  return a < b ? [a, b] : [b, a];
}

interface Props {
  recoveryKey: string;
  practiceName: string;
  onConfirmed: () => void;
}

/**
 * The recovery key is shown once. The user prints or copies it by hand, then proves it was
 * written down by retyping two of its groups chosen at random.
 */
export function RecoveryKeyStep({ recoveryKey, practiceName, onConfirmed }: Props) {
  const groups = recoveryKey.split('-');
  const [asked] = useState(() => pickTwo(groups.length));
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const norm = (s: string) => s.trim().toUpperCase();
  const ok = norm(first) === groups[asked[0]] && norm(second) === groups[asked[1]];

  return (
    <Stack mt="md">
      <div className="recovery-sheet">
        <Title order={3}>Clé de secours du coffre</Title>
        <Text size="sm">{practiceName}</Text>
        <Code block fz="xl" ta="center" data-testid="recovery-key" my="sm">
          {recoveryKey}
        </Code>
        <Text size="sm">
          Imprimez cette feuille ou recopiez la clé, et rangez-la sous clé, hors de l'ordinateur.
          Elle rouvre le coffre si la phrase de passe est perdue ; elle ne sera plus jamais
          affichée.
        </Text>
      </div>
      <Group>
        <Button variant="default" onClick={() => window.print()}>
          Imprimer
        </Button>
      </Group>
      <Alert color="yellow" title="Vérification">
        Pour confirmer que la clé est bien notée, recopiez les groupes n° {asked[0] + 1} et n°{' '}
        {asked[1] + 1}.
      </Alert>
      <Group grow>
        <TextInput
          label={`Groupe n° ${asked[0] + 1}`}
          value={first}
          onChange={(e) => setFirst(e.currentTarget.value)}
          maxLength={4}
        />
        <TextInput
          label={`Groupe n° ${asked[1] + 1}`}
          value={second}
          onChange={(e) => setSecond(e.currentTarget.value)}
          maxLength={4}
        />
      </Group>
      <Button disabled={!ok} onClick={onConfirmed}>
        J'ai noté ma clé de secours
      </Button>
    </Stack>
  );
}
