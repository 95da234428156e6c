import { Alert, Badge, List, SimpleGrid, Stack, Text } from '@mantine/core';

import {
  REVIEW_KIND_LABELS,
  type FirmsFile,
  type InstitutionKind,
  type InstitutionsFile,
  type SitesFile,
} from '../../../../shared/resources/schema';
import { EntryCard, type NoteProps } from './EntryCard';

/** Directory and rating sites that publish pages about doctors, and how to leave them. */
export function SitesPanel({ sites, ...notes }: { sites: SitesFile } & NoteProps) {
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Les sites qui publient des fiches au nom des médecins, le type d’avis qu’ils affichent et la
        démarche pour obtenir le retrait d’une fiche.
      </Text>
      {sites.sites.map((s) => (
        <EntryCard
          key={s.id}
          entryId={`site:${s.id}`}
          title={s.name}
          description={s.description}
          links={[{ label: 'Ouvrir le site', url: s.url }]}
          source={s.source}
          badges={
            <>
              <Badge variant="light">{REVIEW_KIND_LABELS[s.reviewKind]}</Badge>
              {s.linkedToBooking && (
                <Badge variant="light" color="grape">
                  Lié à la prise de rendez-vous
                </Badge>
              )}
            </>
          }
          {...notes}
        >
          <div>
            <Text size="sm" fw={600}>
              Obtenir le retrait de la fiche
            </Text>
            <Text size="sm">{s.removalHowTo}</Text>
          </div>
          {s.urlNote && (
            <Text size="xs" c="dimmed">
              {s.urlNote}
            </Text>
          )}
        </EntryCard>
      ))}
    </Stack>
  );
}

/** Firms that watch, answer or clean up a reputation, with the guide's caveat first. */
export function FirmsPanel({ firms, ...notes }: { firms: FirmsFile } & NoteProps) {
  const labels = new Map(firms.categories.map((c) => [c.id, c.label]));
  return (
    <Stack>
      <Alert color="yellow" title="Aucune recommandation">
        {firms.notice}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {firms.categories.map((c) => (
          <div key={c.id}>
            <Text size="sm" fw={600}>
              {c.label}
            </Text>
            <Text size="sm" c="dimmed">
              {c.description}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {firms.firms.map((f) => (
        <EntryCard
          key={f.id}
          entryId={`firm:${f.id}`}
          title={f.name}
          description={f.description}
          links={[{ label: 'Ouvrir le site', url: f.url }]}
          source={f.source}
          badges={f.offers.map((o) => (
            <Badge key={o} variant="light" color="teal">
              {labels.get(o) ?? o}
            </Badge>
          ))}
          {...notes}
        >
          <Text size="xs" c="dimmed">
            Catégories : {f.offersBasis}
          </Text>
        </EntryCard>
      ))}
    </Stack>
  );
}

const INSTITUTION_KIND_LABELS: Record<InstitutionKind, string> = {
  'ordre-national': 'Ordre national',
  'ordre-departemental': 'Ordre départemental',
  'autorite-protection-donnees': 'Protection des données',
  'agence-publique': 'Agence publique',
  plateforme: 'Plateforme',
};

/** The Ordre, the CNIL and the public bodies, with what each can do for the doctor. */
export function InstitutionsPanel({
  institutions,
  ...notes
}: { institutions: InstitutionsFile } & NoteProps) {
  return (
    <Stack>
      {institutions.institutions.map((x) => (
        <EntryCard
          key={x.id}
          entryId={`institution:${x.id}`}
          title={x.name}
          description={x.description}
          links={[
            ...(x.url === undefined ? [] : [{ label: 'Site officiel', url: x.url }]),
            ...x.links,
          ]}
          source={x.source}
          badges={<Badge variant="light">{INSTITUTION_KIND_LABELS[x.kind]}</Badge>}
          {...notes}
        >
          <div>
            <Text size="sm" fw={600}>
              Ce qu’elle peut faire pour vous
            </Text>
            <List size="sm" spacing={2}>
              {x.canDo.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        </EntryCard>
      ))}
    </Stack>
  );
}
