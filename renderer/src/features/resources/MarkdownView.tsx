import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

import type { MdBlock, MdInline } from '../../../../shared/resources/markdown';
import { assertNever } from '../../../../shared/api/errors';
import { openExternalLink } from './links';

function inline(nodes: readonly MdInline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'bold':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'link':
        // A button, not an href: the core checks the address and the system browser opens it.
        return (
          <Anchor
            key={i}
            component="button"
            type="button"
            title={node.href}
            style={{ verticalAlign: 'baseline', fontSize: 'inherit' }}
            onClick={() => void openExternalLink(node.href)}
          >
            {inline(node.children)}
          </Anchor>
        );
      default:
        return assertNever(node, 'élément de texte');
    }
  });
}

/** A guide page from its block tree: React elements only, nothing goes through innerHTML. */
export function MarkdownView({ blocks }: { blocks: readonly MdBlock[] }) {
  return (
    <div>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <Title key={i} order={block.level === 2 ? 3 : 4} mt="md" mb="xs">
                {inline(block.children)}
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={i} component="p" mb="sm">
                {inline(block.children)}
              </Text>
            );
          case 'list':
            return (
              <List key={i} mb="sm" spacing={4}>
                {block.items.map((item, j) => (
                  <List.Item key={j}>{inline(item)}</List.Item>
                ))}
              </List>
            );
          default:
            return assertNever(block, 'bloc du guide');
        }
      })}
    </div>
  );
}
