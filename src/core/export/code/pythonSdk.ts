import { CodeSettings, GeneratedCode } from './common';

export function generatePythonSdk(settings: CodeSettings): GeneratedCode {
  throw new Error('todo ' + settings.label);
}
