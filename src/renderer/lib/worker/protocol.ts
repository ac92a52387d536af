/** Messages between the UI and the analysis worker (plain data only: structured clone, no Proxies). */
import type { EngineOutcome, EngineRequest } from '../evidence/engine.ts';

export interface WorkerAsk {
  readonly id: number;
  readonly request: EngineRequest;
}

export interface WorkerAnswer {
  readonly id: number;
  readonly outcome: EngineOutcome;
}
