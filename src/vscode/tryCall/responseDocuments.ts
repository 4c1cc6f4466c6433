// Answers of Try an API Call as read-only editors: a content provider on its own scheme (VS Code opens such documents
// read-only), the text made in core (masked, pretty-printed). Kept in memory only, the last few.
import * as vscode from 'vscode';
import type { ApiResponseDocument } from '../../core/ringcentral/apiResponseDocument';

export const RESPONSE_SCHEME = 'ringcentral-response';
const KEEP = 20;

export class ResponseDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This answer is no longer kept: run RingCentral: Try an API Call again.';
  }

  /** Opens the answer beside nothing else; a new call opens a new tab (the previous answer stays to compare). */
  async open(document: ApiResponseDocument): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${++this.counter}/${document.name}` });
    this.texts.set(uri.toString(), document.text);
    while (this.texts.size > KEEP) this.texts.delete(this.texts.keys().next().value as string);
    const opened = await vscode.workspace.openTextDocument(uri);
    const typed = await vscode.languages.setTextDocumentLanguage(opened, document.language);
    await vscode.window.showTextDocument(typed, { preview: false });
    return typed;
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
