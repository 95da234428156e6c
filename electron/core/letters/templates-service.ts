import { randomBytes } from 'node:crypto';

import { AppError } from '../../../shared/api/errors';
import type { TemplateInput } from '../../../shared/api/letters-api';
import { findPlaceholders } from '../../../shared/templates/fill';
import {
  isPlaceholderKey,
  templateSchema,
  templateTexts,
  type Template,
} from '../../../shared/templates/schema';
import type { Db } from '../db/open';
import type { OpenVault } from '../vault/open-vault';
import {
  builtInTemplates,
  customRow,
  forbiddenBuiltIn,
  parseStored,
  resolveTemplate,
  versionRow,
} from './templates-store';

export {
  builtInTemplates,
  listTemplates,
  resolveTemplate,
  templateDetail,
  type ResolvedTemplate,
} from './templates-store';

/** Writing the cabinet's templates: each save is a new version; built-ins are refused. */

/** Blank optional fields are absent, so that the schema's "cannot be empty" rules stay simple. */
function candidate(id: string, version: number, input: TemplateInput): unknown {
  const opt = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);
  const list = (l: string[] | undefined) => {
    const kept = (l ?? []).map((s) => s.trim()).filter((s) => s !== '');
    return kept.length === 0 ? undefined : kept;
  };
  return Object.fromEntries(
    Object.entries({
      id,
      version,
      kind: input.kind,
      title: input.title,
      nature: opt(input.nature),
      path: input.path,
      attribution: opt(input.attribution),
      sendingMode: input.sendingMode,
      recipientRole: input.recipientRole,
      objet: opt(input.objet),
      references: opt(input.references),
      body: input.body,
      closing: opt(input.closing),
      reminders: list(input.reminders),
      legalBasis: list(input.legalBasis),
      builtIn: false,
    }).filter(([, v]) => v !== undefined),
  );
}

function validated(id: string, version: number, input: TemplateInput): Template {
  const parsed = templateSchema.safeParse(candidate(id, version, input));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'INVALID_INPUT',
      issue?.message ?? 'Le modèle est incomplet : vérifiez ses champs.',
      issue?.path.join('.') || undefined,
    );
  }
  const unknown = [
    ...new Set(
      templateTexts(parsed.data)
        .flatMap(findPlaceholders)
        .filter((k) => !isPlaceholderKey(k)),
    ),
  ];
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Champ${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} dans le modèle : ` +
        `${unknown.map((k) => `{{${k}}}`).join(', ')}. Utilisez les champs de la liste proposée.`,
      'body',
    );
  }
  return parsed.data;
}

function insertVersion(db: Db, vault: OpenVault, template: Template, now: Date): void {
  db.prepare(
    'INSERT INTO template_versions (template_id, version, data, at, by_account) VALUES (?, ?, ?, ?, ?)',
  ).run(
    template.id,
    template.version,
    JSON.stringify(template),
    now.toISOString(),
    vault.account.id,
  );
}

export function createTemplate(
  vault: OpenVault,
  input: TemplateInput,
  now: Date,
  basedOn: string | null = null,
): string {
  const id = `perso-${randomBytes(5).toString('hex')}`;
  const template = validated(id, 1, input);
  vault.change(
    {
      action: 'template.create',
      entity: 'template',
      entityId: id,
      details: { kind: template.kind, basedOn },
    },
    (db) => {
      db.prepare(
        'INSERT INTO custom_templates (id, based_on, current_version, created_at, created_by) VALUES (?, ?, 1, ?, ?)',
      ).run(id, basedOn, now.toISOString(), vault.account.id);
      insertVersion(db, vault, template, now);
    },
    now,
  );
  return id;
}

export async function duplicateTemplate(
  vault: OpenVault,
  resourcesDir: string,
  id: string,
  version: number | undefined,
  now: Date,
): Promise<string> {
  const { template } = await resolveTemplate(vault, resourcesDir, id, version, {
    allowRemoved: true,
  });
  const { id: _id, version: _v, builtIn: _b, ...fields } = template;
  const title = `${template.title} (copie)`.slice(0, 200);
  return createTemplate(vault, { ...fields, title }, now, id);
}

/** A new version, unless nothing changed; built-ins are refused. */
export async function saveTemplate(
  vault: OpenVault,
  resourcesDir: string,
  id: string,
  input: TemplateInput,
  now: Date,
): Promise<void> {
  const custom = customRow(vault.db, id);
  if (!custom) {
    if ((await builtInTemplates(resourcesDir)).some((t) => t.id === id)) throw forbiddenBuiltIn();
    throw new AppError('NOT_FOUND', 'Ce modèle est introuvable.', 'templateId');
  }
  if (custom.removed_at) throw new AppError('CONFLICT', 'Ce modèle a été supprimé.');
  const current = versionRow(vault.db, id, custom.current_version);
  const next = validated(id, custom.current_version + 1, input);
  if (current) {
    const { version: _a, ...before } = parseStored(current);
    const { version: _b, ...after } = next;
    if (JSON.stringify(before) === JSON.stringify(after)) return;
  }
  vault.change(
    {
      action: 'template.save',
      entity: 'template',
      entityId: id,
      details: { version: next.version },
    },
    (db) => {
      insertVersion(db, vault, next, now);
      db.prepare('UPDATE custom_templates SET current_version = ? WHERE id = ?').run(
        next.version,
        id,
      );
    },
    now,
  );
}

/** Hidden from the library; its versions stay, since letters name them. */
export async function removeTemplate(
  vault: OpenVault,
  resourcesDir: string,
  id: string,
  now: Date,
): Promise<void> {
  const custom = customRow(vault.db, id);
  if (!custom) {
    if ((await builtInTemplates(resourcesDir)).some((t) => t.id === id)) throw forbiddenBuiltIn();
    throw new AppError('NOT_FOUND', 'Ce modèle est introuvable.', 'templateId');
  }
  if (custom.removed_at) return;
  vault.change(
    { action: 'template.remove', entity: 'template', entityId: id },
    (db) =>
      db
        .prepare('UPDATE custom_templates SET removed_at = ? WHERE id = ?')
        .run(now.toISOString(), id),
    now,
  );
}
