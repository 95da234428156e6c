/**
 * Which imported files become pièces, decided from their bytes, never their name: images (PNG,
 * JPEG, WebP, GIF), PDF, plain text and e-mails (.eml). Anything that can carry active content
 * (SVG, HTML, XML, programs, scripts, archives, Office documents) is refused with a French
 * message naming what was found and what to do instead.
 *
 * Polyglots are decided by the magic at offset 0: a GIF that is also valid JavaScript is a GIF, a
 * PDF preceded by HTML is HTML. Accepted files are only ever shown through re-encoded previews or
 * as text, never handed to a browser engine as they are (see DESIGN.md, Storage).
 *
 * Limitation: only the head is examined. A PDF may still hold JavaScript or forms, and a text file
 * may turn binary after its first bytes; both are kept unchanged, so previews must run with
 * scripting off and text viewers must tolerate bad bytes.
 */
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { nameExtension, refuse, refuseKind, type Refusal } from './file-kinds';
import {
  acceptedMagic,
  isUtf16Text,
  mailKind,
  markupKind,
  programMagic,
  textEncoding,
  textStart,
  type AcceptedKind,
} from './file-sniff';

export type { Refusal } from './file-kinds';

/** Decompression-bomb guard: an image is refused above this many pixels... */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** ...or when either side is longer than this. */
export const MAX_IMAGE_SIDE = 30_000;
/**
 * Head size to ask writeBlob for (`headBytes`) before classifying: a JPEG's dimensions come after
 * its EXIF and colour-profile blocks, which often exceed the default 8 KiB head.
 */
export const SNIFF_BYTES = 256 * 1024;

export interface Acceptance {
  accepted: true;
  mime: string;
  /** Extension for exported copies, from the detected type (never the original name). */
  ext: string;
  /** French, e.g. 'Image PNG'. */
  label: string;
  /** French, for the user: e.g. the name's extension did not match the content. */
  warnings: string[];
  width?: number;
  height?: number;
}

export type FileDecision = Acceptance | Refusal;

type AcceptedType = AcceptedKind | 'text-utf8' | 'text-1252' | 'eml';

const TYPES: Record<AcceptedType, { mime: string; ext: string; label: string; noun: string }> = {
  png: { mime: 'image/png', ext: 'png', label: 'Image PNG', noun: 'une image PNG' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'Image JPEG', noun: 'une image JPEG' },
  gif: { mime: 'image/gif', ext: 'gif', label: 'Image GIF', noun: 'une image GIF' },
  webp: { mime: 'image/webp', ext: 'webp', label: 'Image WebP', noun: 'une image WebP' },
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'Document PDF', noun: 'un document PDF' },
  'text-utf8': {
    mime: 'text/plain; charset=utf-8',
    ext: 'txt',
    label: 'Texte',
    noun: 'du texte',
  },
  'text-1252': {
    mime: 'text/plain; charset=windows-1252',
    ext: 'txt',
    label: 'Texte (encodage Windows)',
    noun: 'du texte',
  },
  eml: { mime: 'message/rfc822', ext: 'eml', label: 'E-mail (.eml)', noun: 'un e-mail' },
};

const TEXT_NAMES = ['txt', 'text', 'log', 'csv', 'tsv', 'md', 'json'];
const NAME_EXTENSIONS: Record<AcceptedType, readonly string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  gif: ['gif'],
  webp: ['webp'],
  pdf: ['pdf'],
  'text-utf8': TEXT_NAMES,
  'text-1252': TEXT_NAMES,
  eml: ['eml', 'txt'],
};

