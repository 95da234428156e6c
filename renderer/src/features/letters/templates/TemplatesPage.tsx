import type { ShellContext } from '../../shell/Shell';
import { TemplateEditor } from './TemplateEditor';
import { TemplateLibrary } from './TemplateLibrary';
import { TemplateView } from './TemplateView';

/** "#/modeles", "#/modeles/nouveau", "#/modeles/<id>" and "#/modeles/<id>/modifier". */
export function TemplatesPage({ route }: ShellContext) {
  const sub = route[0] === 'modeles' ? route[1] : undefined;
  if (!sub) return <TemplateLibrary />;
  if (sub === 'nouveau') return <TemplateEditor key="nouveau" templateId={null} />;
  if (route[2] === 'modifier') return <TemplateEditor key={`${sub}-edit`} templateId={sub} />;
  return <TemplateView key={sub} templateId={sub} />;
}
