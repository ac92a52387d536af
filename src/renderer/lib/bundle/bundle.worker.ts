/**
 * The bundle worker: reads one support bundle (a File: the browser hands it over without copying it) off the UI
 * thread, posting throttled progress and then the whole reading as plain data. The UI terminates it to cancel.
 */
import { blobSource, readBundle } from '../../../bundles/index.ts';
import type { BundleAnswer, BundleAsk } from './protocol.ts';
import { ProgressThrottle } from './progress.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<BundleAsk>) => void) | null;
  postMessage(message: BundleAnswer): void;
};

scope.onmessage = async (e) => {
  const { file } = e.data;
  const throttle = new ProgressThrottle();
  const post = (m: BundleAnswer) => scope.postMessage(m);
  post({ kind: 'progress', progress: { bytesRead: 0, totalBytes: file.size } });
  try {
    const reading = await readBundle(blobSource(file.name, file), {
      onProgress: (progress) => {
        if (throttle.shouldSend(progress, performance.now())) post({ kind: 'progress', progress });
      },
    });
    post({ kind: 'done', reading });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
