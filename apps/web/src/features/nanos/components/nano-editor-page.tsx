import { Anchor, Container, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Nano } from '@nano/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { nanoQueryOptions, useNano } from '../../../shared/nanos/api/get-nano.ts';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { EDITOR_STEPS, type EditorStep, paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { FileStep } from './file-step.tsx';
import { MetadataStep } from './metadata-step.tsx';
import { NanoNotFound } from './nano-detail-page.tsx';
import { ReviewStep } from './review-step.tsx';
import { ThumbnailStep } from './thumbnail-step.tsx';

const STEP_KEYS = {
  metadaten: 'metadata',
  datei: 'file',
  vorschaubild: 'thumbnail',
  pruefen: 'review',
} as const satisfies Record<EditorStep, string>;

function stepFrom(value: string | null): EditorStep {
  return EDITOR_STEPS.find((step) => step === value) ?? 'metadaten';
}

interface EditorLayoutProps {
  nano: Nano | undefined;
  step: EditorStep;
  onStep: (step: EditorStep) => void;
  reload?: () => Promise<Nano | undefined>;
}

/**
 * The wizard's frame: a stepper over metadata → ZIP → thumbnail → review. Once the draft exists
 * every step can be opened directly (and a reload comes back to the same step); the heading of a
 * newly opened step takes the focus.
 */
function EditorLayout({ nano, step, onStep, reload }: EditorLayoutProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  const index = EDITOR_STEPS.indexOf(step);
  const isWizard = !nano || nano.status === 'draft';
  const pageTitle = isWizard ? t('editor.uploadTitle') : t('editor.editTitle');
  useDocumentTitle(t('app.documentTitle', { page: pageTitle }));

  const arrivedFromCreation = (useLocation().state as { focusStep?: boolean } | null)?.focusStep === true;

  useEffect(() => {
    if (shownStep.current !== step || arrivedFromCreation) {
      shownStep.current = step;
      headingRef.current?.focus();
    }
  }, [step, arrivedFromCreation]);

  const next = () => {
    const following = EDITOR_STEPS[index + 1];
    if (following) {
      onStep(following);
    }
  };

  const content = () => {
    if (!nano || step === 'metadaten') {
      return (
        <MetadataStep
          key={nano?.id ?? 'new'}
          nano={nano}
          reload={reload}
          onSaved={(saved, created) => {
            if (created) {
              void navigate(paths.editNano.getHref(saved.id, 'datei'), {
                replace: true,
                state: { focusStep: true },
              });
            } else {
              next();
            }
          }}
        />
      );
    }
    switch (step) {
      case 'datei':
        return <FileStep nano={nano} onNext={next} />;
      case 'vorschaubild':
        return <ThumbnailStep nano={nano} onNext={next} />;
      case 'pruefen':
        return <ReviewStep nano={nano} />;
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{pageTitle}</Title>
        {nano && (
          <Group gap="sm">
            <Anchor component={Link} to={paths.nanoDetail.getHref(nano.id)} fw={600}>
              {nano.title}
            </Anchor>
            <NanoStatusBadge status={nano.status} />
          </Group>
        )}
      </Stack>
      <Stepper
        active={index}
        onStepClick={(clicked) => {
          const target = EDITOR_STEPS[clicked];
          if (nano && target) {
            onStep(target);
          }
        }}
        allowNextStepsSelect={nano !== undefined}
        size="sm"
        aria-label={t('editor.stepsLabel')}
      >
        {EDITOR_STEPS.map((name, position) => (
          <Stepper.Step
            key={name}
            label={t(`editor.steps.${STEP_KEYS[name]}.label`)}
            description={t(`editor.steps.${STEP_KEYS[name]}.description`)}
            aria-current={position === index ? 'step' : undefined}
            disabled={!nano && position > 0}
          />
        ))}
      </Stepper>
      <Stack gap="md" component="section" aria-labelledby="editor-step-heading">
        <Stack gap={4}>
          <Title order={2} id="editor-step-heading" ref={headingRef} tabIndex={-1}>
            {t(`editor.steps.${STEP_KEYS[step]}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('editor.stepOf', { step: index + 1, count: EDITOR_STEPS.length })}
          </Text>
        </Stack>
        {content()}
      </Stack>
    </Stack>
  );
}

/** `/nanos/neu`: the wizard's first step; saving it creates the draft and goes on at its edit address. */
export function NewNanoPage() {
  return (
    <Container size="lg" py="xl">
      <EditorLayout nano={undefined} step="metadaten" onStep={() => {}} />
    </Container>
  );
}

/** `/nanos/:id/bearbeiten?schritt=`: the wizard's later steps, and editing of any own Nano. */
export function EditNanoPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const nano = useNano(id);
  const step = stepFrom(searchParams.get('schritt'));
  const notFound = nano.error instanceof ApiError && (nano.error.status === 404 || nano.error.status === 400);

  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: nanoQueryOptions(id).queryKey, exact: true });
    return queryClient.getQueryData(nanoQueryOptions(id).queryKey);
  };

  const renderContent = () => {
    if (nano.isPending) {
      return <PageLoader />;
    }
    if (notFound) {
      return <NanoNotFound />;
    }
    if (nano.isError) {
      return (
        <ErrorAlert
          error={nano.error}
          message={t('nano.loadError')}
          onRetry={() => void nano.refetch()}
          retrying={nano.isFetching}
        />
      );
    }
    return (
      <EditorLayout
        nano={nano.data}
        step={step}
        reload={reload}
        onStep={(next) => setSearchParams(next === 'metadaten' ? {} : { schritt: next })}
      />
    );
  };

  return (
    <Container size="lg" py="xl">
      {renderContent()}
    </Container>
  );
}
