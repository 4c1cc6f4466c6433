import { CodeSettings, GeneratedCode } from './common';

export function generatePhpSdk(settings: CodeSettings): GeneratedCode {
  throw new Error('todo ' + settings.label);
}
