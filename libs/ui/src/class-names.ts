/** Joins the truthy class names, so components can add modifiers without string juggling. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
