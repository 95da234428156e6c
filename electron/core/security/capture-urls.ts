/** The capture-window address policy, shared with main like external-links.ts. */
export { isCaptureUrlAllowed } from '../../main/policy';
