import { foldPlain, toOriginal, type FoldedText } from './fold';
import { FAMILY, LEXICON, type LexiconCategory } from './lexicon';
import { SECRECY_CITATION, healthDetailMessage, healthTermMessage } from './messages';
import type { RawFlag } from './types';

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface CompiledEntry {
  readonly tokens: readonly string[];
  readonly category: LexiconCategory;
  readonly possessiveOnly: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
// Words of one term may be split by spaces, line breaks, hyphens or apostrophes, nothing else.
const JOINABLE = /^[\s'-]*$/;
const POSSESSIVES = new Set(['votre', 'vos', 'ton', 'ta', 'tes']);
// How far back "votre fils ... malade" may reach, in words.
const FAMILY_REACH = 6;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/**
 * The singular a French plural most likely comes from. Only the text's words go through it, and
 * a match needs either the word itself or this form to equal the lexicon's word: canonicalising
 * both sides would make "tous" match "toux".
 */
function singular(word: string): string {
  if (word.length >= 4 && word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.length >= 4 && (word.endsWith('s') || /(?:eu|ou)x$/.test(word)))
    return word.slice(0, -1);
  return word;
}

function sameWord(textWord: string, lexiconWord: string): boolean {
  return textWord === lexiconWord || singular(textWord) === lexiconWord;
}

function buildIndex(): Map<string, CompiledEntry[]> {
  const index = new Map<string, CompiledEntry[]>();
  for (const entry of LEXICON) {
    const tokens = tokenize(foldPlain(entry.term)).map((t) => t.text);
    const first = tokens[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push({ tokens, category: entry.category, possessiveOnly: entry.possessiveOnly });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

const INDEX = buildIndex();
const FAMILY_WORDS = new Set(
  FAMILY.map((word) => tokenize(foldPlain(word)).at(-1)?.text ?? '').filter((w) => w !== ''),
);

function joined(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!JOINABLE.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) return false;
  }
  return true;
}

function matchAt(text: string, tokens: readonly Token[], at: number): CompiledEntry | undefined {
  const word = tokens[at]!.text;
  const keys = singular(word) === word ? [word] : [word, singular(word)];
  let best: CompiledEntry | undefined;
  for (const key of keys) {
    for (const entry of INDEX.get(key) ?? []) {
      const size = entry.tokens.length;
      if (best !== undefined && size <= best.tokens.length) continue;
      if (at + size > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < size && ok; k++) ok = sameWord(tokens[at + k]!.text, entry.tokens[k]!);
      if (ok && joined(text, tokens, at, at + size - 1)) best = entry;
    }
  }
  return best;
}

/** Index of the possessive that governs the term at `at` ("votre dos", "vos petits soucis"). */
function possessiveBefore(text: string, tokens: readonly Token[], at: number): number {
  for (const back of [1, 2]) {
    const i = at - back;
    if (i < 0) break;
    if (POSSESSIVES.has(tokens[i]!.text) && joined(text, tokens, i, at)) return i;
  }
  return -1;
}

/** Index of "votre" in "votre fille avait une angine", or -1. */
function familyBefore(text: string, tokens: readonly Token[], at: number): number {
  for (let i = at - 2; i >= Math.max(0, at - FAMILY_REACH); i--) {
    if (!POSSESSIVES.has(tokens[i]!.text)) continue;
    const noun = [tokens[i + 1], tokens[i + 2]].some(
      (t) => t !== undefined && FAMILY_WORDS.has(singular(t.text)),
    );
    if (noun && joined(text, tokens, i, at)) return i;
  }
  return -1;
}

/** Health terms, and health terms that answer the author's own situation ("votre diabète"). */
export function matchLexicon(original: string, folded: FoldedText): RawFlag[] {
  const text = folded.text;
  const tokens = tokenize(text);
  const flags: RawFlag[] = [];
  let at = 0;

  while (at < tokens.length) {
    const entry = matchAt(text, tokens, at);
    if (entry === undefined) {
      at++;
      continue;
    }

    const last = at + entry.tokens.length - 1;
    const owner = possessiveBefore(text, tokens, at);
    const family = owner < 0 && !entry.possessiveOnly ? familyBefore(text, tokens, at) : -1;
    const from = owner >= 0 ? owner : family >= 0 ? family : at;
    const [start, end] = toOriginal(folded, tokens[from]!.start, tokens[last]!.end);
    const excerpt = original.slice(start, end);

    if (entry.category === 'neutre') {
      // A set phrase that speaks of no one's health: consumed so its words do not match alone.
    } else if (from !== at) {
      flags.push({
        kind: 'answers-health-detail',
        severity: 'alerte',
        start,
        end,
        message: healthDetailMessage(excerpt),
        rule: SECRECY_CITATION,
      });
    } else if (entry.category !== 'generique') {
      flags.push({
        kind: 'health-term',
        severity: entry.category === 'specialite' ? 'attention' : 'alerte',
        start,
        end,
        message: healthTermMessage(excerpt, entry.category),
        rule: SECRECY_CITATION,
      });
    }
    at = last + 1;
  }
  return flags;
}
