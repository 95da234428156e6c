/**
 * Accent- and case-folding that remembers where each folded character came from, so that matches
 * found in the folded text can be highlighted in the text the user typed.
 */
export interface FoldedText {
  /** Lower case, without diacritics, typographic apostrophes and spaces made plain. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset of the original character it comes from. */
  readonly start: Int32Array;
  /** For each UTF-16 unit of `text`, the offset just after that original character. */
  readonly end: Int32Array;
}

// Characters that NFD does not decompose, or that should read as their plain equivalent.
const SPECIAL: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u2032': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
};

const COMBINING = /[\u0300-\u036f]/g;
const cache = new Map<string, string>();

function foldCodePoint(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
    cache.set(ch, folded);
  }
  return folded;
}

export function foldText(input: string): FoldedText {
  // Folding rarely grows the text (œ → oe); the arrays grow if a text ever needs more.
  let start: Int32Array = new Int32Array(input.length + 16);
  let end: Int32Array = new Int32Array(input.length + 16);
  const parts: string[] = [];
  let length = 0;
  let offset = 0;

  while (offset < input.length) {
    const code = input.charCodeAt(offset);
    let width = 1;
    let folded: string;
    if (code < 0x80) {
      folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : input[offset]!;
    } else {
      const cp = input.codePointAt(offset)!;
      width = cp > 0xffff ? 2 : 1;
      folded = foldCodePoint(input.slice(offset, offset + width));
    }

    if (folded.length === 0 && length > 0) {
      // A lone combining mark (text typed in NFD): it belongs to the previous character.
      end[length - 1] = offset + width;
    }
    if (length + folded.length > start.length) {
      start = grow(start);
      end = grow(end);
    }
    for (let i = 0; i < folded.length; i++) {
      start[length] = offset;
      end[length] = offset + width;
      length++;
    }
    parts.push(folded);
    offset += width;
  }

  return { text: parts.join(''), start: start.subarray(0, length), end: end.subarray(0, length) };
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2 + 16);
  bigger.set(array);
  return bigger;
}

/** Maps a half-open range of the folded text back to the original text. */
export function toOriginal(folded: FoldedText, from: number, to: number): [number, number] {
  if (to <= from) {
    const at = from < folded.start.length ? folded.start[from]! : lastEnd(folded);
    return [at, at];
  }
  return [folded.start[from]!, folded.end[to - 1]!];
}

function lastEnd(folded: FoldedText): number {
  return folded.end.length === 0 ? 0 : folded.end[folded.end.length - 1]!;
}

/** Folds a short string without keeping offsets (context values, lexicon terms). */
export function foldPlain(input: string): string {
  let out = '';
  for (const ch of input) out += ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldCodePoint(ch);
  return out;
}
