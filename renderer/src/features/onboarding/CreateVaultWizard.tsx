import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';

import type { Practice } from '../../../../shared/domain/accounts';
import { api } from '../../api/client';
import { PassphraseField, passphraseOk } from '../../components/PassphraseField';
import { useAction } from '../../hooks/useAction';
import { RecoveryKeyStep } from './RecoveryKeyStep';

const EMPTY: Practice = {
  name: '',
  address: '',
  city: '',
  phone: '',
  email: '',
  doctorName: '',
  rpps: '',
};

export function CreateVaultWizard({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel: () => void;
}) {
  const [step, setStep] = useState(0);
  const [practice, setPractice] = useState<Practice>(EMPTY);
  const [accountLabel, setAccountLabel] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const create = useAction(() =>
    api.vault.create({
      practice,
      accountLabel: accountLabel || practice.doctorName,
      passphrase: pass,
    }),
  );

  const set = (key: keyof Practice) => (e: { currentTarget: { value: string } }) =>
    setPractice({ ...practice, [key]: e.currentTarget.value });
  const context = [practice.name, practice.doctorName, practice.city, accountLabel];
  const cabinetOk = practice.name.trim() && practice.address.trim() && practice.city.trim();
  const doctorOk =
    practice.doctorName.trim() &&
    (!practice.rpps || /^\d{11}$/.test(practice.rpps.replace(/\s/g, '')));

  return (
    <Container size="sm" py={40}>
      <Paper withBorder p="xl">
        <Title order={2} mb="lg">
          Création du coffre du cabinet
        </Title>
        <Stepper active={step} size="sm">
          <Stepper.Step label="Cabinet">
            <Stack mt="md">
              <TextInput
                label="Nom du cabinet"
                required
                value={practice.name}
                onChange={set('name')}
              />
              <Textarea
                label="Adresse"
                required
                autosize
                minRows={2}
                value={practice.address}
                onChange={set('address')}
              />
              <TextInput
                label="Ville (pour « Fait à … »)"
                required
                value={practice.city}
                onChange={set('city')}
              />
              <TextInput
                label="Téléphone du cabinet"
                value={practice.phone}
                onChange={set('phone')}
              />
              <TextInput label="E-mail du cabinet" value={practice.email} onChange={set('email')} />
              <Group justify="space-between">
                <Button variant="subtle" onClick={onCancel}>
                  Annuler
                </Button>
                <Button disabled={!cabinetOk} onClick={() => setStep(1)}>
                  Continuer
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Médecin">
            <Stack mt="md">
              <TextInput
                label="Nom du médecin"
                placeholder="Dr Prénom Nom"
                required
                value={practice.doctorName}
                onChange={set('doctorName')}
              />
              <TextInput
                label="Numéro RPPS"
                description="11 chiffres, figurant sur votre carte CPS."
                value={practice.rpps}
                onChange={set('rpps')}
                error={
                  practice.rpps && !/^\d{11}$/.test(practice.rpps.replace(/\s/g, ''))
                    ? 'Le numéro RPPS compte 11 chiffres.'
                    : undefined
                }
              />
              <TextInput
                label="Nom du compte affiché à l'ouverture"
                placeholder={practice.doctorName || 'Dr Prénom Nom'}
                value={accountLabel}
                onChange={(e) => setAccountLabel(e.currentTarget.value)}
              />
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => setStep(0)}>
                  Retour
                </Button>
                <Button disabled={!doctorOk} onClick={() => setStep(2)}>
                  Continuer
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Phrase de passe">
            <Stack mt="md">
              <Text size="sm">
                Cette phrase de passe protège le coffre du médecin. Elle n'est enregistrée nulle
                part : en cas d'oubli, seule la clé de secours (étape suivante) permet de rouvrir le
                coffre.
              </Text>
              <PassphraseField
                label="Phrase de passe"
                value={pass}
                onChange={setPass}
                context={context}
                autoFocus
              />
              <PasswordInput
                label="Confirmez la phrase de passe"
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={confirm && confirm !== pass ? 'Les deux saisies diffèrent.' : undefined}
                autoComplete="new-password"
              />
              {create.error && <Alert color="red">{create.error}</Alert>}
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => setStep(1)}>
                  Retour
                </Button>
                <Button
                  loading={create.pending}
                  disabled={!passphraseOk(pass, context) || pass !== confirm}
                  onClick={() =>
                    void create.run().then((r) => {
                      if (!r) return;
                      setRecoveryKey(r.recoveryKey);
                      setPass('');
                      setConfirm('');
                      setStep(3);
                    })
                  }
                >
                  Créer le coffre
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Clé de secours">
            {recoveryKey && (
              <RecoveryKeyStep
                recoveryKey={recoveryKey}
                practiceName={practice.name}
                onConfirmed={onDone}
              />
            )}
          </Stepper.Step>
        </Stepper>
      </Paper>
    </Container>
  );
}
