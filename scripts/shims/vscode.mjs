// The `vscode` module, imported once for the whole extension bundle (scripts/bundles.mjs points every `vscode` import of
// src/ here). esbuild would otherwise wrap `require('vscode')` once per importing file, copying every key of the API
// object each time: 21 copies of some 400 keys, the largest part of the bundle's load time.
export * from 'vscode';
