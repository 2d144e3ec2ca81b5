import type { ReactNode } from 'react';
import { BrandMark, PageHeader } from '@dd/ui';
import './auth.css';

interface AuthFrameProps {
  title: string;
  description: string;
  children: ReactNode;
  /** The link to the other form ("No account yet? Sign up"). */
  footer: ReactNode;
  wide?: boolean;
}

export function AuthFrame({ title, description, children, footer, wide = false }: AuthFrameProps) {
  return (
    <div className="page dd-container auth-page">
      <div className={wide ? 'auth-card auth-card--wide' : 'auth-card'}>
        <BrandMark size={40} className="auth-card__mark" />
        <PageHeader title={title} description={description} className="auth-card__header" />
        {children}
      </div>
      <p className="auth-page__switch">{footer}</p>
    </div>
  );
}
