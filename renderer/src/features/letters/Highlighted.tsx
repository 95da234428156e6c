import { Box } from '@mantine/core';
import type { CSSProperties } from 'react';

export interface Span {
  start: number;
  end: number;
  color: string;
  title?: string;
  testId?: string;
}

/** The markers a filled letter shows for a missing or unknown value. */
const MARKER = /\[(?:à compléter|champ inconnu) : [^\]\n]+\]/g;

export function markerSpans(text: string): Span[] {
  return [...text.matchAll(MARKER)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    color: 'var(--mantine-color-yellow-3)',
    title: 'Valeur à compléter avant l’envoi',
    testId: 'missing-marker',
  }));
}

/**
 * Text with some ranges wrapped in <mark>, built as React elements: the text (a review, a reply)
 * is never inserted as HTML. Overlapping spans are skipped after the first.
 */
export function Highlighted({
  text,
  spans,
  style,
  testId,
  inline = false,
}: {
  text: string;
  spans: Span[];
  style?: CSSProperties;
  testId?: string;
  /** Inside a line (« Objet : … ») rather than a block of its own. */
  inline?: boolean;
}) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: Array<string | Span> = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end <= span.start || span.end > text.length) continue;
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(span);
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));

  return (
    <Box
      component={inline ? 'span' : 'div'}
      data-testid={testId}
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.55, ...style }}
    >
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <span key={i}>{p}</span>
        ) : (
          <mark
            key={i}
            title={p.title}
            data-testid={p.testId}
            style={{ background: p.color, borderRadius: 2, padding: '0 1px' }}
          >
            {text.slice(p.start, p.end)}
          </mark>
        ),
      )}
    </Box>
  );
}
