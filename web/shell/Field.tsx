/**
 * A labelled field that says what is wrong with it under it, tied to it for screen readers
 * (aria-invalid, aria-describedby): the one way every form marks a mistake on its field.
 */
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon.tsx';

/** What the field's control is given so the label and the problem belong to it. */
export interface FieldA11y {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

export function Field({
  id,
  label,
  problem,
  children,
}: {
  id: string;
  label: ComponentChildren;
  /** What is wrong, in her words; nothing when nothing is. */
  problem: string | null | undefined;
  children: (a11y: FieldA11y) => ComponentChildren;
}) {
  const problemId = `${id}-problem`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, ...(problem ? { 'aria-invalid': 'true' as const, 'aria-describedby': problemId } : {}) })}
      <FieldError id={problemId} text={problem} />
    </div>
  );
}

/** The problem under a field (or nothing), with the id its field points to. */
export function FieldError({ id, text }: { id?: string; text: string | null | undefined }) {
  return text ? (
    <p class="error" id={id}>
      <Icon name="alert" /> {text}
    </p>
  ) : null;
}
