import { Alert, Badge, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

import type { InsurerOfferKind, InsurersFile } from '../../../../shared/resources/schema';
import { EntryCard, type NoteProps } from './EntryCard';

/**
 * Insurers and their two kinds of offer, kept apart everywhere: help with managing what is
 * published, and cover for lost income and legal costs. The guide's warning comes first.
 */
export function InsurersPanel({ insurers, ...notes }: { insurers: InsurersFile } & NoteProps) {
  const kinds = new Map(insurers.offerKinds.map((k) => [k.kind, k]));
  const order: InsurerOfferKind[] = insurers.offerKinds.map((k) => k.kind);

  return (
    <Stack>
      <Alert
        color="orange"
        variant="filled"
        title="Vérifiez votre contrat avant de compter sur une garantie"
        icon={<IconAlertTriangle aria-hidden />}
        data-testid="insurers-warning"
      >
        {insurers.warning}
      </Alert>
      <Title order={3}>Deux types d’offres à distinguer</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {insurers.offerKinds.map((k) => (
          <Paper key={k.kind} withBorder p="md" data-testid={`offer-kind-${k.kind}`}>
            <Text fw={700}>{k.label}</Text>
            <Text size="sm">{k.description}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={3}>Assureurs cités par le guide</Title>
      {insurers.insurers.map((x) => (
        <EntryCard
          key={x.id}
          entryId={`insurer:${x.id}`}
          title={x.name}
          description={x.description}
          links={[
            ...(x.website === undefined ? [] : [{ label: 'Site de l’assureur', url: x.website }]),
            ...x.links,
          ]}
          source={x.source}
          {...notes}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {order.map((kind) => {
              const offer = x.offers.find((o) => o.kind === kind);
              return (
                <Paper key={kind} withBorder p="sm">
                  <Stack gap={4}>
                    <Text size="sm" fw={600}>
                      {kinds.get(kind)?.label ?? kind}
                    </Text>
                    {offer === undefined ? (
                      <Text size="sm" c="dimmed">
                        Le guide n’en dit rien pour cet assureur.
                      </Text>
                    ) : (
                      <>
                        <Badge
                          variant="light"
                          color={offer.stated ? 'teal' : 'gray'}
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {offer.stated ? 'Mentionnée par le guide' : 'Non mentionnée par le guide'}
                        </Badge>
                        <Text size="sm">{offer.description}</Text>
                      </>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </SimpleGrid>
        </EntryCard>
      ))}
    </Stack>
  );
}
