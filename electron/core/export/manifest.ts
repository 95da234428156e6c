/**
 * The two integrity files of an export. SHA256SUMS follows the coreutils format ('<hex>  <path>',
 * two spaces, '/' separators) so that `sha256sum -c SHA256SUMS` checks the whole folder; it covers
 * manifest.json too. manifest.json describes every other file: size, hash, and for pièces their
 * number, the hash recorded at import and the capture record (NF Z67-147 facts).
 */
import type { CaptureRecord } from '../../../shared/api/cases-api';
import type { ExportFormat } from '../../../shared/api/export-api';
import type { ExportData } from './collect';

export const SUMS_NAME = 'SHA256SUMS';
export const MANIFEST_NAME = 'manifest.json';

export type FileRole =
  | 'synthese'
  | 'bordereau'
  | 'chronologie'
  | 'piece'
  | 'courrier'
  | 'journal-courriers'
  | 'manifeste';

export interface PieceInfo {
  number: number;
  title: string;
  mime: string;
  typeLabel: string;
  originalName: string;
  addedAt: string;
  addedBy: string;
  sha256AtImport: string;
  capture: CaptureRecord;
}

export interface WrittenFile {
  /** Relative to the dossier's folder, '/' separated. */
  path: string;
  size: number;
  sha256: string;
  role: FileRole;
  piece?: PieceInfo;
}

export interface Manifest {
  format: 'egide-export/1';
  generator: string;
  generatedAt: string;
  exportedBy: string;
  exportFormat: ExportFormat;
  case: { id: string; title: string; kind: string; url: string; firstPosted: string | null };
  practice: { name: string; doctorName: string; rpps: string };
  withdrawnPieceNumbers: number[];
  hashAlgorithm: 'SHA-256';
  files: WrittenFile[];
}

export function buildManifest(
  data: ExportData,
  format: ExportFormat,
  files: WrittenFile[],
): Buffer {
  const manifest: Manifest = {
    format: 'egide-export/1',
    generator: 'Égide',
    generatedAt: data.exportedAt.toISOString(),
    exportedBy: data.exportedBy,
    exportFormat: format,
    case: {
      id: data.detail.id,
      title: data.detail.title,
      kind: data.detail.kind,
      url: data.detail.fields.url,
      firstPosted: data.detail.fields.firstPosted ?? null,
    },
    practice: {
      name: data.practice.name,
      doctorName: data.practice.doctorName,
      rpps: data.practice.rpps,
    },
    withdrawnPieceNumbers: data.withdrawnNumbers,
    hashAlgorithm: 'SHA-256',
    files,
  };
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/**
 * coreutils escapes names holding a backslash or a newline; safe names never contain either, and
 * a name that did would be a bug: refuse it rather than write a line sha256sum misreads.
 */
export function buildSums(files: Array<{ path: string; sha256: string }>): Buffer {
  const lines = files.map((f) => {
    if (/[\\\n\r]/.test(f.path) || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      throw new Error('unsafe entry in SHA256SUMS');
    }
    return `${f.sha256}  ${f.path}\n`;
  });
  return Buffer.from(lines.join(''), 'utf8');
}
