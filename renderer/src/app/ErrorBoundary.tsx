import {
  Alert,
  Button,
  Code,
  Container,
  CopyButton,
  Group,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  report: string | null;
}

/**
 * A crash shows a way out and a report that carries no user data: only the error's kind and the
 * component stack (names of our components), never the message, which may quote user text.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { report: null };

  static getDerivedStateFromError(): State {
    return { report: '' };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const stack = (info.componentStack ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 12)
      .join('\n');
    this.setState({
      report: `Égide — rapport d'incident\nType : ${error.name}\nDate : ${new Date().toISOString()}\n${stack}`,
    });
  }

  override render(): ReactNode {
    if (this.state.report === null) return this.props.children;
    return (
      <Container size="sm" py="xl">
        <Stack>
          <Title order={2}>Égide a rencontré un problème</Title>
          <Alert color="red">
            L'écran en cours n'a pas pu s'afficher. Vos données enregistrées ne sont pas touchées.
            Rechargez l'application ; si le problème revient, transmettez le rapport ci-dessous à
            votre support (il ne contient aucune donnée de patient).
          </Alert>
          <Code block>{this.state.report}</Code>
          <Group>
            <Button onClick={() => window.location.reload()}>Recharger Égide</Button>
            <CopyButton value={this.state.report}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Rapport copié' : 'Copier le rapport'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Le coffre se verrouille automatiquement après le délai d'inactivité.
          </Text>
        </Stack>
      </Container>
    );
  }
}
