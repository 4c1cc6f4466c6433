// "Generate Sign-In Code": one entry point over the per-language templates.
import type { ExportProfile } from '../profile';
import { CodeSettings, GeneratedCode, settingsFor } from './common';
import { generateBash } from './bash';
import { generateCsharp } from './csharp';
import { generateNode } from './node';
import { generatePhp } from './php';
import { generatePhpSdk } from './phpSdk';
import { generatePython } from './python';
import { generatePythonSdk } from './pythonSdk';

export type { CodeLanguage, GeneratedCode } from './common';

export type CodeTarget = 'php' | 'php-sdk' | 'node' | 'python' | 'python-sdk' | 'csharp' | 'bash';

export interface CodeTargetInfo {
  target: CodeTarget;
  label: string;
  /** What the program needs installed. */
  needs: string;
}

export const CODE_TARGETS: readonly CodeTargetInfo[] = [
  {
    target: 'php',
    label: 'PHP (curl extension, no SDK)',
    needs: 'php with the curl extension (Debian: php-cli php-curl)',
  },
  {
    target: 'php-sdk',
    label: 'PHP (official ringcentral/ringcentral-php SDK)',
    needs: 'composer require ringcentral/ringcentral-php',
  },
  { target: 'node', label: 'Node.js (official @ringcentral/sdk)', needs: 'npm install @ringcentral/sdk' },
  { target: 'python', label: 'Python (requests)', needs: 'pip install requests (Debian: python3-requests)' },
  { target: 'python-sdk', label: 'Python (official ringcentral SDK)', needs: 'pip install ringcentral' },
  { target: 'csharp', label: 'C# (RingCentral.Net)', needs: 'dotnet add package RingCentral.Net' },
  { target: 'bash', label: 'bash + curl', needs: 'bash, curl and openssl' },
];

const GENERATORS: Record<CodeTarget, (settings: CodeSettings) => GeneratedCode> = {
  php: generatePhp,
  'php-sdk': generatePhpSdk,
  node: generateNode,
  python: generatePython,
  'python-sdk': generatePythonSdk,
  csharp: generateCsharp,
  bash: generateBash,
};

export function generateSignInCode(profile: ExportProfile, target: CodeTarget): GeneratedCode {
  return GENERATORS[target](settingsFor(profile));
}
