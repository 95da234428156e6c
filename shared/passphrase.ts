import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';

/**
 * Passphrase policy, shared so that the strength meter the user sees and the check the core
 * enforces are the same function. zxcvbn estimates guessability with French dictionaries; we add
 * a length floor because the passphrase guards health data (CNIL référentiel, password policy).
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSPHRASE_SCORE = 3;

export interface PassphraseVerdict {
  /** 0 (very weak) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  ok: boolean;
  /** French reasons to show under the field, most important first. */
  reasons: string[];
}

let factory: ZxcvbnFactory | undefined;

function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  });
  return factory;
}

export const SCORE_LABELS = ['Très faible', 'Faible', 'Moyenne', 'Solide', 'Très solide'] as const;

export function evaluatePassphrase(
  passphrase: string,
  userInputs: string[] = [],
): PassphraseVerdict {
  const reasons: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    reasons.push(
      `Utilisez au moins ${MIN_PASSPHRASE_LENGTH} caractères (actuellement ${length}). ` +
        'Une phrase de plusieurs mots est plus facile à retenir et plus solide.',
    );
  }

  const inputs = userInputs.flatMap((s) => s.split(/[\s,.@'-]+/)).filter((s) => s.length >= 3);
  const result = getFactory().check(passphrase.slice(0, 256), inputs);
  const score = result.score;
  if (score < MIN_PASSPHRASE_SCORE) {
    if (result.feedback.warning) reasons.push(result.feedback.warning);
    reasons.push(...result.feedback.suggestions);
    if (reasons.length === 0 || length >= MIN_PASSPHRASE_LENGTH) {
      reasons.push(
        'Cette phrase de passe serait trop facile à deviner : ajoutez des mots peu courants.',
      );
    }
  }

  return { score, ok: length >= MIN_PASSPHRASE_LENGTH && score >= MIN_PASSPHRASE_SCORE, reasons };
}
