import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/**
 * Copies a text to the clipboard. When the system refuses (Electron denies clipboard permissions
 * to pages), the text is shown selected so that Ctrl+C copies it.
 */
export function CopyText({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state === 'manual') {
      area.current?.focus();
      area.current?.select();
    }
  }, [state]);

  useEffect(() => setState('idle'), [text]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <Stack gap="xs" align="flex-start">
      <Button variant={state === 'copied' ? 'light' : 'filled'} onClick={() => void copy()}>
        {state === 'copied' ? 'Copié dans le presse-papiers' : label}
      </Button>
      {state === 'manual' && (
        <Alert color="blue" title="Appuyez sur Ctrl+C" data-testid="manual-copy">
          <Stack gap="xs">
            Le presse-papiers n’est pas accessible : le texte est sélectionné ci-dessous, copiez-le
            avec Ctrl+C (ou Cmd+C sur Mac).
            <Textarea
              ref={area}
              readOnly
              autosize
              minRows={4}
              value={text}
              aria-label="Texte à copier"
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
