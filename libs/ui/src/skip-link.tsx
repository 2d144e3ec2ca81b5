import type { ReactNode } from 'react';

export interface SkipLinkProps {
  /** The id of the main landmark, without "#". */
  targetId: string;
  children: ReactNode;
}

/** Hidden until focused: lets keyboard users jump past the header. */
export function SkipLink({ targetId, children }: SkipLinkProps) {
  return (
    <a className="dd-skip-link" href={`#${targetId}`}>
      {children}
    </a>
  );
}
