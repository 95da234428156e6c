/**
 * The external-link policy for core handlers. policy.ts lives with the main process but imports
 * nothing from Electron, so core may reuse the very same check instead of keeping a copy.
 */
export { EXTERNAL_URL_ALLOWLIST, isExternalUrlAllowed } from '../../main/policy';
