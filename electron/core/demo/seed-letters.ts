import { addMonths } from '../../../shared/deadlines/dates';
import { fillTemplate } from '../../../shared/templates/fill';
import { templateSchema } from '../../../shared/templates/schema';
import miseEnDemeureJson from '../../../resources/templates/letters/mise-en-demeure-directeur-publication.json' with { type: 'json' };
import oppositionJson from '../../../resources/templates/letters/opposition-effacement-fiche.json' with { type: 'json' };
import relanceJson from '../../../resources/templates/letters/relance-sans-reponse.json' with { type: 'json' };
import tempsAttenteJson from '../../../resources/templates/replies/cnom-temps-attente.json' with { type: 'json' };
import { allValues, composeSource } from '../letters/compose';
import { addEntry, updateEntry } from '../letters/correspondence-service';
import { createLetterFrom, updateLetter } from '../letters/letters-service';
import { requireEntry, today } from '../letters/rows';
import { saveReplyFrom } from '../letters/reply-service';
import { markSent } from '../letters/send-service';
import { validateLetter } from '../letters/validate-service';
import { createTemplate, saveTemplate, type ResolvedTemplate } from '../letters/templates-service';
import type { OpenVault } from '../vault/open-vault';

const DAY = 86_400_000;

/**
 * Letters and correspondence for the demo case files: a mise en demeure sent and still
 * unanswered, an opposition request past its month, a reminder in draft, a public reply in draft
 * and a template of the cabinet's own with two versions. The built-ins are read from the shipped
 * files themselves, so the demo shows exactly what a user would get.
 */
export async function seedLettersDemo(vault: OpenVault, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const day = (days: number) => today(at(days));
  const caseId = (title: string) =>
    (
      vault.db.prepare('SELECT id FROM case_files WHERE title = ?').get(title) as
        { id: string } | undefined
    )?.id;

  const builtIn = (json: unknown): ResolvedTemplate => {
    const template = templateSchema.parse(json);
    return { template: { ...template, builtIn: true }, builtIn: true, version: template.version };
  };

  const injure = caseId('Avis injurieux sur la page Google');
  if (injure) {
    const signalement = addEntry(
      vault,
      {
        caseId: injure,
        direction: 'envoye',
        date: day(36),
        channel: 'formulaire',
        lrarNumber: '',
        counterpart: { name: 'Google', address: '', email: '', recipientId: null },
        subject: 'Signalement d’un avis injurieux (DSA, art. 16)',
        summary: 'Formulaire « Signaler un avis » rempli avec l’URL et les propos.',
        pieceIds: [],
        arReceived: null,
        answerExpected: null,
        answersId: null,
        letterId: null,
      },
      at(36),
    );
    const ack = vault.db
      .prepare("SELECT id FROM pieces WHERE case_id = ? AND title LIKE 'Accusé de réception%'")
      .get(injure) as { id: string } | undefined;
    addEntry(
      vault,
      {
        caseId: injure,
        direction: 'recu',
        date: day(35),
        channel: 'email',
        lrarNumber: '',
        counterpart: { name: 'Google', address: '', email: '', recipientId: null },
        subject: 'Accusé de réception automatique du signalement',
        summary: 'Le signalement est « en cours d’examen » ; aucune suite depuis.',
        pieceIds: ack ? [ack.id] : [],
        arReceived: null,
        answerExpected: null,
        answersId: signalement,
        letterId: null,
      },
      at(35),
    );

    const template = builtIn(miseEnDemeureJson);
    const letter = createLetterFrom(vault, template, { caseId: injure }, at(30));
    updateLetter(
      vault,
      {
        letterId: letter,
        recipient: {
          name: 'Google Ireland Limited, à l’attention du directeur de la publication',
          address: 'Gordon House, Barrow Street\nDublin 4\nIrlande',
          email: '',
          recipientId: null,
        },
        body: template.template.body.replace('{{courrier.delaiJours}}', '8'),
      },
      at(30),
    );
    validateLetter(vault, letter, at(29));
    const sent = markSent(
      vault,
      {
        letterId: letter,
        date: day(28),
        channel: 'lrar',
        lrarNumber: '1A 000 000 0001 2',
        answerExpected: day(16),
        markStepDone: true,
      },
      at(28),
    );
    withAr(vault, sent, day(24), at(24));
  }

  const listing = caseId('Fiche nominative sur un annuaire d’horaires');
  if (listing) {
    const editor = {
      name: 'Annuaire horaire, service des données personnelles',
      address: '8 rue de l’Exemple\n75002 Paris',
      email: '',
      recipientId: 'site:annuaire-horaire',
    };
    const letter = createLetterFrom(vault, builtIn(oppositionJson), { caseId: listing }, at(46));
    updateLetter(
      vault,
      {
        letterId: letter,
        recipient: editor,
      },
      at(46),
    );
    validateLetter(vault, letter, at(46));
    const arDay = day(42);
    const sent = markSent(
      vault,
      {
        letterId: letter,
        date: day(45),
        channel: 'lrar',
        lrarNumber: '1A 000 000 0002 3',
        answerExpected: addMonths(arDay, 1),
        markStepDone: false,
      },
      at(45),
    );
    withAr(vault, sent, arDay, at(42));
    // The reminder is left in draft: its delay is still to be chosen.
    createLetterFrom(vault, builtIn(relanceJson), { caseId: listing, recipient: editor }, at(1));
  }

  const lawful = caseId('Avis sur le temps d’attente');
  if (lawful) {
    const template = templateSchema.parse(tempsAttenteJson);
    const title = 'Temps d’attente — version du cabinet';
    const { id: _id, version: _v, builtIn: _b, ...fields } = template;
    const own = createTemplate(vault, { ...fields, title }, at(10), template.id);
    const body = fields.body.replace(
      'Nous mettons tout en œuvre',
      'Le cabinet réorganise ses plages de rendez-vous et met tout en œuvre',
    );
    // The template exists, so saveTemplate never needs the resources folder here.
    await saveTemplate(vault, '', own, { ...fields, title, body }, at(9));
    const text = fillTemplate(template.body, allValues(composeSource(vault, lawful))).text;
    saveReplyFrom(vault, builtIn(tempsAttenteJson), { caseId: lawful, body: text }, at(4));
  }
}

function withAr(vault: OpenVault, entryId: string, arDay: string, when: Date): void {
  const row = requireEntry(vault.db, entryId);
  updateEntry(
    vault,
    {
      entryId,
      date: row.date,
      channel: row.channel as 'lrar',
      lrarNumber: row.lrar_number,
      counterpart: JSON.parse(row.counterpart) as {
        name: string;
        address: string;
        email: string;
        recipientId: string | null;
      },
      subject: row.subject,
      summary: row.summary,
      pieceIds: JSON.parse(row.piece_ids) as string[],
      arReceived: arDay,
      answerExpected: row.answer_expected,
      answersId: null,
    },
    when,
  );
}
