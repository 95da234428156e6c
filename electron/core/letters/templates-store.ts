import { AppError } from '../../../shared/api/errors';
import type {
  TemplateDetail,
  TemplateSummary,
  TemplateVersionInfo,
} from '../../../shared/api/letters-api';
import { templateSchema, type Template } from '../../../shared/templates/schema';
import { accountLabels } from '../cases/repo';
import type { Db } from '../db/open';
import { loadBuiltInTemplates } from '../resources/templates';
import type { OpenVault } from '../vault/open-vault';

/**
 * Reading the template library: the built-ins shipped in resources/ (read-only) and the
 * cabinet's own, whose every saved version is kept so that a letter can say which text produced
 * it.
 */

export interface CustomRow {
  id: string;
  based_on: string | null;
  current_version: number;
  created_at: string;
  created_by: string;
  removed_at: string | null;
}

export interface VersionRow {
  template_id: string;
  version: number;
  data: string;
  at: string;
  by_account: string;
}

export interface ResolvedTemplate {
  template: Template;
  builtIn: boolean;
  version: number;
}

const cache = new Map<string, Promise<Template[]>>();

/** Built-ins change only with the application: read them once per resources folder. */
export function builtInTemplates(resourcesDir: string): Promise<Template[]> {
  const dir = `${resourcesDir}/templates`;
  let loading = cache.get(dir);
  if (!loading) {
    loading = loadBuiltInTemplates(dir);
    loading.catch(() => cache.delete(dir));
    cache.set(dir, loading);
  }
  return loading;
}

export const forbiddenBuiltIn = () =>
  new AppError(
    'FORBIDDEN',
    'Les modèles intégrés à Égide ne se modifient pas : dupliquez ce modèle pour en faire la version du cabinet.',
  );

export function customRow(db: Db, id: string): CustomRow | undefined {
  return db.prepare('SELECT * FROM custom_templates WHERE id = ?').get(id) as CustomRow | undefined;
}

export function versionRow(db: Db, id: string, version: number): VersionRow | undefined {
  return db
    .prepare('SELECT * FROM template_versions WHERE template_id = ? AND version = ?')
    .get(id, version) as VersionRow | undefined;
}

export function parseStored(row: VersionRow): Template {
  const parsed = templateSchema.safeParse(JSON.parse(row.data) as unknown);
  if (!parsed.success) {
    throw new AppError(
      'INTERNAL',
      'Cette version du modèle est illisible. Dupliquez une autre version ou un modèle intégré.',
    );
  }
  return { ...parsed.data, builtIn: false };
}

/** A template at a version: a user template's stored version, or the shipped built-in. */
export async function resolveTemplate(
  vault: OpenVault,
  resourcesDir: string,
  id: string,
  version?: number,
  options: { allowRemoved?: boolean; anyBuiltInVersion?: boolean } = {},
): Promise<ResolvedTemplate> {
  const custom = customRow(vault.db, id);
  if (custom) {
    if (custom.removed_at && !options.allowRemoved) {
      throw new AppError('CONFLICT', 'Ce modèle a été supprimé : choisissez-en un autre.');
    }
    const wanted = version ?? custom.current_version;
    const row = versionRow(vault.db, id, wanted);
    if (!row) throw new AppError('NOT_FOUND', `La version ${wanted} de ce modèle n’existe pas.`);
    return { template: parseStored(row), builtIn: false, version: wanted };
  }
  const builtIn = (await builtInTemplates(resourcesDir)).find((t) => t.id === id);
  if (!builtIn) throw new AppError('NOT_FOUND', 'Ce modèle est introuvable.', 'templateId');
  if (version !== undefined && version !== builtIn.version && !options.anyBuiltInVersion) {
    throw new AppError(
      'NOT_FOUND',
      `La version ${version} de ce modèle intégré n’est plus livrée avec Égide (version actuelle : ${builtIn.version}).`,
    );
  }
  return { template: builtIn, builtIn: true, version: builtIn.version };
}

function summaryOf(
  template: Template,
  extra: Pick<TemplateSummary, 'builtIn' | 'version' | 'basedOn' | 'updatedAt' | 'updatedBy'>,
): TemplateSummary {
  return {
    id: template.id,
    kind: template.kind,
    title: template.title,
    nature: template.nature ?? null,
    path: template.path ?? null,
    sendingMode: template.sendingMode ?? null,
    recipientRole: template.recipientRole ?? null,
    ...extra,
  };
}

export async function listTemplates(
  vault: OpenVault,
  resourcesDir: string,
): Promise<TemplateSummary[]> {
  const label = accountLabels(vault.db);
  const builtIns = (await builtInTemplates(resourcesDir)).map((t) =>
    summaryOf(t, {
      builtIn: true,
      version: t.version,
      basedOn: null,
      updatedAt: null,
      updatedBy: null,
    }),
  );
  const rows = vault.db
    .prepare('SELECT * FROM custom_templates WHERE removed_at IS NULL ORDER BY created_at')
    .all() as CustomRow[];
  const own = rows.flatMap((r) => {
    const v = versionRow(vault.db, r.id, r.current_version);
    if (!v) return [];
    return [
      summaryOf(parseStored(v), {
        builtIn: false,
        version: r.current_version,
        basedOn: r.based_on,
        updatedAt: v.at,
        updatedBy: label(v.by_account),
      }),
    ];
  });
  return [...builtIns, ...own];
}

export async function templateDetail(
  vault: OpenVault,
  resourcesDir: string,
  id: string,
  version?: number,
): Promise<TemplateDetail> {
  const resolved = await resolveTemplate(vault, resourcesDir, id, version, { allowRemoved: true });
  const label = accountLabels(vault.db);
  const custom = customRow(vault.db, id);
  const { n } = vault.db
    .prepare('SELECT count(*) AS n FROM letters WHERE template_id = ?')
    .get(id) as { n: number };
  if (!custom) {
    return {
      summary: summaryOf(resolved.template, {
        builtIn: true,
        version: resolved.version,
        basedOn: null,
        updatedAt: null,
        updatedBy: null,
      }),
      template: resolved.template,
      versions: [],
      letterCount: n,
    };
  }
  const versions = (
    vault.db
      .prepare('SELECT * FROM template_versions WHERE template_id = ? ORDER BY version DESC')
      .all(id) as VersionRow[]
  ).map<TemplateVersionInfo>((v) => ({ version: v.version, at: v.at, by: label(v.by_account) }));
  const current = versions.find((v) => v.version === custom.current_version);
  const currentTemplate =
    resolved.version === custom.current_version
      ? resolved.template
      : (await resolveTemplate(vault, resourcesDir, id, undefined, { allowRemoved: true }))
          .template;
  return {
    summary: summaryOf(currentTemplate, {
      builtIn: false,
      version: custom.current_version,
      basedOn: custom.based_on,
      updatedAt: current?.at ?? null,
      updatedBy: current?.by ?? null,
    }),
    template: resolved.template,
    versions,
    letterCount: n,
  };
}
