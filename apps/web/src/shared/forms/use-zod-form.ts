import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import {
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { i18n } from '../i18n/i18n.ts';
import { localiseIssue, translateSchemaMessage } from './localise-issue.ts';

/** Walks react-hook-form's error tree and translates the messages the shared schemas set themselves. */
function translateErrors<T extends FieldValues>(errors: FieldErrors<T>): FieldErrors<T> {
  const translate = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) {
      return node;
    }
    const entries = Object.entries(node).map(([key, value]) => {
      if (key === 'message' && typeof value === 'string') {
        return [key, translateSchemaMessage(value)];
      }
      // `ref` is the DOM element; copying it would break focusing the field.
      return [key, key === 'ref' ? value : translate(value)];
    });
    return Object.fromEntries(entries);
  };
  return translate(errors) as FieldErrors<T>;
}

interface ZodFormOptions<Input extends FieldValues, Output>
  extends Omit<UseFormProps<Input, unknown, Output>, 'resolver'> {
  /** Turns form values into what the schema expects (e.g. empty text → null), before validation. */
  prepare?: (values: Input) => unknown;
}

/**
 * react-hook-form validated by a shared contract schema, with messages in the interface
 * language. Fields are checked when they lose focus and again on every change after that
 * (live validation); on a language switch the shown messages are checked again, so they
 * change language too.
 */
export function useZodForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  { prepare, ...options }: ZodFormOptions<Input, Output> = {},
): UseFormReturn<Input, unknown, Output> {
  const validate = zodResolver(schema, { error: localiseIssue }) as unknown as Resolver<
    Input,
    unknown,
    Output
  >;
  const resolver: Resolver<Input, unknown, Output> = async (values, context, resolverOptions) => {
    const result = await validate((prepare ? prepare(values) : values) as Input, context, resolverOptions);
    return { ...result, errors: translateErrors(result.errors) } as Awaited<ReturnType<typeof validate>>;
  };
  const form = useForm<Input, unknown, Output>({ mode: 'onTouched', ...options, resolver });

  const { trigger, getFieldState, formState } = form;
  useEffect(() => {
    const revalidateShownErrors = () => {
      const shown = (Object.keys(formState.errors) as Path<Input>[]).filter(
        (name) => getFieldState(name).error?.type !== 'server',
      );
      if (shown.length > 0) {
        void trigger(shown);
      }
    };
    i18n.on('languageChanged', revalidateShownErrors);
    return () => i18n.off('languageChanged', revalidateShownErrors);
  }, [trigger, getFieldState, formState]);

  return form;
}
