/**
 * What each refused kind of file is called in French, why it is refused and what the user can do
 * instead. `detected` codes are stable and free of user data, so they can be logged.
 */

type Family =
  'code' | 'markup' | 'archive' | 'office' | 'image' | 'audio' | 'video' | 'other' | 'encoding';

interface RefusedKind {
  /** With its article, as it reads after « Ce fichier est ». */
  label: string;
  family: Family;
  advice?: string;
}

const HTML_ADVICE =
  'Ouvrez la page dans votre navigateur et enregistrez-la en PDF (Imprimer, puis « Enregistrer ' +
  'au format PDF »), ou faites une capture d’écran.';

const KINDS: Record<string, RefusedKind> = {
  svg: {
    label: 'une image SVG',
    family: 'markup',
    advice: 'Faites une capture d’écran au format PNG ou exportez-le en PDF.',
  },
  html: { label: 'une page web (HTML)', family: 'markup', advice: HTML_ADVICE },
  mhtml: { label: 'une page web archivée (MHTML)', family: 'markup', advice: HTML_ADVICE },
  xml: { label: 'un document XML', family: 'markup' },
  rtf: { label: 'un document RTF', family: 'office' },
  postscript: { label: 'un fichier PostScript', family: 'code' },
  exe: { label: 'un programme Windows', family: 'code' },
  elf: { label: 'un programme Linux (ELF)', family: 'code' },
  macho: { label: 'un programme macOS (Mach-O)', family: 'code' },
  script: { label: 'un script exécutable', family: 'code' },
  class: { label: 'un programme Java', family: 'code' },
  jar: { label: 'une archive de programme Java', family: 'code' },
  apk: { label: 'une application Android', family: 'code' },
  wasm: { label: 'un programme WebAssembly', family: 'code' },
  swf: { label: 'une animation Flash', family: 'code' },
  lnk: { label: 'un raccourci Windows', family: 'code' },
  reg: { label: 'un fichier de registre Windows', family: 'code' },
  crx: { label: 'une extension de navigateur', family: 'code' },
  xpi: { label: 'une extension de navigateur', family: 'code' },
  deb: { label: 'un paquet d’installation', family: 'code' },
  rpm: { label: 'un paquet d’installation', family: 'code' },
  dmg: { label: 'une image disque macOS', family: 'archive' },
  zip: { label: 'une archive ZIP', family: 'archive' },
  rar: { label: 'une archive RAR', family: 'archive' },
  '7z': { label: 'une archive 7-Zip', family: 'archive' },
  gz: { label: 'une archive compressée (gzip)', family: 'archive' },
  'tar.gz': { label: 'une archive compressée (tar.gz)', family: 'archive' },
  bz2: { label: 'une archive compressée (bzip2)', family: 'archive' },
  xz: { label: 'une archive compressée (xz)', family: 'archive' },
  zst: { label: 'une archive compressée (zstd)', family: 'archive' },
  tar: { label: 'une archive TAR', family: 'archive' },
  cab: { label: 'une archive CAB', family: 'archive' },
  docx: { label: 'un document Word', family: 'office' },
  docm: { label: 'un document Word avec macros', family: 'office' },
  dotx: { label: 'un modèle Word', family: 'office' },
  dotm: { label: 'un modèle Word avec macros', family: 'office' },
  xlsx: { label: 'un classeur Excel', family: 'office' },
  xlsm: { label: 'un classeur Excel avec macros', family: 'office' },
  pptx: { label: 'une présentation PowerPoint', family: 'office' },
  pptm: { label: 'une présentation PowerPoint avec macros', family: 'office' },
  ppsx: { label: 'une présentation PowerPoint', family: 'office' },
  cfb: { label: 'un document Office (ancien format, ou message Outlook)', family: 'office' },
  odt: { label: 'un document OpenDocument', family: 'office' },
  ods: { label: 'un classeur OpenDocument', family: 'office' },
  odp: { label: 'une présentation OpenDocument', family: 'office' },
  epub: { label: 'un livre numérique (EPUB)', family: 'office' },
  'utf-16': {
    label: 'un texte enregistré en UTF-16',
    family: 'encoding',
    advice: 'Ouvrez-le dans un éditeur de texte et enregistrez-le en UTF-8, puis réessayez.',
  },
  // Recognised by file-type but without the exact header we require at offset 0.
  pdf: { label: 'un PDF mal formé', family: 'other' },
  png: { label: 'une image PNG mal formée', family: 'other' },
  apng: { label: 'une image PNG mal formée', family: 'other' },
  jpg: { label: 'une image JPEG mal formée', family: 'other' },
  gif: { label: 'une image GIF mal formée', family: 'other' },
  webp: { label: 'une image WebP mal formée', family: 'other' },
  sqlite: { label: 'une base de données SQLite', family: 'other' },
  binary: { label: 'd’un format non reconnu', family: 'other' },
};

