import { chronology } from '../../cases/chronology';
import {
  correctText,
  createCase,
  getCase,
  listCases,
  qualify,
  setStatus,
  setStep,
  updateCase,
} from '../../cases/repo';
import {
  importPiece,
  pieceContent,
  updateCapture,
  verifyPiece,
  withdrawPiece,
} from '../../pieces/pieces';
import type { HandlerMap } from '../handler';

type CaseMethods =
  | 'cases.list'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.correctText'
  | 'cases.qualify'
  | 'cases.setStep'
  | 'cases.setStatus'
  | 'cases.chronology'
  | 'pieces.import'
  | 'pieces.updateCapture'
  | 'pieces.withdraw'
  | 'pieces.content'
  | 'pieces.verify';

/** Case files and pièces: both roles manage them (the secretary does most of this work). */
export const caseHandlers: HandlerMap<CaseMethods> = {
  'cases.list': { access: 'session', run: (input, { vault }) => listCases(vault, input) },
  'cases.get': { access: 'session', run: (input, { vault }) => getCase(vault, input.caseId) },
  'cases.create': {
    access: 'session',
    run: ({ verbatim, ...fields }, { vault, now }) =>
      getCase(vault, createCase(vault, fields, verbatim, now)),
  },
  'cases.update': {
    access: 'session',
    run: ({ caseId, ...fields }, { vault, now }) => {
      updateCase(vault, caseId, fields, now);
      return getCase(vault, caseId);
    },
  },
  'cases.correctText': {
    access: 'session',
    run: (input, { vault, now }) => {
      correctText(vault, input.caseId, input.text, input.reason, now);
      return getCase(vault, input.caseId);
    },
  },
  'cases.qualify': {
    access: 'session',
    run: (input, { vault, now }) => {
      qualify(vault, input, now);
      return getCase(vault, input.caseId);
    },
  },
  'cases.setStep': {
    access: 'session',
    run: (input, { vault, now }) => {
      setStep(vault, input, now);
      return getCase(vault, input.caseId);
    },
  },
  'cases.setStatus': {
    access: 'session',
    run: (input, { vault, now }) => {
      setStatus(vault, input, now);
      return getCase(vault, input.caseId);
    },
  },
  'cases.chronology': {
    access: 'session',
    run: (input, { vault }) => chronology(vault, input.caseId),
  },
  'pieces.import': {
    access: 'session',
    run: (input, { vault, now }) =>
      importPiece(
        vault,
        { caseId: input.caseId, source: input.source, title: input.title, capture: input.capture },
        now,
      ),
  },
  'pieces.updateCapture': {
    access: 'session',
    run: (input, { vault, now }) =>
      updateCapture(vault, input.pieceId, input.title, input.capture, now),
  },
  'pieces.withdraw': {
    access: 'session',
    run: (input, { vault, now }) => withdrawPiece(vault, input.pieceId, input.reason, now),
  },
  'pieces.content': {
    access: 'session',
    run: (input, { vault }) => pieceContent(vault, input.pieceId),
  },
  'pieces.verify': {
    access: 'session',
    run: (input, { vault }) => verifyPiece(vault, input.pieceId),
  },
};
