/**
 * Every source a claim of the knowledge base, the findings or the wizard may rest on: the findings' and fixes'
 * SOURCES plus the few that only claims cite (issue 19). Kept apart from src/core/remediation/sources.ts so the two
 * lists can grow without touching each other; a key defined in both resolves to the remediation entry.
 */
import { SOURCES, type SourceRef } from '../remediation/sources.ts';

const CLAIM_ONLY_SOURCES = {
  RFC9293: {
    title: 'RFC 9293, "Transmission Control Protocol (TCP)", section 3.7.1 (Maximum Segment Size Option)',
    url: 'https://www.rfc-editor.org/rfc/rfc9293#section-3.7.1',
  },
  DOC67_PKTCAP: {
    title: 'vSphere 6.7 documentation (PDF), Networking, "Capture Points of the pktcap-uw Utility" (--dir 0 = input to the switch port, the default; --dir 1 = output from it)',
    url: 'https://techdocs.broadcom.com/content/dam/broadcom/techdocs/us/en/pdf/vmware/vsphere/vsphere/legacy/vmware-vsphere-6-7.pdf',
  },
  KB323116: {
    title: 'Broadcom KB 323116, two VMkernel adapters in one subnet: a second routing-table entry is added, but lookup never reaches it',
    url: 'https://knowledge.broadcom.com/external/article/323116/',
  },
  KB429518: {
    title: 'Broadcom KB 429518, traffic to a shared subnet leaves by "the first initialized VMK"',
    url: 'https://knowledge.broadcom.com/external/article/429518/',
  },
  ESXCLI_RELEASES: {
    title: 'ESXi 5.0 esxcli command tree generated from a live host (Infinidat/pyvisdk, 2012) and William Lam\'s ESXi 5.1 kickstart (first releases of esxcli commands)',
    url: 'https://github.com/Infinidat/pyvisdk',
  },
} as const satisfies Record<string, SourceRef>;

export const CLAIM_SOURCES = { ...CLAIM_ONLY_SOURCES, ...SOURCES } as const satisfies Record<string, SourceRef>;

export type ClaimSourceKey = keyof typeof CLAIM_SOURCES;

export function isClaimSourceKey(key: string): key is ClaimSourceKey {
  return Object.prototype.hasOwnProperty.call(CLAIM_SOURCES, key);
}
