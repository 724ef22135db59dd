// /import: where a CSV opened with the installed app (file_handlers + launchQueue) or
// shared to it (share_target) lands (client/pwa/incoming-file.ts). It is the settings
// page's LighterPack import on a page of its own, fed the incoming file, so the user
// sees the same preview and confirms before anything is written. Opened by hand it is
// just the importer.
import { useEffect, useState } from 'react';
import { launchedFiles, takeSharedFile } from '../../pwa/incoming-file';
import { Page } from '../../ui/page';
import { ImportLighterPack } from './import-lighterpack';

const SHARE_PROBLEMS: Record<string, string> = {
  none: 'Nothing was shared: share a LighterPack CSV file with PackYourBag to import it.',
  failed: 'The shared file could not be received. Try again, or choose it below.',
};

export function ImportPage() {
  const [incoming, setIncoming] = useState<File | null>(null);
  const shared = new URLSearchParams(window.location.search).get('shared');
  const [problem, setProblem] = useState<string | null>(
    shared ? (SHARE_PROBLEMS[shared] ?? null) : null,
  );

  useEffect(() => {
    const takeLaunched = () => {
      const file = launchedFiles.take();
      if (file) setIncoming(file);
    };
    const stop = launchedFiles.subscribe(takeLaunched);
    queueMicrotask(takeLaunched);
    return stop;
  }, []);

  useEffect(() => {
    if (shared !== '1') return;
    takeSharedFile().then(
      (file) => {
        if (file) setIncoming(file);
        else setProblem('The shared file is no longer here. Share it again, or choose it below.');
      },
      (error: unknown) => setProblem(`The shared file could not be read (${String(error)}).`),
    );
  }, [shared]);

  return (
    <Page title="Import">
      {problem && <p role="alert">{problem}</p>}
      <ImportLighterPack incoming={incoming} />
    </Page>
  );
}
