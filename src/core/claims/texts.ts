/**
 * The claims register, part 2: the sources of the version, default and command-behaviour claims in texts that are
 * TypeScript data rather than knowledge-base Markdown — the findings catalog and the wizard's questions and outcomes
 * (the knowledge base links its sources inline, `[text](src:KEY)`). One entry per claim: where the text is
 * (`finding.ID.field`, `question.key.field`, `outcome.GROUP.key.field`), a quote of the claim, and its sources.
 * flows/texts/claims.test.ts fails when a claim sentence has no entry, or an entry no longer matches its text.
 */
import type { ClaimSourceKey } from './sources.ts';

export interface TextClaim {
  /** Path of the text field; `*` stands for any one path segment (e.g. every answer label of a question). */
  readonly where: string;
  /** A part of the claim sentence, verbatim. */
  readonly quote: string;
  readonly sources: readonly ClaimSourceKey[];
}

export const TEXT_CLAIMS: readonly TextClaim[] = [
  // findings catalog
  { where: 'finding.UNICAST_FLOODING_RISK.severityNote', quote: '(7.0 U3d and later)', sources: ['LAMW'] },
  { where: 'finding.BIND_TO_VMKNIC_SET.severityNote', quote: '0 or 1 on a 6.5d or later host', sources: ['LAMW'] },
  { where: 'finding.BIND_TO_VMKNIC_SET.why', quote: "Values 0 or 1 on 6.5d and later builds (default 3 in William Lam's dumps)", sources: ['LAMW'] },
  { where: 'finding.VMOTION_UNENCRYPTED_ON_SHARED_NETWORK.trigger', quote: 'a host is older than 6.5', sources: ['DOC65_ENCRYPTED'] },
  { where: 'finding.VMOTION_UNENCRYPTED_ON_SHARED_NETWORK.why', quote: 'a host is older than 6.5', sources: ['DOC65_ENCRYPTED'] },
  // wizard questions
  { where: 'question.vmotionStack.help', quote: 'ESXi 5.0 and 5.1 have only the default stack; 5.5 adds custom stacks', sources: ['VIRTREVIEW'] },
  { where: 'question.esxiVersion.help', quote: '`vmware -vl` prints', sources: ['BYOI'] },
  { where: 'question.esxiVersion.help', quote: '`VMware ESXi 7.0.3 build-22348816`', sources: ['BYOI'] },
  { where: 'question.esxiVersion.why', quote: "In William Lam's dumps of the advanced settings, 6.0 U3 defaults to 2", sources: ['LAMW'] },
  { where: 'question.esxiVersion.answers.*.label', quote: 'ESXi ', sources: ['LAMW'] },
  { where: 'question.vmotionGateway.help', quote: '(6.5+)', sources: ['DOC65'] },
  { where: 'question.receiverAutobind.answers.0.label', quote: 'Before 6.0 U3 (5.x, early 6.0)', sources: ['LAMW'] },
  { where: 'question.receiverAutobind.answers.2.label', quote: '7.0 U3d or later', sources: ['LAMW'] },
  { where: 'question.encryptedVmotion.prompt', quote: 'ESXi older than 6.5', sources: ['DOC65_ENCRYPTED'] },
  { where: 'question.encryptedVmotion.why', quote: 'Encrypted vMotion exists from 6.5 on', sources: ['DOC65_ENCRYPTED'] },
  { where: 'question.encryptedVmotion.answers.*.label', quote: '6.5', sources: ['DOC65_ENCRYPTED'] },
  // wizard outcomes
  { where: 'outcome.COLLECT.vmEncryption.why', quote: '(before 6.5)', sources: ['DOC65_ENCRYPTED'] },
  { where: 'outcome.OUTCOME_TEXTS.dxVmotionOnManagementVmknic.summary', quote: 'encrypted vMotion", 6.5+)', sources: ['DOC65_ENCRYPTED'] },
  { where: 'outcome.OUTCOME_TEXTS.dxLegacyMismatch.summary', quote: 'the classic Chan/Denneman case', sources: ['SEED0', 'SEED1'] },
  { where: 'outcome.OUTCOME_TEXTS.dxLegacyMismatchLikely.summary', quote: 'On ESXi 5.0 and 5.1 the untouched setting is reported to bind only with two or more vMotion vmknics', sources: ['SEED1', 'SEED0', 'ELATOV'] },
  { where: 'outcome.OUTCOME_TEXTS.dxEncryptionRequiredUnsupported.summary', quote: '6.5', sources: ['DOC65_ENCRYPTED'] },
  { where: 'outcome.OUTCOME_TEXTS.escCollectMacTable.summary', quote: 'not documented by VMware for 7.0 U3d and later', sources: ['LAMW'] },
  // remediation catalog
  { where: 'remediation.R1.caveats.0', quote: '(per-vmknic gateway) exists from 6.5 on', sources: ['DOC65'] },
  { where: 'remediation.R2.caveats.0', quote: 'there is no vmotion stack before 6.0', sources: ['DOC80', 'ESXCLI_RELEASES'] },
  { where: 'remediation.R2.caveats.4', quote: '(5.5 and later, inferred from dated posts)', sources: ['VIRTREVIEW', 'ESXCLI_RELEASES'] },
  { where: 'remediation.R4.caveats.0', quote: 'Value 3 (always bind) exists from 6.5d (build 5310538) on', sources: ['LAMW'] },
  { where: 'remediation.R4.caveats.2', quote: 'Builds 6.5d and later default to 3 already', sources: ['LAMW'] },
  { where: 'remediation.R5.caveats.0', quote: 'Multi-NIC vMotion needs 5.0 or later', sources: ['KB2007467'] },
  { where: 'remediation.R6.risk', quote: 'On 8.0 and later enabling provisioning also moves cold data to UDT', sources: ['UDT'] },
  { where: 'remediation.R6.caveats.0', quote: 'The provisioning tag and stack exist from 6.0 on', sources: ['DOC65_PROVISIONING', 'ESXCLI_RELEASES'] },
  { where: 'remediation.R8.caveats.0', quote: 'The per-vmknic gateway (`-g`) exists from 6.5 on', sources: ['DOC65'] },
  { where: 'remediation.R9.caveats.1', quote: 'On 7.0 U3d and later the receive-side behaviour is not documented', sources: ['LAMW'] },
  { where: 'remediation.R10.risk', quote: 'hosts older than 6.5', sources: ['DOC65_ENCRYPTED'] },
  { where: 'remediation.R10.caveats.0', quote: 'Needs 6.5 or later on both hosts', sources: ['DOC65_ENCRYPTED'] },
];
