/**
 * Question: which vmknic does management traffic (vCenter ↔ host, HA) use? Without a vCenter address, the
 * management vmknic M(host) (domain.md §1.7 G).
 */
import type { Flow } from './flow.ts';
import type { HostView } from './host-view.ts';
import type { Role } from '../result.ts';
import { step } from './trace.ts';

export function analyseManagementPath(view: HostView, role: Role): Flow {
  const m = view.management;
  const base = { host: view.host.name, role, traffic: 'management' as const, direction: 'egress' as const };
  if (!m) {
    return {
      ...base,
      vmknics: [],
      certainty: 'uncertain',
      intended: [],
      steps: [step(`No management vmknic could be identified on ${view.host.name}.`, { rule: '§1.7 G', confidence: 'unsure' })],
      settle: ['esxcli network ip interface tag get -i vmk0'],
    };
  }
  return {
    ...base,
    vmknics: [m.nic.nic.name],
    certainty: m.certainty,
    intended: [m.nic.nic.name],
    steps: [
      ...m.steps,
      step(`Management traffic follows the default stack's routing table towards vCenter; with no vCenter address given, it is reported on ${m.nic.nic.name}.`, { rule: '§1.7 G' }),
    ],
    settle: [],
  };
}