/** Why the family is refused, as the sentence goes on after « Ce fichier est … : ». */
const FAMILY_REASON: Record<Family, string> = {
  code: 'ce format peut lancer un programme sur l’ordinateur et n’est pas accepté comme pièce',
  markup: 'ce format peut contenir du code et n’est pas accepté comme pièce',
  archive:
    'ce format peut renfermer n’importe quels fichiers, programmes compris, et n’est pas ' +
    'accepté comme pièce',
  office: 'ce format peut contenir des macros ou des liens actifs et n’est pas accepté comme pièce',
  image: 'ce format d’image n’est pas accepté comme pièce',
  audio: 'les enregistrements audio ne sont pas acceptés comme pièces',
  video: 'les vidéos ne sont pas acceptées comme pièces',
  other: 'ce format n’est pas accepté comme pièce',
  encoding: 'cet encodage de texte n’est pas accepté comme pièce',
};

const FAMILY_ADVICE: Record<Family, string> = {
  code:
    'Ne l’ouvrez pas. S’il sert de preuve, faites une capture d’écran de ce qui le montre ' +
    '(message, page de téléchargement) et importez-la.',
  markup: 'Faites une capture d’écran au format PNG ou enregistrez-le en PDF.',
  archive: 'Extrayez-en les documents utiles (images, PDF) et importez-les un par un.',
  office: 'Enregistrez-le au format PDF depuis le logiciel qui l’a créé, puis importez le PDF.',
  image: 'Convertissez-la en JPEG ou en PNG (ou faites-en une capture d’écran), puis importez-la.',
  audio:
    'Faites constater l’enregistrement par un commissaire de justice, ou importez une ' +
    'transcription en PDF.',
  video:
    'Faites des captures d’écran des passages utiles, ou faites constater la vidéo par un ' +
    'commissaire de justice.',
  other: 'Importez une image (PNG, JPEG, WebP, GIF), un PDF, un texte ou un e-mail (.eml).',
  encoding: 'Enregistrez-le en UTF-8, puis réessayez.',
};

/** file-type's mime for kinds not in the table: other images, audio, video. */
function kindFromMime(ext: string, mime: string): RefusedKind {
  const name = ext.toUpperCase();
  if (mime.startsWith('image/')) return { label: `une image ${name}`, family: 'image' };
  if (mime.startsWith('audio/')) return { label: `un fichier audio ${name}`, family: 'audio' };
  if (mime.startsWith('video/')) return { label: `une vidéo ${name}`, family: 'video' };
  return { label: `un fichier ${name}`, family: 'other' };
}

export interface Refusal {
  accepted: false;
  /** Stable code of what was found: 'svg', 'html', 'exe', 'zip', 'empty', 'image-too-large'… */
  detected: string;
  /** French, e.g. « une image SVG ». */
  label: string;
  message: string;
}

export function refuseKind(detected: string, mime = '', fileName?: string): Refusal {
  const kind = KINDS[detected] ?? kindFromMime(detected, mime);
  const advice = kind.advice ?? FAMILY_ADVICE[kind.family];
  const named = misleadingNameNote(fileName, detected);
  return {
    accepted: false,
    detected,
    label: kind.label,
    message: `Ce fichier est ${kind.label}${named} : ${FAMILY_REASON[kind.family]}. ${advice}`,
  };
}

export function refuse(detected: string, label: string, message: string): Refusal {
  return { accepted: false, detected, label, message };
}

export function nameExtension(fileName: string | undefined): string | null {
  if (fileName === undefined) return null;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : null;
}

/** Extensions of the formats we accept: a refused file named like one of them was disguised. */
const ACCEPTED_NAME_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'gif',
  'webp',
  'pdf',
  'txt',
  'text',
  'eml',
]);

function misleadingNameNote(fileName: string | undefined, detected: string): string {
  const ext = nameExtension(fileName);
  if (ext === null || ext === detected || !ACCEPTED_NAME_EXTENSIONS.has(ext)) return '';
  return ` (malgré son nom en .${ext})`;
}
