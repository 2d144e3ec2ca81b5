import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { savedSegmentNameSchema, SAVED_SEGMENT_NAME_MAX, type SavedSegmentSummary } from '@dd/contract';
import { Alert, Button, buttonClassName, ConfirmDialog, EmptyState, Icon, PageHeader, TextField } from '@dd/ui';
import { describeError } from '../../app/api-error';
import { fieldErrorText } from '../../app/field-error-text';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { SectionLoadError, SectionLoading } from '../../app/status-views';
import { useTRPC } from '../../app/trpc';
import { purchasePathForSegment } from '../purchases/purchase-draft';
import type { SavedNotice } from './segment-builder';
import './segments.css';

/** The organisation's saved segments, each in plain language; the way into the builder. */
export function SegmentsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('segments.titles.list'));
  const trpc = useTRPC();
  const location = useLocation();
  const navigate = useNavigate();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  const list = useQuery(trpc.advertiser.segments.list.queryOptions({ locale }, { placeholderData: keepPreviousData }));
  const [notice, setNotice] = useState<string | null>(() => {
    const state = location.state as Partial<SavedNotice> | null;
    return typeof state?.saved === 'string' ? t('segments.list.saved', { name: state.saved }) : null;
  });
  // The notice is shown once: a reload or a later visit should not say "saved" again.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  const [renaming, setRenaming] = useState<SavedSegmentSummary | null>(null);
  const [deleting, setDeleting] = useState<SavedSegmentSummary | null>(null);

  const createLink = (
    <Link to="/advertiser/segments/new" className={buttonClassName('primary')}>
      <Icon name="users" size={18} />
      {t('segments.list.create')}
    </Link>
  );

  return (
    <div className="page dd-container">
      <PageHeader eyebrow={t('segments.list.eyebrow')} title={t('segments.list.title')} description={t('segments.list.description')} actions={createLink} />
      {notice ? (
        <Alert tone="success" className="segments-notice">
          {notice}
        </Alert>
      ) : null}
      {list.isPending ? (
        <SectionLoading />
      ) : list.isError ? (
        <SectionLoadError title={t('segments.list.loadError')} error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : list.data.length === 0 ? (
        <div className="page-section">
          <EmptyState
            icon="users"
            title={t('segments.list.emptyTitle')}
            description={
              <>
                <p>{t('segments.list.emptyBody')}</p>
                <p className="segments-empty__promise">{t('segments.list.emptyPromise')}</p>
              </>
            }
            actions={
              <Link to="/advertiser/segments/new" className={buttonClassName('primary')}>
                {t('segments.list.createFirst')}
              </Link>
            }
          />
        </div>
      ) : (
        <ul className="segment-list" aria-label={t('segments.list.listLabel')}>
          {list.data.map((segment) => (
            <li key={segment.id} className="segment-card">
              <div className="segment-card__text">
                <h2 className="segment-card__name">
                  <Link to={`/advertiser/segments/${segment.id}`}>{segment.name}</Link>
                </h2>
                <p className="segment-card__description">{segment.description}</p>
                <p className="segment-card__meta">
                  <Icon name="clock" size={14} />
                  {t('segments.list.updated', { date: formatDate(segment.updatedAt, i18n.language) })}
                </p>
              </div>
              <div className="segment-card__actions">
                <Link to={purchasePathForSegment(segment.id)} className={buttonClassName('primary', 'sm')} aria-label={t('segments.list.buyLabel', { name: segment.name })}>
                  <Icon name="report" size={16} />
                  {t('segments.list.buy')}
                </Link>
                <Link to={`/advertiser/segments/${segment.id}`} className={buttonClassName('secondary', 'sm')} aria-label={t('segments.list.editLabel', { name: segment.name })}>
                  <Icon name="pencil" size={16} />
                  {t('segments.list.edit')}
                </Link>
                <Button variant="ghost" size="sm" aria-label={t('segments.list.renameLabel', { name: segment.name })} onClick={() => setRenaming(segment)}>
                  {t('segments.list.rename')}
                </Button>
                <Button variant="ghost" size="sm" aria-label={t('segments.list.deleteLabel', { name: segment.name })} onClick={() => setDeleting(segment)}>
                  <Icon name="trash" size={16} />
                  {t('segments.list.delete')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <RenameDialog segment={renaming} onClose={() => setRenaming(null)} onDone={(name) => setNotice(t('segments.list.renamed', { name }))} />
      <DeleteDialog segment={deleting} onClose={() => setDeleting(null)} onDone={(name) => setNotice(t('segments.list.deleted', { name }))} />
    </div>
  );
}

interface DialogProps {
  segment: SavedSegmentSummary | null;
  onClose: () => void;
  onDone: (name: string) => void;
}

function DeleteDialog({ segment, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.advertiser.segments.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.advertiser.segments.pathKey() });
        onDone(segment?.name ?? '');
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={segment !== null}
      tone="danger"
      title={t('segments.list.deleteTitle', { name: segment?.name ?? '' })}
      confirmLabel={t('segments.list.delete')}
      cancelLabel={t('common.cancel')}
      confirming={remove.isPending}
      error={remove.isError ? t(describeError(remove.error).messageKey) : undefined}
      onConfirm={() => segment && remove.mutate({ id: segment.id })}
      onCancel={() => {
        remove.reset();
        onClose();
      }}
    >
      <p>{t('segments.list.deleteBody')}</p>
    </ConfirmDialog>
  );
}

function RenameDialog({ segment, onClose, onDone }: DialogProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [opened, setOpened] = useState<string | null>(null);
  // A new segment to rename starts from its current name (state derived while rendering, not in an effect).
  if (segment && opened !== segment.id) {
    setOpened(segment.id);
    setName(segment.name);
    setError(undefined);
  }
  const rename = useMutation(
    trpc.advertiser.segments.rename.mutationOptions({
      onSuccess: async (renamed) => {
        await queryClient.invalidateQueries({ queryKey: trpc.advertiser.segments.pathKey() });
        onDone(renamed.name);
        setOpened(null);
        onClose();
      },
      onError: (failure) => {
        const described = describeError(failure);
        const key = described.fieldErrors['name']?.[0];
        setError(key ? fieldErrorText(t, i18n, key) : t(described.messageKey));
      },
    }),
  );
  const confirm = () => {
    if (!segment) return;
    const parsed = savedSegmentNameSchema.safeParse(name);
    if (!parsed.success) {
      setError(fieldErrorText(t, i18n, parsed.error.issues[0]?.message ?? 'validation.invalid'));
      return;
    }
    rename.mutate({ id: segment.id, name: parsed.data });
  };
  return (
    <ConfirmDialog
      open={segment !== null}
      title={t('segments.list.renameTitle')}
      confirmLabel={t('segments.list.renameConfirm')}
      cancelLabel={t('common.cancel')}
      confirming={rename.isPending}
      onConfirm={confirm}
      onCancel={() => {
        setOpened(null);
        onClose();
      }}
    >
      <TextField
        label={t('segments.builder.name.label')}
        value={name}
        maxLength={SAVED_SEGMENT_NAME_MAX + 20}
        autoComplete="off"
        error={error}
        onChange={(event) => {
          setName(event.target.value);
          setError(undefined);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            confirm();
          }
        }}
      />
    </ConfirmDialog>
  );
}
