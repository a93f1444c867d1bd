import type { ListExportFormat, Locale } from '@nano/contracts';
import { errors } from '../../errors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { exportPdf } from './list-export.pdf.ts';
import { exportContentDisposition, exportCsv, exportJson, type ListExportInput } from './list-export.ts';
import * as repo from './lists.repository.ts';

type Deps = Pick<ModuleDeps, 'db' | 'clock' | 'publicUrl'>;

/** A finished export: the bytes and the headers of the download. */
export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  contentDisposition: string;
}

const CONTENT_TYPES: Record<ListExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

/** The owner's list as a CSV, JSON or PDF download, worded in the request's language. */
export async function exportList(
  deps: Deps,
  userId: string,
  id: string,
  format: ListExportFormat,
  locale: Locale,
): Promise<ExportFile> {
  const list = await repo.findOwnList(deps.db, userId, id);
  if (!list) {
    throw errors.notFound();
  }
  const input: ListExportInput = {
    name: list.name,
    description: list.description,
    exportedAt: deps.clock.now(),
    items: await repo.exportItems(deps.db, list.id),
    publicUrl: deps.publicUrl,
    locale,
  };
  const body =
    format === 'csv'
      ? exportCsv(input)
      : format === 'json'
        ? `${JSON.stringify(exportJson(input), null, 2)}\n`
        : await exportPdf(input);
  return {
    body,
    contentType: CONTENT_TYPES[format],
    contentDisposition: exportContentDisposition(list.name, format, locale),
  };
}
