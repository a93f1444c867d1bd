import { Button, Group, Input, Rating, Stack, Textarea } from '@mantine/core';
import { FEEDBACK_LIMITS, type Rating as RatingData, upsertRatingRequestSchema } from '@nano/contracts';
import { useId } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useUpsertRating } from '../api/upsert-rating.ts';
import classes from './rating-form.module.css';
import { STAR_COLOR } from './stars.tsx';
import { TextCounter } from './text-counter.tsx';

interface RatingFormProps {
  nanoId: string;
  /** The rating being changed; none for a new one. */
  initial?: Pick<RatingData, 'score' | 'comment'> | null;
  onSaved: () => void;
  /** Offers "Abbrechen" (when changing an existing rating). */
  onCancel?: () => void;
}

/**
 * Stars (required; arrow keys move between them) and an optional comment with a live
 * character count. The server's field errors appear at the fields.
 */
export function RatingForm({ nanoId, initial, onSaved, onCancel }: RatingFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const upsert = useUpsertRating();
  const form = useZodForm(upsertRatingRequestSchema, {
    defaultValues: { score: initial?.score ?? 0, comment: initial?.comment ?? '' },
  });
  const comment = form.watch('comment') ?? '';
  const scoreError = form.formState.errors.score;
  const commentError = form.formState.errors.comment;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async ({ score, comment: text }) => {
        // Awaited rather than per-call callbacks: once the saved rating is loaded, the form may be
        // gone (the own rating shows instead), and then those callbacks would never run.
        try {
          await upsert.mutateAsync({ nanoId, body: { score, comment: text ? text : null } });
        } catch (error) {
          applyServerErrors(form, error, ['score', 'comment']);
          return;
        }
        onSaved();
      })}
    >
      <Stack gap="md">
        <FormErrorAlert error={upsert.error} />
        <Input.Wrapper
          id={id}
          label={t('ratings.form.score')}
          labelElement="div"
          required
          error={
            scoreError &&
            (scoreError.type === 'server' ? scoreError.message : t('ratings.form.scoreRequired'))
          }
        >
          <Controller
            control={form.control}
            name="score"
            render={({ field }) => {
              const choose = (value: number) => {
                field.onChange(value);
                void form.trigger('score');
              };
              return (
                // Mantine's Rating only previews a star chosen with the arrow keys (until Space);
                // like any radio group, moving the selection with the arrows chooses it here.
                <div
                  onChange={(event) => {
                    const input = event.target as HTMLInputElement;
                    if (input.type === 'radio') {
                      choose(Number(input.value));
                    }
                  }}
                >
                  <Rating
                    ref={(element) => {
                      // Focusing the field (first error) means focusing its chosen or first star.
                      field.ref(
                        element && {
                          focus: () =>
                            (
                              element.querySelector<HTMLInputElement>('input:checked') ??
                              element.querySelector<HTMLInputElement>('input')
                            )?.focus(),
                        },
                      );
                    }}
                    value={field.value}
                    onChange={choose}
                    count={FEEDBACK_LIMITS.scoreMax}
                    size="lg"
                    color={STAR_COLOR}
                    classNames={{ starSymbol: classes.star }}
                    role="radiogroup"
                    aria-labelledby={`${id}-label`}
                    aria-required="true"
                    aria-invalid={scoreError ? true : undefined}
                    aria-describedby={scoreError ? `${id}-error` : undefined}
                    getSymbolLabel={(value) =>
                      value === 0
                        ? t('ratings.form.noScore')
                        : t('ratings.starsLabel', { score: String(value), max: FEEDBACK_LIMITS.scoreMax })
                    }
                  />
                </div>
              );
            }}
          />
        </Input.Wrapper>
        <Textarea
          label={t('ratings.form.comment')}
          description={<TextCounter length={comment.length} max={FEEDBACK_LIMITS.commentMax} />}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={FEEDBACK_LIMITS.commentMax}
          error={commentError?.message}
          {...form.register('comment')}
        />
        <Group gap="sm">
          <Button type="submit" loading={upsert.isPending}>
            {initial ? t('ratings.form.saveChanges') : t('ratings.form.submit')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={upsert.isPending}>
              {t('ratings.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
