import type { Piece } from '../../../../shared/api/cases-api';
import { approveCapture, requireCaptureCase } from '../../pieces/capture';
import type { HandlerMap } from '../handler';

/**
 * The core side of "Capturer une page": it approves a request (case exists, address public).
 * The capture window itself exists only in Electron: main opens it after `capture.open` is
 * approved, and after `capture.take` is approved it grabs the page and stores it through
 * pieces.import. Without Electron (the browser harness) the renderer hides the action.
 */
export const captureHandlers: HandlerMap<'capture.open' | 'capture.take' | 'capture.close'> = {
  'capture.open': {
    access: 'session',
    run: (input, { vault, host }) =>
      approveCapture(vault, input.caseId, input.url, host.options.allowLoopbackCapture === true),
  },
  'capture.take': {
    access: 'session',
    run: (input, { vault }) => {
      requireCaptureCase(vault, input.caseId);
      return { caseId: input.caseId, pieces: [] as Piece[] };
    },
  },
  'capture.close': { access: 'session', run: () => null },
};
