/**
 * The scan worker: reading, importing and scanning an estate off the UI thread, with progress, so a 5,000-host
 * scan keeps the window responsive (issue 8). Keeps the last scan's host models; cancel = terminate.
 */
import type { ScanAsk, ScanTell } from './protocol.ts';
import { ProgressThrottle, resultMessages } from './protocol.ts';
import type { KeptScan } from './scan-job.ts';
import { openScannedHost, runScanJob } from './scan-job.ts';
import { readWorkbook } from './workbook.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ScanAsk>) => void) | null;
  postMessage(message: ScanTell): void;
};

let kept: KeptScan | undefined;

scope.onmessage = (e) => {
  const ask = e.data;
  if (ask.type === 'open') {
    scope.postMessage({ type: 'host', id: ask.id, host: kept ? openScannedHost(kept, ask.name) : null });
    return;
  }
  kept = undefined;
  const throttle = new ProgressThrottle((m) => scope.postMessage(m));
  void runScanJob(ask.files, ask.migration, readWorkbook, (phase, done, total) => throttle.report(phase, done, total)).then((outcome) => {
    if (!outcome.ok) {
      scope.postMessage({ type: 'failed', message: outcome.message });
      return;
    }
    kept = outcome.scan;
    for (const m of resultMessages(outcome.scan.result)) scope.postMessage(m);
  });
};
