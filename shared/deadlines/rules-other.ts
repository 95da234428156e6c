import { addMonths, compareIsoDates } from './dates';
import type { IsoDate } from './dates';
import { describeNonWorkingDay, firstPostedStart } from './draft';
import type { DraftDeadline } from './draft';
import { INDICATIVE_NOTE } from './types';
import type { DeadlineFacts, GdprRequestFacts } from './types';

/** Time to post a registered letter before the droit de réponse window closes. */
export const DROIT_DE_REPONSE_LEAD_DAYS = 7;

function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

/**
 * RGPD art. 12.3: one month from receipt, two more when the controller extends. Counted under
 * Regulation 1182/71 like months elsewhere. Where two readings of the extension differ (31 Jan:
 * 28 Feb + 2 months = 28 Apr, or 31 Jan + 3 months = 30 Apr) we keep the earlier one.
 */
export function gdprAnswerEnd(start: IsoDate, extended: boolean): IsoDate {
  const oneMonth = addMonths(start, 1);
  if (!extended) return oneMonth;
  return earlier(addMonths(oneMonth, 2), addMonths(start, 3));
}

function gdprDeadline(request: GdprRequestFacts): DraftDeadline {
  const received = request.receivedByController;
  const start = received ?? request.sent;
  const extended = request.extended === true;
  const end = gdprAnswerEnd(start, extended);
  const notes: string[] = [];

  if (!received) {
    notes.push(
      'Date de réception inconnue : le délai est compté, par prudence, depuis l’envoi. Ajoutez ' +
        'la date de l’accusé de réception pour l’affiner.',
    );
  }
  const nonWorking = describeNonWorkingDay(end);
  if (nonWorking) {
    // Limitation: whether Regulation 1182/71 moves the end to the next working day is not
    // confirmed by a primary source (legal-facts, "verify"), so the strict date is what we show.
    notes.push(
      `Cette date tombe ${nonWorking} : le règlement (CEE, Euratom) n° 1182/71 pourrait reporter ` +
        'la fin du délai au jour ouvré suivant (à vérifier). La date affichée reste la date stricte.',
    );
  }
  if (!extended) {
    notes.push(
      'Le responsable peut prolonger ce délai de deux mois s’il vous en informe, motifs à ' +
        'l’appui, dans le premier mois (RGPD, art. 12.3).',
    );
  }
  notes.push(
    'Sans réponse ou en cas de refus : réclamation auprès de la CNIL (RGPD, art. 77) ou référé ' +
      'devant le tribunal judiciaire (art. 79). Un refus doit mentionner le droit de saisir la CNIL.',
    INDICATIVE_NOTE,
  );

  return {
    key: `gdpr:${request.id}`,
    kind: 'gdpr-answer',
    label: `Réponse attendue : ${request.label?.trim() || 'demande RGPD'}`,
    rule: extended
      ? 'Réponse dans un mois, prolongé de deux mois (trois mois au total), à compter de la réception'
      : 'Réponse dans un mois à compter de la réception de la demande',
    article: 'Règlement (UE) 2016/679 (RGPD), art. 12.3 et 12.4',
    runsFrom: {
      date: start,
      label: received ? 'Réception de la demande (accusé de réception)' : 'Envoi de la demande',
    },
    legalEnd: end,
    notes,
    certainty: 'verify',
    leadDays: 0,
  };
}

export function gdprDeadlines(facts: DeadlineFacts): DraftDeadline[] {
  return (facts.gdprRequests ?? []).map(gdprDeadline);
}

/** LCEN art. 6-IV: the person named in an online message asks for a reply within 3 months. */
export function droitDeReponseDeadlines(facts: DeadlineFacts): DraftDeadline[] {
  if (facts.kind === 'listing') return [];
  const start = firstPostedStart(facts);
  if (!start) return [];
  const end = addMonths(start.date, 3);
  const notes = [...start.notes];
  notes.push(
    'Pas de report au jour ouvré suivant : par prudence, la demande doit être reçue avant cette ' +
      'date.',
  );
  const nonWorking = describeNonWorkingDay(end);
  if (nonWorking) notes.push(`Cette échéance tombe ${nonWorking} : agissez avant.`);
  notes.push(INDICATIVE_NOTE);

  return [
    {
      key: 'reponse-lcen',
      kind: 'droit-de-reponse',
      label: 'Droit de réponse en ligne : date limite de la demande',
      rule: 'Demande à adresser dans les 3 mois suivant la mise en ligne du message',
      article: 'Loi n° 2004-575 du 21 juin 2004 (LCEN), art. 6-IV',
      runsFrom: { date: start.date, label: start.label },
      legalEnd: end,
      notes,
      certainty: start.certainty,
      leadDays: DROIT_DE_REPONSE_LEAD_DAYS,
    },
  ];
}

/** Follow-ups are dates the user chose: shown as given, done ones dropped. */
export function followUpDeadlines(facts: DeadlineFacts): DraftDeadline[] {
  return (facts.followUps ?? [])
    .filter((f) => f.done !== true)
    .map((f) => ({
      key: `followup:${f.id}`,
      kind: 'follow-up' as const,
      label: f.label,
      rule: 'Relance fixée dans le dossier',
      article: '',
      runsFrom: { date: f.date, label: 'Date de relance choisie' },
      legalEnd: f.date,
      notes: [],
      certainty: 'sure' as const,
      leadDays: 0,
    }));
}
