import { CodeSettings, GeneratedCode } from './common';

export function generatePhp(settings: CodeSettings): GeneratedCode {
  throw new Error('todo ' + settings.label);
}
