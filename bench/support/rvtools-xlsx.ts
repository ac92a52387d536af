/**
 * The RVTools workbook the benchmarks measure (bench/scan.ts, bench/web-app.ts): a vInfo tab of VMS_PER_HOST VMs a
 * host first (the bulk of a real workbook, which the readers must skip), then the tabs the scan reads, then
 * vMetaData. Written with exceljs's streaming writer.
 */
import ExcelJS from 'exceljs';
import { rvtoolsTabs } from '../../src/imports/test-support/estate-generator.ts';
import type { GenHost } from '../../src/imports/test-support/estate-generator.ts';

export const VMS_PER_HOST = 10;

export async function writeRvtoolsXlsx(path: string, hosts: readonly GenHost[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  // The VM tabs come first in RVTools and dominate a workbook's size: the reader must skip them without parsing.
  const info = wb.addWorksheet('vInfo');
  info.addRow(['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'NICs', 'Disks', 'Primary IP Address', 'Network #1', 'Cluster', 'Host', 'OS according to the VMware Tools', 'VI SDK Server']).commit();
  hosts.forEach((h, i) => {
    for (let v = 0; v < VMS_PER_HOST; v++) {
      info.addRow([`vm-${i}-${v}`, 'poweredOn', false, 4, 16384, 1, 2, `172.20.${i % 250}.${v + 10}`, 'VM Network', h.cluster, h.name, 'Microsoft Windows Server 2022 (64-bit)', h.vcenter]).commit();
    }
  });
  info.commit();
  for (const [tab, t] of Object.entries(rvtoolsTabs(hosts))) {
    const ws = wb.addWorksheet(tab);
    ws.addRow([...t.header]).commit();
    for (const r of t.rows) ws.addRow(r).commit();
    ws.commit();
  }
  const meta = wb.addWorksheet('vMetaData');
  meta.addRow(['RVTools major version', 'RVTools version', 'xlsx creation datetime', 'Server']).commit();
  meta.addRow(['4', '4.6.1.0', '2025-01-14 09:30:12', 'vc0.example.com']).commit();
  meta.commit();
  await wb.commit();
}
