import { Divider, Paper, Stack, Text } from '@mantine/core';

import { sendingModeLineFr } from './sending';
import { Highlighted, markerSpans } from '../Highlighted';
import type { LetterForm, LivePreview } from './live';
import { frenchDay } from '../../cases/format';

/** The letter as it will print, with the values still missing highlighted. */
export function LetterPreview({
  form,
  preview,
  kind,
}: {
  form: LetterForm;
  preview: LivePreview;
  kind: 'letter' | 'sheet' | 'form-text' | 'reply';
}) {
  const block = (text: string, testId?: string, inline = false) => (
    <Highlighted
      text={text}
      spans={markerSpans(text)}
      inline={inline}
      {...(testId ? { testId } : {})}
    />
  );
  const mode = form.sendingMode ? sendingModeLineFr(form.sendingMode, form.lrarNumber) : undefined;

  return (
    <Paper withBorder p="lg" data-testid="letter-preview" style={{ fontSize: 14 }}>
      <Stack gap="sm">
        {kind === 'letter' && (
          <>
            <Stack gap={0} ml="45%">
              {block(form.recipient.name || '[à compléter : nom du destinataire]')}
              {form.recipient.address && block(form.recipient.address)}
              <Text size="sm" mt="sm">
                À {form.place || '…'}, le {form.letterDate ? frenchDay(form.letterDate) : '…'}
              </Text>
            </Stack>
            {mode && (
              <Text size="sm" fw={700}>
                {mode}
              </Text>
            )}
            <Text size="sm" fw={700} component="div">
              Objet : {block(preview.objet, undefined, true)}
            </Text>
            {preview.references.trim() && (
              <Text size="sm" component="div">
                Références : {block(preview.references, undefined, true)}
              </Text>
            )}
            <Divider />
          </>
        )}
        {block(preview.body, 'letter-preview-body')}
        {preview.closing.trim() && block(preview.closing)}
        {kind === 'letter' && preview.enclosures.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              Pièces jointes :
            </Text>
            {preview.enclosures.map((l) => (
              <Text key={l} size="sm" pl="md">
                {l}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
