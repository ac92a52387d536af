/**
 * Per-host part of the estate scan: each host's findings from the existing single-host analysis (`analyzeFindings`,
 * the same rules and wording as `analyze`), computed once per host shape (estate/shape.ts) and reused for every
 * host with that shape.
 */
import { analyzeFindings } from '../analyze.ts';
import type { Binding } from '../analysis/binding.ts';
import { effectiveBinding } from '../analysis/binding.ts';
import type { HostView } from '../analysis/host-view.ts';
import { buildHostView } from '../analysis/host-view.ts';
import type { HostModel } from '../model/host.ts';
import type { FindingResult, MigrationKind } from '../result.ts';
import type { HostShape } from './shape.ts';
import { hostShape } from './shape.ts';
import type { UnknownFact } from './types.ts';
import { unknownFacts } from './unknowns.ts';

/** What every host of one shape shares. */
export interface ShapeOutcome {
  /** Index of the shape (stable within one scan), used in pair keys. */
  readonly id: number;
  /** The first host seen with this shape: its findings carry that host's names in their details. */
  readonly representative: HostModel;
  readonly findings: readonly FindingResult[];
  readonly binding: Binding;
  readonly unknown: readonly UnknownFact[];
}

export interface HostScan {
  readonly shape: HostShape;
  readonly outcome: ShapeOutcome;
}

/** Caches host views and shape outcomes for one scan. With `memo: false` every host is analysed on its own. */
export class HostScanner {
  private readonly byKey = new Map<string, ShapeOutcome>();
  private readonly views = new Map<HostModel, HostView>();
  /** Number of single-host analyses actually run (for tests and the benchmark). */
  analyses = 0;

  constructor(
    private readonly migration: MigrationKind,
    private readonly memo = true,
  ) {}

  view(model: HostModel): HostView {
    let v = this.views.get(model);
    if (!v) {
      v = buildHostView(model);
      this.views.set(model, v);
    }
    return v;
  }

  /** The first shape seen of each outcome, whose key the later hosts of that shape share. */
  private readonly firstShape = new Map<ShapeOutcome, HostShape>();

  /**
   * `shape` with the key string of the first host of its outcome (equal by construction): a key is ~1.3 KB, and
   * the scan keeps every host's shape, so 5,000 copies of a few dozen keys would hold ~7 MB (50,000 hosts: ~70 MB).
   */
  private sharingKey(shape: HostShape, outcome: ShapeOutcome): HostShape {
    const first = this.firstShape.get(outcome);
    return first === undefined ? shape : { ...shape, key: first.key };
  }

  scan(model: HostModel): HostScan {
    const shape = hostShape(model);
    const hit = this.memo ? this.byKey.get(shape.key) : undefined;
    if (hit) return { shape: this.sharingKey(shape, hit), outcome: hit };
    const view = this.view(model);
    this.analyses++;
    const outcome: ShapeOutcome = {
      id: this.byKey.size,
      representative: model,
      findings: analyzeFindings(view, undefined, this.migration),
      binding: effectiveBinding(model),
      unknown: unknownFacts(view),
    };
    // Without memo every host gets its own id, so pair keys never collide either.
    this.byKey.set(this.memo ? shape.key : `${this.byKey.size}`, outcome);
    this.firstShape.set(outcome, shape);
    return { shape, outcome };
  }
}
