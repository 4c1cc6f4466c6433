import { CodeSettings, GeneratedCode } from './common';

export function generateCsharp(settings: CodeSettings): GeneratedCode {
  throw new Error('todo ' + settings.label);
}
