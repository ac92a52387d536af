/**
 * The wizard's brain: one XState v5 machine, four symptom branches sharing one start.
 *
 * Why one machine and not four: the branches are each other's neighbours. "vMotion fails" must reach the
 * no-vMotion-vmknic and routed-vMotion diagnoses that "traffic on vmk0" also reaches; a slow live migration is a
 * vmk0 problem; a bound vMotion with traffic still on vmk0 is usually cold data. In one machine a branch targets the
 * other's states by `#id` instead of duplicating them, the evidence intake (collector state, triage) and the
 * back/restart/replay rules exist once, and every diagnosis has one state and one text. The entry flows of
 * flows/index.ts start this machine with the symptom already answered.
 *
 * How it runs (style.md §6):
 * - No `invoke`, no `after`: the shell runs the core on pasted evidence and sends `analysis.completed` with
 *   compact facts (flows/facts.ts). Guards are pure functions of context, named as facts.
 * - The path is a function of the answers: question states route with eventless (`always`) transitions on the
 *   effective answer = the evidence's answer if it has one, else the user's. A question the evidence answers is
 *   passed through without stopping, and `visit` records that it was answered by evidence. When the user's answer
 *   disagrees with the evidence, the evidence wins and the contradiction is recorded.
 * - Answering (`user.answered`) only records the answer; the `always` routes then move on. Back, restart and new
 *   evidence re-enter the start and replay the answers, so they work from every state, outcomes included (which is
 *   why outcomes are tagged states rather than `type: 'final'`: a done actor would accept no Back).
 * - Texts are data: `meta.question` keys flows/texts/questions.ts, outcome and step texts live in
 *   flows/texts/outcomes.ts; `meta` of an outcome holds its finding ids, remediation ids or what to collect.
 */
import { assign, setup } from 'xstate';
import type { FindingId } from '../src/core/findings/catalog.ts';
import type { RemediationId } from '../src/core/remediation/catalog.ts';
import type { EvidenceFacts } from './facts.ts';
import type { CollectId, StepKey } from './texts/outcomes.ts';
import { answerValues, type QuestionKey } from './texts/questions.ts';

export type Answers = Readonly<Partial<Record<QuestionKey, string>>>;

export interface TrailStep {
  /** State path, e.g. `vmk0Traffic.askSameSubnet`. */
  readonly state: string;
  readonly question?: QuestionKey;
  /** Who answered the question of this step: absent while it waits for an answer. */
  readonly by?: 'user' | 'evidence';
}

export interface Contradiction {
  readonly state: string;
  readonly question: QuestionKey;
  readonly answered: string;
  readonly evidence: string;
}

export interface WizardContext {
  /** Answers the wizard started with (a flow's symptom, a script's `--answer`s): what restart returns to. */
  readonly initial: Answers;
  readonly answers: Answers;
  readonly facts?: EvidenceFacts;
  /** States entered since the last replay, in order: the path that leads to the current state. */
  readonly trail: readonly TrailStep[];
  readonly contradictions: readonly Contradiction[];
}

export interface WizardInput {
  readonly answers?: Answers;
}

export type WizardEvent =
  | { readonly type: 'user.answered'; readonly question: QuestionKey; readonly value: string }
  | { readonly type: 'user.back' }
  | { readonly type: 'user.restart' }
  | { readonly type: 'analysis.completed'; readonly facts: EvidenceFacts };

export type WizardTag = 'question' | 'evidence' | 'diagnosis' | 'escalation';

export interface WizardStateMeta {
  /** Question states (and the evidence request): the key of the text and answers in flows/texts/questions.ts. */
  readonly question?: QuestionKey;
  /** Routing states: the key of their text in STEP_TEXTS. */
  readonly step?: StepKey;
  readonly outcome?: 'diagnosis' | 'escalation';
  readonly findings?: readonly FindingId[];
  readonly remediation?: readonly RemediationId[];
  readonly collect?: readonly CollectId[];
}

/** The effective answer: evidence first (it is what the host really does), else the user's. */
export function answerOf(context: WizardContext, question: QuestionKey): string | undefined {
  return context.facts?.answers[question] ?? context.answers[question];
}

type Ctx = { readonly context: WizardContext };
const is =
  (question: QuestionKey, ...values: string[]) =>
  ({ context }: Ctx): boolean =>
    values.includes(answerOf(context, question) ?? '');

// §1.4 / §1.7 D3: what Migrate.BindToVmknic means on each generation.
const isLegacy = is('esxiVersion', '5.0-5.1', '5.5');
/**
 * 5.0 and 5.1: no dump gives the default, but the untouched setting is reported to behave like 2 (Denneman 2013 on
 * 5.1; Chan and Elatov 2012 in the same layout), so a value not shown or never changed decides as 2, likely (§1.7 D2).
 * 5.5 has no such report: there the untouched value stays unknown.
 */
const is50or51 = is('esxiVersion', '5.0-5.1');
const is60 = is('esxiVersion', '6.0');
const isModern = is('esxiVersion', '6.5+');
/** 6.5 GA, a, b, c (builds before 6.5d): value 3 exists, but no dump shows the default (§1.4, §5.1). */
const is65Early = is('esxiVersion', '6.5-early');

