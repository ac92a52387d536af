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
import type { HostRelation } from './shape.ts';
import { ShapeMemo } from './shape.ts';
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
  /** The host's address relation (its shape's key is not kept: the outcome stands for it). */
  readonly shape: HostRelation;
  readonly outcome: ShapeOutcome;
}

/** Caches host views and shape outcomes for one scan. With `memo: false` every host is analysed on its own. */
export class HostScanner {
  private readonly byShape = new ShapeMemo<ShapeOutcome>();
  private readonly views = new Map<HostModel, HostView>();
  /** Number of single-host analyses actually run (for tests and the benchmark). */
  analyses = 0;
  private outcomes = 0;

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

  private analyse(model: HostModel): ShapeOutcome {
    const view = this.view(model);
    this.analyses++;
    return {
      // Without memo every host gets its own id, so pair keys never collide either.
      id: this.outcomes++,
      representative: model,
      findings: analyzeFindings(view, undefined, this.migration),
      binding: effectiveBinding(model),
      unknown: unknownFacts(view),
    };
  }

  scan(model: HostModel): HostScan {
    if (this.memo) {
      const { relation, value } = this.byShape.get(model, () => this.analyse(model));
      return { shape: relation, outcome: value };
    }
    const { relation } = new ShapeMemo<undefined>().get(model, () => undefined);
    return { shape: relation, outcome: this.analyse(model) };
  }
}
