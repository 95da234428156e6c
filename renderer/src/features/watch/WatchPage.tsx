import { Tabs, Title, Stack } from '@mantine/core';

import { navigate } from '../../app/router';
import { FeedsPanel } from './FeedsPanel';
import { GbpPanel } from './GbpPanel';
import { ListingsPanel } from './ListingsPanel';

const TABS = ['fiches', 'google', 'mentions'] as const;
type WatchTab = (typeof TABS)[number];

/** "Veille": the listings on directory sites, the Google page, and new mentions on the web. */
export function WatchPage({ route }: { route: string[] }) {
  const tab: WatchTab = TABS.find((t) => t === route[1]) ?? 'fiches';
  return (
    <Stack>
      <Title order={2}>Veille</Title>
      <Tabs value={tab} onChange={(v) => v && navigate('veille', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="fiches">Fiches d’annuaires</Tabs.Tab>
          <Tabs.Tab value="google">Page Google</Tabs.Tab>
          <Tabs.Tab value="mentions">Mentions sur le web</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="fiches" pt="md">
          <ListingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="google" pt="md">
          <GbpPanel />
        </Tabs.Panel>
        <Tabs.Panel value="mentions" pt="md">
          <FeedsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
