import type { Contract, MethodName } from '../../../shared/api/contract';
import type { OutputOf, ParsedInputOf } from '../../../shared/api/define';
import type { OpenVault } from '../vault/open-vault';
import type { AppHost } from './host';

/** Who may call a method: anyone (lock screen), any unlocked account, or the doctor only. */
export type Access = 'public' | 'session' | 'medecin';

export interface Ctx {
  host: AppHost;
  now: Date;
}

export interface SessionCtx extends Ctx {
  vault: OpenVault;
}

export type HandlerSpec<K extends MethodName> =
  | {
      access: 'public';
      run: (
        input: ParsedInputOf<Contract[K]>,
        ctx: Ctx,
      ) => Promise<OutputOf<Contract[K]>> | OutputOf<Contract[K]>;
    }
  | {
      access: 'session' | 'medecin';
      /** Allowed while a recovery-key session has not yet chosen a new passphrase. */
      duringRecovery?: boolean;
      run: (
        input: ParsedInputOf<Contract[K]>,
        ctx: SessionCtx,
      ) => Promise<OutputOf<Contract[K]>> | OutputOf<Contract[K]>;
    };

export type HandlerMap<K extends MethodName> = { [P in K]: HandlerSpec<P> };