export const pathDoctorMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
    tags: {} as WizardTag,
    meta: {} as WizardStateMeta,
  },
  guards: {
    // ---- evidence and the user's "I don't know" ----
    hasEvidence: ({ context }) => context.facts !== undefined,
    /** The user does not know and nothing was pasted yet: ask for the collector's output. */
    needsEvidence: ({ context }, params: { question: QuestionKey }) =>
      context.facts === undefined && answerOf(context, params.question) === 'unknown',
    /** The user does not know and the pasted evidence does not tell either. */
    evidenceCannotTell: ({ context }, params: { question: QuestionKey }) =>
      context.facts !== undefined && answerOf(context, params.question) === 'unknown',
    cannotCollectEvidence: is('evidence', 'unavailable'),
    /** For questions no host evidence can answer (measurements, VM settings, the migration kind). */
    doesNotKnow: ({ context }, params: { question: QuestionKey }) => answerOf(context, params.question) === 'unknown',
    /** A `user.answered` for the question on screen, with an allowed value, not answered yet. */
    answersCurrentQuestion: ({ context, event }) => {
      if (event.type !== 'user.answered') return false;
      const step = context.trail[context.trail.length - 1];
      return step?.question === event.question && step.by === undefined && answerValues(event.question).includes(event.value);
    },

    // ---- symptom and triage ----
    reportsVmotionOnManagement: is('symptom', 'vmk0-traffic'),
    reportsFlooding: is('symptom', 'flooding'),
    reportsSlowColdMigration: is('symptom', 'cold-slow'),
    reportsVmotionFailure: is('symptom', 'fails'),
    evidenceShowsFailureCause: ({ context }) => context.facts?.area === 'fails',
    evidenceShowsVmotionOnManagement: ({ context }) => context.facts?.area === 'vmk0-traffic',
    evidenceShowsColdDataOnManagement: ({ context }) => context.facts?.area === 'cold-slow',
    evidenceShowsFloodingRisk: ({ context }) => context.facts?.area === 'flooding',

    // ---- vMotion vmknics (§1.7 C) ----
    hasDedicatedVmotionVmknic: is('vmotionVmknic', 'separate'),
    vmotionOnManagementVmknic: is('vmotionVmknic', 'vmk0'),
    hasNoVmotionVmknic: is('vmotionVmknic', 'none'),
    hasSomeVmotionVmknic: is('vmotionVmknic', 'separate', 'vmk0'),
    vmotionVmknicOnVmotionStack: is('vmotionStack', 'yes'),
    vmotionVmknicOnDefaultStack: is('vmotionStack', 'no'),
    vmotionTagShadowed: is('vmotionTagShadowed', 'yes'),
    vmotionTagNotShadowed: is('vmotionTagShadowed', 'no'),

    // ---- same subnet and binding (§1.7 B2, D2–D7) ----
    sharesSubnetWithManagement: is('sameSubnet', 'yes'),
    vmotionSubnetSeparate: is('sameSubnet', 'no'),
    esxiVersionKnown: is('esxiVersion', '5.0-5.1', '5.5', '6.0', '6.5-early', '6.5+'),
    /** 0 or 1 on a 6.5+ host: not bound (1 = FT only since 6.0 U3), and no longer the default 3. */
    bindToVmknicWeakened: (a) => (isModern(a) || is65Early(a)) && is('bindToVmknic', '0', '1')(a),
    /** 3 (or the default 3 from 6.5d on) on 6.5+: the vMotion socket is always bound to the vMotion vmknic. */
    vmotionSocketAlwaysBound: (a) => (isModern(a) && is('bindToVmknic', '3', 'default')(a)) || (is65Early(a) && is('bindToVmknic', '3')(a)),
    /** 2 binds only with two or more vMotion vmknics; the 6.0 U3 dump defaults to 2 and allows nothing above it. */
    bindsOnlyWithSeveralVmknics: (a) => is('bindToVmknic', '2')(a) || (is60(a) && is('bindToVmknic', 'default', '3')(a)),
    neverBindsOn60: (a) => is60(a) && is('bindToVmknic', '0', '1')(a),
    /** 0 means "never bind" on every build; read as today on 5.x, probable (§5.1). */
    neverBindsOnLegacyHost: (a) => isLegacy(a) && is('bindToVmknic', '0')(a),
    /**
     * 5.x with 1 or 3 (Chan's 1 is untested and names no build), 5.5 or 6.5 GA–c with the default (no dump, no
     * report): the meaning is unverified (§1.4, §5.1), only a measurement tells.
     */
    bindingMeaningUnsure: (a) =>
      (isLegacy(a) && is('bindToVmknic', '1', '3')(a)) || ((is('esxiVersion', '5.5')(a) || is65Early(a)) && is('bindToVmknic', 'default')(a)),
    /**
     * 5.0/5.1 with the value never changed, or not shown in the pasted evidence: behaves like 2 (§1.4, §1.7 D2), so
     * the vMotion vmknic count decides. "I don't know" without evidence still asks for the collector first.
     */
    bindingUntouchedOn50or51: (a) =>
      is50or51(a) && (is('bindToVmknic', 'default')(a) || (a.context.facts !== undefined && is('bindToVmknic', 'unknown')(a))),
    hasSeveralVmotionVmknics: is('vmotionVmknicCount', 'several'),
    hasOneVmotionVmknicOnLegacyHost: (a) => isLegacy(a) && is('vmotionVmknicCount', 'one')(a),
    /** 5.0/5.1, value untouched or not shown, one vMotion vmknic: unbound as 2 would leave it, so vmk0, likely. */
    hasOneVmotionVmknicUntouchedOn50or51: (a) => is50or51(a) && !is('bindToVmknic', '0', '1', '2', '3')(a) && is('vmotionVmknicCount', 'one')(a),
    /** 2 with a single vMotion vmknic on 6.5+: unbound, and weaker than the default 3. */
    hasOneVmotionVmknicOnModernHost: (a) => (isModern(a) || is65Early(a)) && is('vmotionVmknicCount', 'one')(a),
    hasOneVmotionVmknic: is('vmotionVmknicCount', 'one'),
    measuredOnManagementOnLegacyHost: (a) => is('observedEgress', 'vmk0', 'both')(a) && !is60(a) && !isModern(a) && !is65Early(a),
    measuredOnManagement: is('observedEgress', 'vmk0', 'both'),
    measuredOnVmotionVmknic: is('observedEgress', 'vmotion-vmknic'),

    // ---- migration kind (§1.6) ----
    liveMigrationSharingManagementSubnetOnLegacyHost: (a) => isLegacy(a) && is('migrationKind', 'live')(a) && is('sameSubnet', 'yes')(a),
    liveMigrationSharingManagementSubnet: (a) => is('migrationKind', 'live')(a) && is('sameSubnet', 'yes')(a),
    liveMigration: is('migrationKind', 'live'),
    migrationMovesColdData: is('migrationKind', 'non-shared', 'snapshots', 'cold'),

    // ---- routed vMotion (§1.7 D5) ----
    vmotionPeersInOneSubnet: is('vmotionL3', 'same'),
    vmotionIsRouted: is('vmotionL3', 'different'),
    routedVmotionHasNoGateway: is('vmotionGateway', 'no'),
    routedVmotionHasGateway: is('vmotionGateway', 'yes'),

    // ---- flooding (§1.7 E, [I]) ----
    receiverSharesSubnetWithManagement: is('receiverSharesSubnet', 'yes'),
    receiverSubnetSeparate: is('receiverSharesSubnet', 'no'),
    receiverNeverAutobinds: is('receiverAutobind', 'no-autobind'),
    receiverMayAutobind: is('receiverAutobind', 'autobind', 'autobind-gone'),
    macMissingFromSwitchTable: is('macLearned', 'missing'),
    macLearnedBySwitch: is('macLearned', 'learned'),

    // ---- cold data / NFC (§1.7 F) ----
    lacksProvisioningVmknicOnAHost: is('provisioningVmknic', 'none', 'one'),
    /**
     * The kind is not known, but the evidence already shows cold data leaving by the management vmknic (no
     * provisioning vmknic, or its route falls back): that holds for every kind that moves storage or snapshots.
     */
    coldDataPathShownForEveryKind: ({ context }) =>
      answerOf(context, 'migrationKind') === 'unknown' &&
      context.facts !== undefined &&
      (['none', 'one'].includes(context.facts.answers.provisioningVmknic ?? '') || context.facts.answers.provisioningRoute === 'no'),
    hasProvisioningVmknics: is('provisioningVmknic', 'both'),
    provisioningFallsBackToManagement: is('provisioningRoute', 'no'),
    provisioningReachesPeer: is('provisioningRoute', 'yes'),

    // ---- failures ----
    mtuMismatch: is('mtuConsistent', 'mismatch'),
    mtuConsistent: is('mtuConsistent', 'consistent'),
    encryptionRequiredOnOldHost: is('encryptedVmotion', 'required-old-host'),
    encryptionSettingFine: is('encryptedVmotion', 'ok'),
  },
  actions: {
    /** Entry of every atomic state: extend the trail; note an answer by evidence and any contradiction. */
    visit: assign(({ context }, params: { state: string; question?: QuestionKey }) => {
      const q = params.question;
      if (q === undefined) return { trail: [...context.trail, { state: params.state }] };
      const evidence = context.facts?.answers[q];
      const user = context.answers[q];
      const by = evidence !== undefined ? 'evidence' : user !== undefined ? 'user' : undefined;
      const step: TrailStep = { state: params.state, question: q, ...(by ? { by } : {}) };
      const contradicts = evidence !== undefined && user !== undefined && user !== 'unknown' && user !== evidence;
      return {
        trail: [...context.trail, step],
        contradictions: contradicts ? [...context.contradictions, { state: params.state, question: q, answered: user, evidence }] : context.contradictions,
      };
    }),
    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'user.answered') return {};
      const last = context.trail[context.trail.length - 1];
      return {
        answers: { ...context.answers, [event.question]: event.value },
        trail: last ? [...context.trail.slice(0, -1), { ...last, by: 'user' as const }] : context.trail,
      };
    }),
    /** Back: forget the last answer the user gave on this path; the replay then stops at that question. */
    forgetLastAnswer: assign(({ context }) => {
      const last = [...context.trail].reverse().find((s) => s.by === 'user' && s.question !== undefined);
      const answers: Partial<Record<QuestionKey, string>> = { ...context.answers };
      if (last?.question !== undefined) delete answers[last.question];
      return { answers, trail: [], contradictions: [] };
    }),
    startOver: assign(({ context }) => ({ answers: context.initial, facts: undefined, trail: [], contradictions: [] })),
    takeEvidence: assign(({ event }) => {
      if (event.type !== 'analysis.completed') return {};
      return { facts: event.facts, trail: [], contradictions: [] };
    }),
  },
}).createMachine({
  id: 'pathDoctor',
  description: 'Guided troubleshooting of vMotion / NFC migration paths (domain.md §1.7, §2, §3).',
  context: ({ input }) => ({
    initial: input?.answers ?? {},
    answers: input?.answers ?? {},
    trail: [],
    contradictions: [],
  }),
  initial: 'askSymptom',
  on: {
    'user.answered': { guard: 'answersCurrentQuestion', actions: 'recordAnswer' },
    'user.back': { target: '.askSymptom', reenter: true, actions: 'forgetLastAnswer' },
    'user.restart': { target: '.askSymptom', reenter: true, actions: 'startOver' },
    'analysis.completed': { target: '.askSymptom', reenter: true, actions: 'takeEvidence' },
  },
  states: {
    askSymptom: {
      tags: ['question'],
      meta: { question: 'symptom' },
      entry: { type: 'visit', params: { state: 'askSymptom', question: 'symptom' } },
      always: [
        { guard: 'reportsVmotionOnManagement', target: 'vmk0Traffic' },
        { guard: 'reportsFlooding', target: 'flooding' },
        { guard: 'reportsSlowColdMigration', target: 'coldData' },
        { guard: 'reportsVmotionFailure', target: 'failing' },
        { guard: { type: 'evidenceCannotTell', params: { question: 'symptom' } }, target: 'triage' },
        { guard: { type: 'needsEvidence', params: { question: 'symptom' } }, target: 'collectEvidence' },
      ],
    },

    triage: {
      description: 'No symptom given: follow the most serious problem the evidence shows.',
      tags: ['evidence'],
      meta: { step: 'triage' },
      entry: { type: 'visit', params: { state: 'triage' } },
      always: [
        { guard: 'evidenceShowsFailureCause', target: 'failing' },
        { guard: 'evidenceShowsVmotionOnManagement', target: 'vmk0Traffic' },
        { guard: 'evidenceShowsColdDataOnManagement', target: 'coldData' },
        { guard: 'evidenceShowsFloodingRisk', target: 'flooding' },
        { target: 'escNothingFound' },
      ],
    },

    collectEvidence: {
      description: 'Shows the one-line collector; the shell sends analysis.completed when its output is pasted.',
      tags: ['evidence'],
      meta: { question: 'evidence' },
      entry: { type: 'visit', params: { state: 'collectEvidence', question: 'evidence' } },
      always: [
        { guard: 'cannotCollectEvidence', target: 'escNoEvidence' },
        // Only reached without evidence; should evidence be present anyway, say it did not answer (no wait forever).
        { guard: 'hasEvidence', target: 'escEvidenceIncomplete' },
      ],
    },

    // ==========================================================================================================
    // 1. "vMotion traffic shows up on the management network / vmk0" (SEED0, SEED1, §1.7 C–D)
    // ==========================================================================================================
    vmk0Traffic: {
      description: 'Same subnet, BindToVmknic, multi-NIC and TCP/IP stacks: why the vMotion stream leaves by vmk0.',
      initial: 'askVmotionVmknic',
      states: {
        askVmotionVmknic: {
          tags: ['question'],
          meta: { question: 'vmotionVmknic' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askVmotionVmknic', question: 'vmotionVmknic' } },
          always: [
            { guard: 'vmotionOnManagementVmknic', target: '#pathDoctor.dxVmotionOnManagementVmknic' },
            { guard: 'hasNoVmotionVmknic', target: '#pathDoctor.dxNoVmotionVmknic' },
            { guard: 'hasDedicatedVmotionVmknic', target: 'askVmotionStack' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionVmknic' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionVmknic' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askVmotionStack: {
          tags: ['question'],
          meta: { question: 'vmotionStack' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askVmotionStack', question: 'vmotionStack' } },
          always: [
            // §1.7 D4: the vmotion stack's table holds only vMotion vmknics, so the stream cannot use vmk0.
            { guard: 'vmotionVmknicOnVmotionStack', target: 'askWhatMigrated' },
            { guard: 'vmotionVmknicOnDefaultStack', target: 'askSameSubnet' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionStack' } }, target: '#pathDoctor.collectEvidence' },
            // No NetStack column in the paste: the core assumes the default stack (§1.7 A3), so go on with that.
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionStack' } }, target: 'askSameSubnet' },
          ],
        },
        askSameSubnet: {
          tags: ['question'],
          meta: { question: 'sameSubnet' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askSameSubnet', question: 'sameSubnet' } },
          always: [
            { guard: 'sharesSubnetWithManagement', target: 'askEsxiVersion' },
            { guard: 'vmotionSubnetSeparate', target: 'askPeerSubnet' },
            { guard: { type: 'needsEvidence', params: { question: 'sameSubnet' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'sameSubnet' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askEsxiVersion: {
          tags: ['question'],
          meta: { question: 'esxiVersion' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askEsxiVersion', question: 'esxiVersion' } },
          always: [
            { guard: 'esxiVersionKnown', target: 'askBindToVmknic' },
            { guard: { type: 'needsEvidence', params: { question: 'esxiVersion' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'esxiVersion' } }, target: 'askObservedEgress' },
          ],
        },
        askBindToVmknic: {
          tags: ['question'],
          meta: { question: 'bindToVmknic' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askBindToVmknic', question: 'bindToVmknic' } },
          always: [
            { guard: 'bindToVmknicWeakened', target: '#pathDoctor.dxBindingWeakened' },
            { guard: 'vmotionSocketAlwaysBound', target: 'askWhatMigrated' },
            { guard: 'bindsOnlyWithSeveralVmknics', target: 'askVmotionVmknicCount' },
            { guard: 'neverBindsOn60', target: '#pathDoctor.dxUnboundMismatch' },
            { guard: 'neverBindsOnLegacyHost', target: '#pathDoctor.dxLegacyMismatch' },
            { guard: 'bindingMeaningUnsure', target: 'askObservedEgress' },
            // §1.7 D2: on 5.0/5.1 the untouched value behaves like 2, so the count decides; no value or measurement needed.
            { guard: 'bindingUntouchedOn50or51', target: 'askVmotionVmknicCount' },
            { guard: { type: 'needsEvidence', params: { question: 'bindToVmknic' } }, target: '#pathDoctor.collectEvidence' },
            // §1.7 D7: the value is not in the evidence either: only a measurement settles the egress.
            { guard: { type: 'evidenceCannotTell', params: { question: 'bindToVmknic' } }, target: 'askObservedEgress' },
          ],
        },
        askVmotionVmknicCount: {
          tags: ['question'],
          meta: { question: 'vmotionVmknicCount' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askVmotionVmknicCount', question: 'vmotionVmknicCount' } },
          always: [
            { guard: 'hasSeveralVmotionVmknics', target: 'askWhatMigrated' },
            { guard: 'hasOneVmotionVmknicOnModernHost', target: '#pathDoctor.dxBindingWeakened' },
            { guard: 'hasOneVmotionVmknicUntouchedOn50or51', target: '#pathDoctor.dxLegacyMismatchLikely' },
            { guard: 'hasOneVmotionVmknicOnLegacyHost', target: '#pathDoctor.dxLegacyMismatch' },
            { guard: 'hasOneVmotionVmknic', target: '#pathDoctor.dxUnboundMismatch' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionVmknicCount' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionVmknicCount' } }, target: 'askObservedEgress' },
          ],
        },
        askObservedEgress: {
          tags: ['question'],
          meta: { question: 'observedEgress' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askObservedEgress', question: 'observedEgress' } },
          always: [
            { guard: 'measuredOnManagementOnLegacyHost', target: '#pathDoctor.dxLegacyMismatch' },
            { guard: 'measuredOnManagement', target: '#pathDoctor.dxUnboundMismatch' },
            { guard: 'measuredOnVmotionVmknic', target: 'askWhatMigrated' },
            { guard: { type: 'doesNotKnow', params: { question: 'observedEgress' } }, target: '#pathDoctor.escMeasureEgress' },
          ],
        },
        askPeerSubnet: {
          tags: ['question'],
          meta: { question: 'vmotionL3' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askPeerSubnet', question: 'vmotionL3' } },
          always: [
            { guard: 'vmotionPeersInOneSubnet', target: 'askWhatMigrated' },
            { guard: 'vmotionIsRouted', target: 'askVmotionGateway' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionL3' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionL3' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askVmotionGateway: {
          tags: ['question'],
          meta: { question: 'vmotionGateway' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askVmotionGateway', question: 'vmotionGateway' } },
          always: [
            { guard: 'routedVmotionHasNoGateway', target: '#pathDoctor.dxL3NoGateway' },
            { guard: 'routedVmotionHasGateway', target: 'askWhatMigrated' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionGateway' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionGateway' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askWhatMigrated: {
          description: 'The vMotion stream itself stays off vmk0 here: what is on vmk0 is usually NFC cold data (SEED1).',
          tags: ['question'],
          meta: { question: 'migrationKind' },
          entry: { type: 'visit', params: { state: 'vmk0Traffic.askWhatMigrated', question: 'migrationKind' } },
          always: [
            { guard: 'liveMigrationSharingManagementSubnetOnLegacyHost', target: '#pathDoctor.dxSameSubnetLegacy' },
            { guard: 'liveMigrationSharingManagementSubnet', target: '#pathDoctor.dxSameSubnetBound' },
            { guard: 'liveMigration', target: '#pathDoctor.escUnexplainedVmk0Traffic' },
            { guard: 'migrationMovesColdData', target: '#pathDoctor.coldData.askProvisioningVmknic' },
            { guard: { type: 'doesNotKnow', params: { question: 'migrationKind' } }, target: '#pathDoctor.escMigrationKindUnknown' },
          ],
        },
      },
    },

    // ==========================================================================================================
    // 2. "Switch floods / unicast flooding / MAC table issues during vMotion" (ELATOV, §1.7 E, [I])
    // ==========================================================================================================
    flooding: {
      description: 'The receiving vMotion vmknic never transmits when replies leave by vmk0 in the same L2 segment.',
      initial: 'askReceiverSubnet',
      states: {
        askReceiverSubnet: {
          tags: ['question'],
          meta: { question: 'receiverSharesSubnet' },
          entry: { type: 'visit', params: { state: 'flooding.askReceiverSubnet', question: 'receiverSharesSubnet' } },
          always: [
            { guard: 'receiverSharesSubnetWithManagement', target: 'askReceiverAutobind' },
            { guard: 'receiverSubnetSeparate', target: '#pathDoctor.escFloodingNotVmotion' },
            { guard: { type: 'needsEvidence', params: { question: 'receiverSharesSubnet' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'receiverSharesSubnet' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askReceiverAutobind: {
          tags: ['question'],
          meta: { question: 'receiverAutobind' },
          entry: { type: 'visit', params: { state: 'flooding.askReceiverAutobind', question: 'receiverAutobind' } },
          always: [
            { guard: 'receiverNeverAutobinds', target: '#pathDoctor.dxUnicastFlooding' },
            { guard: 'receiverMayAutobind', target: 'askMacLearned' },
            { guard: { type: 'needsEvidence', params: { question: 'receiverAutobind' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'receiverAutobind' } }, target: 'askMacLearned' },
          ],
        },
        askMacLearned: {
          tags: ['question'],
          meta: { question: 'macLearned' },
          entry: { type: 'visit', params: { state: 'flooding.askMacLearned', question: 'macLearned' } },
          always: [
            { guard: 'macMissingFromSwitchTable', target: '#pathDoctor.dxUnicastFlooding' },
            { guard: 'macLearnedBySwitch', target: '#pathDoctor.escFloodingNotVmotion' },
            { guard: { type: 'doesNotKnow', params: { question: 'macLearned' } }, target: '#pathDoctor.escCollectMacTable' },
          ],
        },
      },
    },

    // ==========================================================================================================
    // 3. "Snapshot or non-shared-storage migrations are slow or saturate management" (SEED1, KB340170, §1.7 F)
    // ==========================================================================================================
    coldData: {
      description: 'Cold data goes by NFC: provisioning vmknic if there is one and the route allows, else vmk0.',
      initial: 'askMigrationKind',
      states: {
        askMigrationKind: {
          tags: ['question'],
          meta: { question: 'migrationKind' },
          entry: { type: 'visit', params: { state: 'coldData.askMigrationKind', question: 'migrationKind' } },
          always: [
            { guard: 'migrationMovesColdData', target: 'askProvisioningVmknic' },
            // A slow *live* migration on management is the vMotion stream itself: branch 1.
            { guard: 'liveMigration', target: '#pathDoctor.vmk0Traffic' },
            { guard: 'coldDataPathShownForEveryKind', target: 'askProvisioningVmknic' },
            { guard: { type: 'doesNotKnow', params: { question: 'migrationKind' } }, target: '#pathDoctor.escMigrationKindUnknown' },
          ],
        },
        askProvisioningVmknic: {
          tags: ['question'],
          meta: { question: 'provisioningVmknic' },
          entry: { type: 'visit', params: { state: 'coldData.askProvisioningVmknic', question: 'provisioningVmknic' } },
          always: [
            { guard: 'lacksProvisioningVmknicOnAHost', target: '#pathDoctor.dxColdDataOverManagement' },
            { guard: 'hasProvisioningVmknics', target: 'askProvisioningRoute' },
            { guard: { type: 'needsEvidence', params: { question: 'provisioningVmknic' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'provisioningVmknic' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askProvisioningRoute: {
          tags: ['question'],
          meta: { question: 'provisioningRoute' },
          entry: { type: 'visit', params: { state: 'coldData.askProvisioningRoute', question: 'provisioningRoute' } },
          always: [
            { guard: 'provisioningFallsBackToManagement', target: '#pathDoctor.dxProvisioningRouteFallback' },
            { guard: 'provisioningReachesPeer', target: '#pathDoctor.escNfcOnProvisioning' },
            { guard: { type: 'needsEvidence', params: { question: 'provisioningRoute' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'provisioningRoute' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
      },
    },

    // ==========================================================================================================
    // 4. "vMotion fails or times out": the common neighbours, checked cheapest first (§2 blockers and highs)
    // ==========================================================================================================
    failing: {
      description: 'No vMotion vmknic, a shadowed tag, routed vMotion without gateway, MTU, encrypted vMotion.',
      initial: 'askVmotionVmknic',
      states: {
        askVmotionVmknic: {
          tags: ['question'],
          meta: { question: 'vmotionVmknic' },
          entry: { type: 'visit', params: { state: 'failing.askVmotionVmknic', question: 'vmotionVmknic' } },
          always: [
            { guard: 'hasNoVmotionVmknic', target: '#pathDoctor.dxNoVmotionVmknic' },
            { guard: 'hasSomeVmotionVmknic', target: 'askTagShadowed' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionVmknic' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionVmknic' } }, target: '#pathDoctor.escEvidenceIncomplete' },
          ],
        },
        askTagShadowed: {
          tags: ['question'],
          meta: { question: 'vmotionTagShadowed' },
          entry: { type: 'visit', params: { state: 'failing.askTagShadowed', question: 'vmotionTagShadowed' } },
          always: [
            { guard: 'vmotionTagShadowed', target: '#pathDoctor.dxTagShadowed' },
            { guard: 'vmotionTagNotShadowed', target: 'askPeerSubnet' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionTagShadowed' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionTagShadowed' } }, target: 'askPeerSubnet' },
          ],
        },
        askPeerSubnet: {
          tags: ['question'],
          meta: { question: 'vmotionL3' },
          entry: { type: 'visit', params: { state: 'failing.askPeerSubnet', question: 'vmotionL3' } },
          always: [
            { guard: 'vmotionPeersInOneSubnet', target: 'askMtu' },
            { guard: 'vmotionIsRouted', target: 'askVmotionGateway' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionL3' } }, target: '#pathDoctor.collectEvidence' },
            // One host pasted: the routed check needs the peer; keep checking what one host can show.
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionL3' } }, target: 'askMtu' },
          ],
        },
        askVmotionGateway: {
          tags: ['question'],
          meta: { question: 'vmotionGateway' },
          entry: { type: 'visit', params: { state: 'failing.askVmotionGateway', question: 'vmotionGateway' } },
          always: [
            { guard: 'routedVmotionHasNoGateway', target: '#pathDoctor.dxL3NoGateway' },
            { guard: 'routedVmotionHasGateway', target: 'askMtu' },
            { guard: { type: 'needsEvidence', params: { question: 'vmotionGateway' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'vmotionGateway' } }, target: 'askMtu' },
          ],
        },
        askMtu: {
          tags: ['question'],
          meta: { question: 'mtuConsistent' },
          entry: { type: 'visit', params: { state: 'failing.askMtu', question: 'mtuConsistent' } },
          always: [
            { guard: 'mtuMismatch', target: '#pathDoctor.dxMtuMismatch' },
            { guard: 'mtuConsistent', target: 'askEncryption' },
            { guard: { type: 'needsEvidence', params: { question: 'mtuConsistent' } }, target: '#pathDoctor.collectEvidence' },
            { guard: { type: 'evidenceCannotTell', params: { question: 'mtuConsistent' } }, target: 'askEncryption' },
          ],
        },
        askEncryption: {
          tags: ['question'],
          meta: { question: 'encryptedVmotion' },
          entry: { type: 'visit', params: { state: 'failing.askEncryption', question: 'encryptedVmotion' } },
          always: [
            { guard: 'encryptionRequiredOnOldHost', target: '#pathDoctor.dxEncryptionRequiredUnsupported' },
            { guard: 'encryptionSettingFine', target: '#pathDoctor.escVmotionFailsUnexplained' },
            { guard: { type: 'doesNotKnow', params: { question: 'encryptedVmotion' } }, target: '#pathDoctor.escVmotionFailsUnexplained' },
          ],
        },
      },
    },

    // ==========================================================================================================
    // Diagnoses: finding ids (src/core/findings/catalog.ts) and remediation ids in order of preference (§3)
    // ==========================================================================================================
    dxVmotionOnManagementVmknic: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['VMOTION_ON_MANAGEMENT_NETWORK'], remediation: ['R1', 'R2', 'R3', 'R10'] },
      entry: { type: 'visit', params: { state: 'dxVmotionOnManagementVmknic' } },
    },
    dxNoVmotionVmknic: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['NO_VMOTION_VMKNIC'], remediation: ['R3', 'R2'] },
      entry: { type: 'visit', params: { state: 'dxNoVmotionVmknic' } },
    },
    dxBindingWeakened: {
      tags: ['diagnosis'],
      meta: {
        outcome: 'diagnosis',
        findings: ['VMOTION_EGRESS_MISMATCH', 'BIND_TO_VMKNIC_SET', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK'],
        remediation: ['R1', 'R2', 'R4'],
      },
      entry: { type: 'visit', params: { state: 'dxBindingWeakened' } },
    },
    dxUnboundMismatch: {
      tags: ['diagnosis'],
      meta: {
        outcome: 'diagnosis',
        findings: ['VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK'],
        remediation: ['R1', 'R2', 'R5'],
      },
      entry: { type: 'visit', params: { state: 'dxUnboundMismatch' } },
    },
    dxLegacyMismatch: {
      description: '5.x: no vmotion stack (R2) and no encrypted vMotion (R10) exist on these hosts.',
      tags: ['diagnosis'],
      meta: {
        outcome: 'diagnosis',
        findings: ['VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK'],
        remediation: ['R1', 'R5', 'R4'],
      },
      entry: { type: 'visit', params: { state: 'dxLegacyMismatch' } },
    },
    dxLegacyMismatchLikely: {
      description:
        '5.0/5.1 with BindToVmknic not shown or never changed: behaves like 2 (Denneman 2013 on 5.1), one vMotion vmknic → vmk0, likely; the value and a test vMotion confirm it.',
      tags: ['diagnosis'],
      meta: {
        outcome: 'diagnosis',
        findings: ['VMOTION_EGRESS_MISMATCH', 'SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK'],
        remediation: ['R1', 'R5', 'R4'],
      },
      entry: { type: 'visit', params: { state: 'dxLegacyMismatchLikely' } },
    },
    dxSameSubnetBound: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK'], remediation: ['R1', 'R2', 'R10'] },
      entry: { type: 'visit', params: { state: 'dxSameSubnetBound' } },
    },
    dxSameSubnetLegacy: {
      description: '5.x: bound or measured on the vMotion vmknic, still multihomed; no vmotion stack or encryption there.',
      tags: ['diagnosis'],
      meta: {
        outcome: 'diagnosis',
        findings: ['SAME_SUBNET_VMKNICS', 'VMOTION_ON_MANAGEMENT_NETWORK', 'VMOTION_UNENCRYPTED_ON_SHARED_NETWORK'],
        remediation: ['R1', 'R5'],
      },
      entry: { type: 'visit', params: { state: 'dxSameSubnetLegacy' } },
    },
    dxL3NoGateway: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['VMOTION_L3_NO_GATEWAY'], remediation: ['R8', 'R2'] },
      entry: { type: 'visit', params: { state: 'dxL3NoGateway' } },
    },
    dxUnicastFlooding: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['UNICAST_FLOODING_RISK', 'SAME_SUBNET_VMKNICS'], remediation: ['R1', 'R2', 'R9'] },
      entry: { type: 'visit', params: { state: 'dxUnicastFlooding' } },
    },
    dxColdDataOverManagement: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['COLD_DATA_OVER_MANAGEMENT'], remediation: ['R6'] },
      entry: { type: 'visit', params: { state: 'dxColdDataOverManagement' } },
    },
    dxProvisioningRouteFallback: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['PROVISIONING_ROUTE_FALLBACK', 'COLD_DATA_OVER_MANAGEMENT'], remediation: ['R8', 'R6'] },
      entry: { type: 'visit', params: { state: 'dxProvisioningRouteFallback' } },
    },
    dxMtuMismatch: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['MTU_MISMATCH'], remediation: ['R7'] },
      entry: { type: 'visit', params: { state: 'dxMtuMismatch' } },
    },
    dxTagShadowed: {
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: ['VMOTION_TAG_SHADOWED'], remediation: ['R3', 'R2'] },
      entry: { type: 'visit', params: { state: 'dxTagShadowed' } },
    },
    dxEncryptionRequiredUnsupported: {
      description: 'A VM setting, not host configuration: no finding of §2 names it, R10 fixes it.',
      tags: ['diagnosis'],
      meta: { outcome: 'diagnosis', findings: [], remediation: ['R10'] },
      entry: { type: 'visit', params: { state: 'dxEncryptionRequiredUnsupported' } },
    },

    // ==========================================================================================================
    // Escalations: never a dead end — say exactly what to collect (flows/texts/outcomes.ts COLLECT)
    // ==========================================================================================================
    escNoEvidence: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['vmSupport', 'vsphereScreenshots'] },
      entry: { type: 'visit', params: { state: 'escNoEvidence' } },
    },
    escEvidenceIncomplete: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['collector', 'vmSupport'] },
      entry: { type: 'visit', params: { state: 'escEvidenceIncomplete' } },
    },
    escNothingFound: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['esxtopNetwork', 'connectionsVmotion', 'vcenterTask', 'vmSupport'] },
      entry: { type: 'visit', params: { state: 'escNothingFound' } },
    },
    escMeasureEgress: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['esxtopNetwork', 'connectionsVmotion'] },
      entry: { type: 'visit', params: { state: 'escMeasureEgress' } },
    },
    escUnexplainedVmk0Traffic: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['esxtopNetwork', 'connectionsVmotion', 'connectionsNfc', 'vcenterTask'] },
      entry: { type: 'visit', params: { state: 'escUnexplainedVmk0Traffic' } },
    },
    escMigrationKindUnknown: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['vcenterTask', 'vmSnapshots'] },
      entry: { type: 'visit', params: { state: 'escMigrationKindUnknown' } },
    },
    escFloodingNotVmotion: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['switchMacTable', 'switchLogs', 'neighborList'] },
      entry: { type: 'visit', params: { state: 'escFloodingNotVmotion' } },
    },
    escCollectMacTable: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['switchMacTable', 'esxtopNetwork'] },
      entry: { type: 'visit', params: { state: 'escCollectMacTable' } },
    },
    escNfcOnProvisioning: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['connectionsNfc', 'esxtopNetwork', 'vmSupport'] },
      entry: { type: 'visit', params: { state: 'escNfcOnProvisioning' } },
    },
    escVmotionFailsUnexplained: {
      tags: ['escalation'],
      meta: { outcome: 'escalation', collect: ['vcenterTask', 'hostLogs', 'vmkpingTests', 'vmEncryption', 'vmSupport'] },
      entry: { type: 'visit', params: { state: 'escVmotionFailsUnexplained' } },
    },
  },
});

export type PathDoctorMachine = typeof pathDoctorMachine;
