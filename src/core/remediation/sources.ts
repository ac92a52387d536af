/**
 * The public sources the findings and remediations cite (domain.md §6). Keys are the short names domain.md uses;
 * every address is a public page (or, where the original moved, the address domain.md or the vendor still gives).
 */

export interface SourceRef {
  readonly title: string;
  readonly url: string;
}

export const SOURCES = {
  SEED0: {
    title: 'Joe Chan, "Against Best Practices: vMotion and Management on the Same Network" (virtuallyhyper, 2012)',
    url: 'http://virtuallyhyper.com/2012/04/against-best-practices-vmotion-and-management-on-the-same-network/',
  },
  SEED1: {
    title: 'Frank Denneman, "Why is vMotion using the management network instead of the vMotion network?" (2013)',
    url: 'https://frankdenneman.nl/2013/02/07/why-is-vmotion-using-the-management-network-instead-of-the-vmotion-network/',
  },
  ELATOV: {
    title: 'Karim Elatov, "vMotion Causes Unicast Flooding" (2012)',
    url: 'https://elatov.github.io/2012/03/vmotion-causes-unicast-flooding/',
  },
  KB318546: {
    title: 'Broadcom KB 318546 (formerly VMware KB 2010877), "Multihoming on ESXi"',
    url: 'https://knowledge.broadcom.com/external/article?articleNumber=318546',
  },
  KB2010877: {
    title: 'VMware KB 2010877, "Multi-homing on ESX/ESXi" (old text: traffic leaves "as dictated by the routing table")',
    url: 'http://kb.vmware.com/kb/2010877',
  },
  KB340170: {
    title: 'Broadcom KB 340170, "vSphere Provisioning service behavior"',
    url: 'https://knowledge.broadcom.com/external/article/340170/vsphere-provisioning-service-behavior.html',
  },
  KB419637: {
    title: 'Broadcom KB 419637, cross-vCenter migrations with different storage are slow (NFC falls back to management)',
    url: 'https://knowledge.broadcom.com/external/article/419637/',
  },
  KB2007467: {
    title: 'VMware KB 2007467, "Multiple-NIC vMotion in vSphere"',
    url: 'http://kb.vmware.com/kb/2007467',
  },
  LAMW: {
    title: 'William Lam, ESXi advanced and kernel settings per build (dumps 6.0 U3 … 9.0.1)',
    url: 'https://github.com/lamw/esxi-advanced-and-kernel-settings',
  },
  DOC65: {
    title: 'vSphere 6.5 documentation, "Place vMotion Traffic on the vMotion TCP/IP Stack of an ESXi Host"',
    url: 'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.vcenterhost.doc/GUID-5211FD4B-256B-4D9F-B5A2-F697A814BF64.html',
  },
  DOC65_PROVISIONING: {
    title: 'vSphere 6.5 documentation, "Place Traffic for Cold Migration, Cloning, and Snapshots on the Provisioning TCP/IP Stack"',
    url: 'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.vcenterhost.doc/GUID-AC418F24-8E7D-40B6-9D07-A9DB504C7F1B.html',
  },
  DOC65_ENCRYPTED: {
    title: 'vSphere 6.5 documentation, "Encrypted vSphere vMotion"',
    url: 'https://docs.vmware.com/en/VMware-vSphere/6.5/com.vmware.vsphere.vcenterhost.doc/GUID-6865D84A-C286-49C4-A4D4-D62145150242.html',
  },
  DOC67: {
    title: 'vSphere 6.7 documentation (PDF), "Network Traffic for Cold Migration"',
    url: 'https://techdocs.broadcom.com/content/dam/broadcom/techdocs/us/en/pdf/vmware/vsphere/vsphere/legacy/vmware-vsphere-6-7.pdf',
  },
  DOC70: {
    title: 'vSphere 7.0 documentation, provisioning TCP/IP stack ("cold data in hot migration")',
    url: 'https://docs.vmware.com/en/VMware-vSphere/7.0/com.vmware.vsphere.vcenterhost.doc/GUID-AC418F24-8E7D-40B6-9D07-A9DB504C7F1B.html',
  },
  DOC80: {
    title: 'vSphere 8 Networking, "VMkernel Networking Layer" (multihoming)',
    url: 'https://docs.vmware.com/en/VMware-vSphere/8.0/vsphere-networking/GUID-D4191320-209E-4CB5-A709-C8741E713348.html',
  },
  UDT: {
    title: 'VMware, "vSphere vMotion Unified Data Transport"',
    url: 'https://core.vmware.com/resource/vsphere-vmotion-unified-data-transport',
  },
  BYOI: {
    title: 'HPE, "VMware ESXi Bring Your Own Image (BYOI) for HPE Private Cloud Enterprise - Bare Metal" (real 7.0 U3 output)',
    url: 'https://github.com/HewlettPackard/hpegl-metal-os-esxi-iso',
  },
  STIG: {
    title: 'DISA STIG V-258716, "Virtual machines (VMs) must enable encryption for vMotion"',
    url: 'https://stigviewer.com/stig/vmware_vsphere_8.0_virtual_machine/2023-10-11/finding/V-258716',
  },
  YELLOWBRICKS: {
    title: 'Duncan Epping, "Multiple-NIC vMotion in vSphere 5" (yellow-bricks, 2011)',
    url: 'http://www.yellow-bricks.com/2011/09/17/multiple-nic-vmotion-in-vsphere-5/',
  },
  WAHL: {
    title: 'Chris Wahl, "Configuring the vMotion TCP/IP Stack for Layer 3 vMotion" (2016)',
    url: 'https://wahlnetwork.com/2016/05/26/vmotion-tcpip-stack-layer-3-vmotion/',
  },
  VIRTREVIEW: {
    title: 'Virtualization Review, "How to Configure Multiple TCP/IP Stacks in vSphere 6" (2015)',
    url: 'https://virtualizationreview.com/articles/2015/10/26/configure-multiple-tcpip-stacks-in-vsphere-6.aspx',
  },
  LTLNETWORKER: {
    title: 'ltlnetworker, "Why is this huge traffic appearing here? Unknown unicast flood" (2014)',
    url: 'https://ltlnetworker.wordpress.com/2014/10/05/why-is-this-huge-traffic-coming-here-unknown-unicast-flood/',
  },
} as const satisfies Record<string, SourceRef>;

export type SourceKey = keyof typeof SOURCES;

export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];
