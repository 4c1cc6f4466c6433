import { CodeSettings, GeneratedCode } from './common';

export function generateBash(settings: CodeSettings): GeneratedCode {
  throw new Error('todo ' + settings.label);
}
