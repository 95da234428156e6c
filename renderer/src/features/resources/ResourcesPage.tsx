import { Alert, Button, Loader, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

import { navigate } from '../../app/router';
import type { ShellContext } from '../shell/Shell';
import { BibliographyPanel } from './BibliographyPanel';
import { ContactsPanel } from './ContactsPanel';
import { FirmsPanel, InstitutionsPanel, SitesPanel } from './DirectoryPanels';
import { InsurersPanel } from './InsurersPanel';
import { SearchResults } from './SearchResults';
import { useDirectory } from './useDirectory';

/** Sub-routes of "#/ressources/<tab>"; the guide's actions point at some of them. */
export const RESOURCE_TABS = [
  { id: 'annuaires', label: 'Annuaires' },
  { id: 'societes', label: 'Sociétés spécialisées' },
  { id: 'assurances', label: 'Assurances' },
  { id: 'institutions', label: 'Institutions' },
  { id: 'bibliographie', label: 'Bibliographie' },
  { id: 'contacts', label: 'Contacts du cabinet' },
] as const;
type TabId = (typeof RESOURCE_TABS)[number]['id'];

const isTab = (value: string | undefined): value is TabId =>
  RESOURCE_TABS.some((t) => t.id === value);

/** The directories from the guide, searchable offline, with the cabinet's notes and contacts. */
export function ResourcesPage({ route }: ShellContext) {
  const tab: TabId = isTab(route[1]) ? route[1] : 'annuaires';
  const [query, setQuery] = useState('');
  const { data, error, note, onNoteSaved } = useDirectory();
  const notes = { note, onNoteSaved };
  const searching = query.trim() !== '';

  const panel = (id: TabId) => {
    if (id === 'contacts') return <ContactsPanel />;
    if (data === null) return error ? null : <Loader size="sm" aria-label="Chargement" />;
    switch (id) {
      case 'annuaires':
        return <SitesPanel sites={data.sites} {...notes} />;
      case 'societes':
        return <FirmsPanel firms={data.firms} {...notes} />;
      case 'assurances':
        return <InsurersPanel insurers={data.insurers} {...notes} />;
      case 'institutions':
        return <InstitutionsPanel institutions={data.institutions} {...notes} />;
      case 'bibliographie':
        return (
          <BibliographyPanel bibliography={data.bibliography} insurers={data.insurers} {...notes} />
        );
    }
  };

  return (
    <Stack maw={960}>
      <Title order={2}>Ressources</Title>
      {error && <Alert color="red">{error}</Alert>}
      <TextInput
        label="Rechercher dans les annuaires"
        placeholder="Un site, un assureur, un mot : médecin, CNIL, contrat…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        rightSectionWidth={90}
        rightSection={
          searching ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setQuery('')}>
              Effacer
            </Button>
          ) : null
        }
      />
      {searching ? (
        <SearchResults query={query} {...notes} />
      ) : (
        <Tabs value={tab} onChange={(v) => v && navigate('ressources', v)} keepMounted={false}>
          <Tabs.List>
            {RESOURCE_TABS.map((t) => (
              <Tabs.Tab key={t.id} value={t.id}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {RESOURCE_TABS.map((t) => (
            <Tabs.Panel key={t.id} value={t.id} pt="md">
              {t.id === tab && panel(t.id)}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