export async function classifyFile(
  head: Buffer,
  size: number,
  fileName?: string,
): Promise<FileDecision> {
  if (size === 0 || head.length === 0) {
    return refuse(
      'empty',
      'un fichier vide',
      'Ce fichier est vide (0 octet) : il n’y a rien à conserver comme pièce. Vérifiez que vous ' +
        'avez choisi le bon fichier, ou refaites la capture.',
    );
  }
  const isWholeFile = head.length >= size;

  const magic = acceptedMagic(head);
  if (magic === 'pdf') return accept('pdf', fileName);
  if (magic !== null) return checkImage(magic, head, isWholeFile, fileName);

  const program = programMagic(head);
  if (program !== null) return refuseKind(program, '', fileName);

  const text = textStart(head);
  const markup = markupKind(text, false);
  if (markup !== null) return refuseKind(markup, '', fileName);

  // Before file-type, which reads a UTF-16 byte-order mark as an MPEG audio frame.
  if (isUtf16Text(head)) return refuseKind(markupKind(text, true) ?? 'utf-16', '', fileName);

  const detected = await detectWithFileType(head);
  if (detected !== null) return refuseKind(detected.ext, detected.mime, fileName);

  const encoding = textEncoding(head, isWholeFile);
  const mail = mailKind(head);
  if (mail === 'mhtml') return refuseKind('mhtml', '', fileName);
  // Limitation: an e-mail's HTML body is kept as is; viewers must show .eml files as text only.
  if (mail === 'eml' && encoding !== null) return accept('eml', fileName);

  const hidden = markupKind(text, true);
  if (hidden !== null) return refuseKind(hidden, '', fileName);
  if (encoding === 'utf-8') return accept('text-utf8', fileName);
  if (encoding === 'windows-1252') return accept('text-1252', fileName);
  return refuseKind('binary', '', fileName);
}

async function detectWithFileType(head: Buffer): Promise<{ ext: string; mime: string } | null> {
  try {
    const result = await fileTypeFromBuffer(head);
    return result === undefined ? null : { ext: result.ext, mime: result.mime };
  } catch {
    // A parser failure on malformed input means "not recognised", not a crash of the import.
    return null;
  }
}

function checkImage(
  kind: Exclude<AcceptedKind, 'pdf'>,
  head: Buffer,
  isWholeFile: boolean,
  fileName: string | undefined,
): FileDecision {
  const type = TYPES[kind];
  let width = 0;
  let height = 0;
  try {
    const dimensions = imageSize(head);
    width = dimensions.width;
    height = dimensions.height;
  } catch {
    // Handled below: no dimensions.
  }

  if (!(width > 0 && height > 0)) {
    if (kind === 'jpeg' && !isWholeFile) {
      // Limitation: a JPEG whose size marker lies beyond the head is accepted unchecked; pass
      // SNIFF_BYTES as headBytes so this only happens for exotic files.
      return accept(kind, fileName, undefined, [
        'Les dimensions de cette image n’ont pas pu être lues à l’import : vérifiez son aperçu.',
      ]);
    }
    return refuse(
      'damaged-image',
      `${type.noun} endommagée`,
      `Ce fichier est ${type.noun} endommagée : son en-tête est illisible, et elle n’est pas ` +
        'acceptée comme pièce. Exportez-la de nouveau ou refaites la capture, puis réessayez.',
    );
  }

  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    const fmt = (value: number): string => value.toLocaleString('fr-FR');
    const megapixels = Math.round((width * height) / 1e6);
    return refuse(
      'image-too-large',
      `${type.noun} de ${fmt(width)} × ${fmt(height)} pixels`,
      `Ce fichier est ${type.noun} de ${fmt(width)} × ${fmt(height)} pixels (${fmt(megapixels)} ` +
        `mégapixels) : au-delà de ${fmt(MAX_IMAGE_PIXELS / 1e6)} mégapixels ou de ` +
        `${fmt(MAX_IMAGE_SIDE)} pixels de côté, son affichage pourrait saturer la mémoire de ` +
        'l’ordinateur, et elle n’est pas acceptée comme pièce. Faites une capture d’écran de la ' +
        'partie utile ou réduisez l’image, puis importez-la.',
    );
  }
  return accept(kind, fileName, { width, height });
}

function accept(
  kind: AcceptedType,
  fileName: string | undefined,
  dimensions?: { width: number; height: number },
  extraWarnings: string[] = [],
): Acceptance {
  const type = TYPES[kind];
  const warnings = [...extraWarnings];
  const ext = nameExtension(fileName);
  if (ext !== null && !NAME_EXTENSIONS[kind].includes(ext)) {
    warnings.unshift(
      `Le nom du fichier se termine par .${ext}, mais son contenu est ${type.noun} : la pièce ` +
        `est enregistrée d’après son contenu, au format .${type.ext}.`,
    );
  }
  return {
    accepted: true,
    mime: type.mime,
    ext: type.ext,
    label: type.label,
    warnings,
    ...(dimensions ?? {}),
  };
}
