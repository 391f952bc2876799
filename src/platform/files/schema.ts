import { z } from 'zod';
import { listOf } from '../http/schema';
import { SNIFFABLE_TYPES } from './images';

/** A stored file as a list shows it: without its bytes. */
export const storedFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.enum(SNIFFABLE_TYPES),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  /** Whether the reader may remove it. */
  canDelete: z.boolean(),
});
export type StoredFileView = z.infer<typeof storedFileView>;

export const storedFileListView = listOf(storedFileView).extend({
  can: z.object({ upload: z.boolean().describe('May add a file now (allowed, and below the limit)') }),
});

/** What a module keeps of a stored file besides its bytes. */
export interface StoredFileMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  createdAt: Date;
}

/** A stored file for a list: the uploader by name (or "voormalig lid" once they have gone). */
export const presentStoredFile = (row: StoredFileMeta, names: Map<string, string>, locale: string, canDelete: boolean): StoredFileView => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType as StoredFileView['contentType'],
  sizeBytes: row.sizeBytes,
  uploadedAt: row.createdAt.toISOString(),
  uploadedByName: (row.uploadedBy && names.get(row.uploadedBy)) || (locale === 'en' ? 'former member' : 'voormalig lid'),
  canDelete,
});
