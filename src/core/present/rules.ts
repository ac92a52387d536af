/**
 * How the confidence of a rule behind a conclusion reads for a user. The analysis records which rule of the
 * project's domain reference it applied (an internal id) and how sure that rule is; a user is never shown the id,
 * only what it means and where to read more: the knowledge-base article that explains the rule.
 */
import type { RuleConfidence } from '../model/evidence.ts';

/** Knowledge-base articles the analysis points at, by id (kb/articles/<id>.md), with their titles. */
export const KB_TITLES = {
  'bind-to-vmknic': 'What do Migrate.BindToVmknic and Migrate.AutoBindVmknic mean on each ESXi build?',
  'vmknic-selection': 'How does ESXi choose the VMkernel adapter that sends vMotion traffic?',
  'unicast-flooding': 'Why can vMotion flood the physical network with unicast traffic?',
  'nfc-cold-data': 'Why does cold data travel over the management network (NFC and the provisioning service)?',
  'tcpip-stacks': 'What are ESXi TCP/IP stacks (netstacks), and how do they change which adapter vMotion uses?',
  'read-routes': 'How do I read the VMkernel routing table (esxcfg-route, route ipv4 list, netstack list)?',
  'mtu-jumbo-frames': 'How do I make jumbo frames work end to end on the vMotion path?',
  'l3-vmotion': 'How does routed (layer 3) vMotion work, and why does it need a gateway of its own?',
  'observing-a-vmotion': 'How can I see which adapter a test vMotion really uses?',
  uncertainty: 'Why does Path Doctor say "likely" or "uncertain" instead of a plain answer?',
} as const;

export type KbArticleId = keyof typeof KB_TITLES;

/** Which article explains a rule of the domain reference (by the rule's internal id, e.g. `§1.7 D6`). */
export function articleForRule(rule: string | undefined): KbArticleId {
  if (rule === undefined) return 'uncertainty';
  if (/^§1\.4|^§1\.7 D|^§5\.1/.test(rule)) return 'bind-to-vmknic';
  if (/^§1\.7 E|^§5\.2|UNICAST_FLOODING/.test(rule)) return 'unicast-flooding';
  if (/^§1\.6|^§1\.7 F|PROVISIONING|COLD_DATA/.test(rule)) return 'nfc-cold-data';
  if (/^§1\.7 B/.test(rule)) return 'read-routes';
  if (/L3/.test(rule)) return 'l3-vmotion';
  if (/MTU|^§2\.M/.test(rule)) return 'mtu-jumbo-frames';
  return 'vmknic-selection';
}

/** A reference a person can follow: the article's title, and how to open it from the CLI. */
export function articleReference(id: KbArticleId): string {
  return `knowledge-base article “${KB_TITLES[id]}” (path-doctor explain ${id})`;
}

/**
 * The words that follow a conclusion resting on a rule that is not verified: nothing for a documented rule,
 * `not documented by VMware; inferred from …` for an inferred one, `not documented and unsure` for an unknown one.
 */
export function confidenceNote(rule: string | undefined, confidence: RuleConfidence | undefined): string | undefined {
  if (confidence === undefined || confidence === 'verified') return undefined;
  const see = `see the ${articleReference(articleForRule(rule))}`;
  return confidence === 'inferred'
    ? `likely: not documented by VMware; inferred from the cited sources and how TCP/IP works; ${see}`
    : `uncertain: not documented by VMware and not settled by any source; ${see}`;
}
