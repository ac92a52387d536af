/**
 * A session whose vMotion port group is named with shell code: the plan shows the name single-quoted as it will be
 * pasted, and "Copy plan" for one host puts that host's plan on the clipboard — host named in the first line, the
 * name single-quoted, the unfilled VLAN in its refusing form. Alternatives are shown as a choice, one plan at a time.
 */
import { example } from '../pages/app-page.ts';
import { expect, test } from '../support/fixtures.ts';

const EVIL = 'vMo$(reboot)`id`';
/** The bind0-6.7 pair with the vMotion port group renamed, columns kept aligned. */
function evil(path: string): string {
  return example(path).replace(/vMotion( {2,})/g, (_m, sp: string) => EVIL + ' '.repeat(Math.max(2, sp.length - (EVIL.length - 'vMotion'.length))));
}

test('a port group named with shell code is copied single-quoted, one host and one plan at a time', async ({ app, page }) => {
  await app.open();
  await app.startWithEvidence();
  await app.paste('source', evil('bind0-6.7/esx-a.txt'));
  await app.paste('dest', evil('bind0-6.7/esx-b.txt'));
  await app.chooseMigration('snapshots');
  await app.idle();
  await app.analyse();
  await app.unfold();

  const plan = app.plan('R1');
  await expect(plan).toBeVisible();
  const shell = plan.getByRole('group', { name: 'R1 ESXi shell commands' });
  const quoted = `esxcli network vswitch standard portgroup set -p 'vMo$(reboot)\`id\`' -v "\${FILL_vlan:?}"`;
  await expect(shell.locator('li.command code').filter({ hasText: quoted }).first()).toBeVisible();

  await shell.getByRole('button', { name: 'Copy plan: R1 ESXi shell plan for esx31' }).click();
  await expect(page.getByTestId('status')).toHaveText('Copied R1 ESXi shell plan for esx31 to the clipboard.');
  const copied = await app.clipboard();
  const lines = copied.split('\n');
  expect(lines[0]).toBe('# on esx31');
  expect(lines[1]).toMatch(/^# Fill in first: FILL_vlan/);
  expect(lines).toContain(quoted);
  expect(copied).not.toContain('esx32');
  expect(copied).not.toMatch(/-p "vMo/);

  // PowerCLI: the same name in PowerShell single quotes.
  const ps = plan.getByRole('group', { name: 'R1 PowerCLI commands' });
  await ps.getByRole('button', { name: 'Copy plan: R1 PowerCLI plan for esx31' }).click();
  await expect.poll(() => app.clipboard()).toContain("Get-VirtualPortGroup -VMHost $vmhost -Name 'vMo$(reboot)`id`' | Set-VirtualPortGroup -VLanId (throw 'FILL_vlan')");

  // Provisioning comes as two complete plans; choosing one shows only its own commands and notes.
  const r6 = app.plan('R6');
  await expect(r6.getByRole('radio')).toHaveCount(2);
  await expect(r6.getByRole('radio', { name: /New vmknic on the provisioning stack/ })).toBeChecked();
  await expect(r6.getByRole('group', { name: 'R6 ESXi shell commands' })).toContainText('netstack add -N vSphereProvisioning');
  await r6.getByRole('radio', { name: /Tag an existing vmknic/ }).check();
  await expect(r6.getByRole('group', { name: 'R6 ESXi shell commands' })).toHaveCount(0);
  await expect(r6).toContainText('esx31 has no vmknic that could carry provisioning');
  await expect(r6).not.toContainText('netstack add -N vSphereProvisioning');
});
