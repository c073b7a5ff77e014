import { app, dialog, type BrowserWindow, type FileFilter } from 'electron'
import path from 'node:path'

/**
 * Shows the native save dialog proposing `fileName` (already sanitised) in the user's Documents
 * folder. Resolves to the chosen path, or null when the user cancels. Export paths come only from
 * here, never from the page.
 */
export async function askSavePath(fileName: string, filters: readonly FileFilter[] | undefined, parent: BrowserWindow | null): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    defaultPath: path.join(app.getPath('documents'), fileName),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
    ...(filters === undefined ? {} : { filters: filters.map((filter) => ({ ...filter, extensions: [...filter.extensions] })) })
  }
  const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options)
  return result.canceled || result.filePath === '' ? null : result.filePath
}
