// What every section renders from: the last state from the extension, the panel's own UI state (kept by VS Code
// across hide and show through setState), and the few actions a section may take.
import type { Diagnosis } from '../core/diagnosis/types';
import { HTTP_METHODS, type HttpMethod, type PanelSectionId, type PanelState, type PanelToExtension } from './protocol';
import type { LiveClock } from './liveClock';

export interface ExplainResult {
  input: string;
  diagnosis?: Diagnosis;
  problem?: string;
  /** When it was explained (extension clock), for a waitAndRetry countdown in its fixes. */
  at: number;
}

/** The panel's own state, saved with the webview's setState. */
export interface PanelUi {
  selectedAttemptId?: string;
  /** Attempt id → the step the user chose. */
  selectedStep: Record<string, number>;
  /** Section id → open; sections not listed use their default. */
  open: Partial<Record<PanelSectionId, boolean>>;
  explainText: string;
  explainResult?: ExplainResult;
  redirectText: string;
  permissionMethod: HttpMethod;
  permissionPath: string;
  /** "Copy as curl … with secrets" ticked; never restored, so a reloaded panel copies masked again. */
  copyWithSecrets: boolean;
}

export interface PanelContext {
  readonly state: PanelState;
  readonly ui: PanelUi;
  readonly clock: LiveClock;
  post(message: PanelToExtension): void;
  /** Saves `ui` (call after changing it). */
  persist(): void;
  /** Rebuilds the page from `state` and `ui`, keeping the keyboard focus where it was. */
  render(): void;
  isOpen(id: PanelSectionId): boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The saved UI state, each field checked (it survives extension updates, so it may be from an older panel). */
export function restoreUi(saved: unknown): PanelUi {
  const s = isObject(saved) ? saved : {};
  return {
    selectedAttemptId: typeof s.selectedAttemptId === 'string' ? s.selectedAttemptId : undefined,
    selectedStep: isObject(s.selectedStep) ? (s.selectedStep as Record<string, number>) : {},
    open: isObject(s.open) ? (s.open as PanelUi['open']) : {},
    explainText: typeof s.explainText === 'string' ? s.explainText : '',
    explainResult: isObject(s.explainResult) ? (s.explainResult as unknown as ExplainResult) : undefined,
    redirectText: typeof s.redirectText === 'string' ? s.redirectText : '',
    permissionMethod: (HTTP_METHODS as readonly unknown[]).includes(s.permissionMethod)
      ? (s.permissionMethod as HttpMethod)
      : 'GET',
    permissionPath: typeof s.permissionPath === 'string' ? s.permissionPath : '',
    copyWithSecrets: false,
  };
}
