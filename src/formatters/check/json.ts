import type { Critique } from '../../core/types.js';

export function formatJson(critique: Critique): string {
  return JSON.stringify(critique, null, 2);
}
