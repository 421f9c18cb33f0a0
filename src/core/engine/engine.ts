import { FlowDefinitionError } from '../errors.js';
import { parseOptionNumber } from '../flow/parse.js';
import {
  type Answers,
  answerName,
  type ContactSnapshot,
  END,
  type FlowDefinition,
  flowTarget,
  isPrompt,
  type PromptStep,
  type Step,
  type StepContext,
} from '../flow/types.js';
import { type InboundPayload, type Json, type Outbound, type Text, t } from '../messages.js';
import { readAnswer } from './answer.js';
import {
  draftExpired,
  draftFrame,
  draftQuestionFlows,
  draftToFrame,
  keepDraft,
  LEAVE_FLOW,
  type Leaving,
  RESUME_FLOW,
  readDraftArgs,
} from './drafts.js';
import { readGlobalWord } from './globals.js';
import { buildPrompt, textOf } from './prompt.js';
import {
  type ConversationState,
  type Frame,
  numberQuestion,
  questionToken,
  STATE_VERSION,
  topFrame,
} from './state.js';

/** Most steps one event may pass through (say, skip, call); more means a loop in a flow. */
export const MAX_STEPS_PER_EVENT = 200;
/** Shortest text a choice with `typed` takes as a new answer instead of a wrong one. */
export const TYPED_MIN_CHARS = 3;
/** Wrong answers in a row after which the re-ask also points to help and cancel. */
export const STUCK_AFTER_INVALID = 3;

/** What the engine is asked to handle. */
export type EngineEvent =
  | { type: 'input'; payload: InboundPayload }
  /**
   * Start a flow on the runtime's behalf (a proactive conversation). `reset` (the default)
   * drops whatever was running; `push` opens it on top, and what was running resumes,
   * its question asked again, once it ends: nothing the person was typing is lost.
   */
  | { type: 'start'; flow: string; args?: string; mode?: 'reset' | 'push' }
  /** The result of the call effect the engine asked for last. */
  | { type: 'call_result'; value: Json };

/** What the runtime must do, in order. */
export type Effect =
  | { type: 'send'; message: Outbound }
  /**
   * Run the action declared under this name (its input not yet checked against the
   * declaration's schema), then hand its result back as a `call_result` event.
   */
  | { type: 'call'; action: string; input: unknown };

/** The engine's answer: the next state and the effects that lead there. */
export interface EngineResult {
  state: ConversationState;
  effects: Effect[];
}

/** Facts about the person the engine may use, supplied by the runtime for each event. */
export interface EngineEnv {
  contact: ContactSnapshot;
  /** Flow started when an idle person writes, and by the word "menu". */
  entryFlow: string;
  /** Resolves a text in the person's language (used to match typed option labels). */
  translate: (text: Text) => string;
  /** When the event happens (the runtime's clock): a kept draft expires by it. */
  now: Date;
}

/** Names of the flows the global words open. */
export interface EngineOptions {
  flows: FlowDefinition[];
  helpFlow: string;
  languageFlow: string;
}

/** The pure flow engine: (state, event) → (state, effects). */
export interface Engine {
  handle(state: ConversationState, event: EngineEvent, env: EngineEnv): EngineResult;
  flow(id: string): FlowDefinition | undefined;
  /** The flow a slash command starts, if any. */
  commandFlow(name: string): FlowDefinition | undefined;
}

interface Work {
  state: ConversationState;
  effects: Effect[];
  env: EngineEnv;
  budget: number;
}

/** Builds the engine over validated flow definitions. */
export function createEngine(options: EngineOptions): Engine {
  const flows = new Map(options.flows.map((f) => [f.id, f]));
  for (const flow of draftQuestionFlows((id) => flows.get(id))) flows.set(flow.id, flow);
  const commands = new Map(
    options.flows.flatMap((f) => (f.commands ?? []).map((c) => [c, f] as const)),
  );

  const flowOf = (id: string): FlowDefinition => {
    const flow = flows.get(id);
    if (!flow) throw new FlowDefinitionError(`unknown flow "${id}"`);
    return flow;
  };
  const stepOf = (flow: FlowDefinition, id: string): Step | undefined =>
    flow.steps.find((s) => s.id === id);
  const contextOf = (w: Work, frame: Frame): StepContext => ({
    answers: frame.answers,
    contact: w.env.contact,
    args: frame.args,
  });
  const send = (w: Work, message: Outbound): void => {
    w.effects.push({ type: 'send', message });
  };

  function startFlow(
    w: Work,
    id: string,
    mode: 'push' | 'replace' | 'reset',
    args = '',
    answers: Answers = {},
  ): void {
    const flow = flowOf(id);
    if (mode === 'reset') keepDrafts(w);
    const saved = flow.draft ? w.state.drafts?.[id] : undefined;
    if (saved && resumable(saved) && !draftExpired(saved, w.env.now)) {
      return startFlow(w, RESUME_FLOW, mode, JSON.stringify({ flow: id, args }), saved.answers);
    }
    if (saved) dropDraft(w, id);
    if (mode === 'reset') w.state.frames = [];
    if (mode === 'replace') w.state.frames.pop();
    const first = flow.steps[0];
    if (!first) throw new FlowDefinitionError(`flow "${id}" has no steps`);
    const frame: Frame = {
      flow: id,
      version: flow.version,
      step: first.id,
      answers: structuredClone(answers),
      labels: {},
      history: [],
      page: 0,
      asked: 0,
      invalid: 0,
      args,
    };
    w.state.frames.push(frame);
    enter(w, frame, first.id);
  }

  function nextTarget(flow: FlowDefinition, step: Step, outcome?: string): string {
    const following = (): string => {
      const index = flow.steps.indexOf(step);
      return flow.steps[index + 1]?.id ?? END;
    };
    if (step.next === undefined) return following();
    if (typeof step.next === 'string') return step.next;
    // Own keys only: an option value such as "constructor" must not find Object.prototype's.
    const mapped = outcome !== undefined && Object.hasOwn(step.next, outcome);
    return (mapped ? step.next[outcome] : undefined) ?? step.next['*'] ?? following();
  }

  function goTo(w: Work, frame: Frame, target: string): void {
    if (target === END) return endFrame(w);
    const other = flowTarget(target);
    if (other) return startFlow(w, other.flow, other.mode);
    enter(w, frame, target);
  }

  function enter(w: Work, frame: Frame, stepId: string): void {
    if (--w.budget < 0) {
      throw new FlowDefinitionError(`flow "${frame.flow}" loops without waiting (at "${stepId}")`);
    }
    const flow = flowOf(frame.flow);
    const step = stepOf(flow, stepId);
    if (!step) throw new FlowDefinitionError(`flow "${flow.id}" has no step "${stepId}"`);
    const ctx = contextOf(w, frame);
    if (step.skipIf?.(ctx)) return goTo(w, frame, nextTarget(flow, step));
    frame.step = step.id;
    frame.page = 0;
    frame.invalid = 0;
    if (step.kind === 'photo') forgetPhotos(frame, step);
    if (step.kind === 'say') {
      const attachments = step.attachments?.(ctx) ?? [];
      send(w, {
        texts: [textOf(step.text, ctx)],
        ...(attachments.length > 0 ? { attachments } : {}),
      });
      return goTo(w, frame, nextTarget(flow, step));
    }
    if (step.kind === 'call') {
      frame.waitingCall = true;
      w.effects.push({ type: 'call', action: step.action.name, input: step.input?.(ctx) ?? null });
      return;
    }
    ask(w, frame, step, []);
  }

  function ask(w: Work, frame: Frame, step: PromptStep, before: Text[]): void {
    numberQuestion(w.state, frame);
    send(w, buildPrompt(w.state, frame, step, contextOf(w, frame), before));
  }

  function endFrame(w: Work): void {
    w.state.frames.pop();
    const below = topFrame(w.state);
    if (below) reask(w, below, []);
  }

  /** Asks the current question of `frame` again (after help, a language change, a bad answer). */
  function reask(w: Work, frame: Frame, before: Text[]): void {
    const step = stepOf(flowOf(frame.flow), frame.step);
    if (step && isPrompt(step)) return ask(w, frame, step, before);
    for (const text of before) send(w, { texts: [text] });
    if (step) enter(w, frame, step.id);
  }

  function answer(w: Work, frame: Frame, step: Step, value: Json, label?: Text): void {
    if (frame.flow === LEAVE_FLOW || frame.flow === RESUME_FLOW) {
      return onDraftAnswer(w, frame, value);
    }
    const name = answerName(step);
    if (name !== undefined) {
      frame.answers[name] = value;
      if (label) frame.labels[name] = label;
      else delete frame.labels[name];
    }
    if (isPrompt(step)) frame.history.push(step.id);
    frame.waitingCall = undefined;
    const outcome = outcomeOf(step, value);
    goTo(w, frame, nextTarget(flowOf(frame.flow), step, outcome));
  }

  function goBack(w: Work, frame: Frame): void {
    const previous = frame.history.pop();
    if (previous === undefined && w.state.frames.length > 1) return endFrame(w);
    if (previous === undefined) return reask(w, frame, [t('common:back.first')]);
    const current = stepOf(flowOf(frame.flow), frame.step);
    const currentName = current ? answerName(current) : undefined;
    if (currentName) delete frame.answers[currentName];
    const step = stepOf(flowOf(frame.flow), previous);
    if (!step || !isPrompt(step)) return reask(w, frame, []);
    frame.step = step.id;
    frame.page = 0;
    frame.invalid = 0;
    const name = answerName(step) ?? step.id;
    const shown = describeAnswer(frame.answers[name], frame.labels[name]);
    if (step.kind === 'photo') forgetPhotos(frame, step);
    ask(w, frame, step, shown === undefined ? [] : [t('common:back.previous', { answer: shown })]);
  }

  function onGlobalWord(w: Work, frame: Frame, word: ReturnType<typeof readGlobalWord>): boolean {
    switch (word) {
      case 'menu':
        if (askBeforeLeaving(w, frame, { type: 'word', word })) return true;
        startFlow(w, w.env.entryFlow, 'reset');
        return true;
      case 'cancel':
        if (askBeforeLeaving(w, frame, { type: 'word', word })) return true;
        w.state.frames = [];
        send(w, { texts: [flows.get(frame.flow)?.cancelled ?? t('common:cancelled')] });
        return true;
      case 'back': {
        const step = stepOf(flowOf(frame.flow), frame.step);
        if (step && isPrompt(step) && step.back !== undefined) goTo(w, frame, step.back);
        else goBack(w, frame);
        return true;
      }
      case 'help': {
        const step = stepOf(flowOf(frame.flow), frame.step);
        if (step?.help) send(w, { texts: [step.help] });
        if (frame.flow === options.helpFlow) reask(w, frame, []);
        else startFlow(w, options.helpFlow, 'push');
        return true;
      }
      case 'language':
        if (frame.flow === options.languageFlow) reask(w, frame, []);
        else startFlow(w, options.languageFlow, 'push');
        return true;
      default:
        return false;
    }
  }

  function onInput(w: Work, payload: InboundPayload): void {
    if (payload.type === 'command') return onCommand(w, payload.name, payload.args);
    const frame = topFrame(w.state);
    if (!frame) return onIdleInput(w, payload);
    const flow = flows.get(frame.flow);
    const step = flow ? stepOf(flow, frame.step) : undefined;
    if (!flow || !step) {
      send(w, { texts: [t('common:flow.restarted')] });
      return startFlow(w, flows.has(frame.flow) ? frame.flow : w.env.entryFlow, 'reset');
    }
    if (!isPrompt(step)) return enter(w, frame, step.id);
    if (payload.type === 'unsupported') {
      return reask(w, frame, [t(`common:unsupported.${payload.kind}`)]);
    }
    if (payload.type === 'choice' && payload.token !== questionToken(w.state, frame)) {
      return send(w, { texts: [t('common:choice.stale')] });
    }
    if (payload.type === 'text') {
      const word = readGlobalWord(payload.text, step.kind === 'number');
      if (onGlobalWord(w, frame, word)) return;
    }
    onAnswer(w, frame, step, payload);
  }

  function onAnswer(w: Work, frame: Frame, step: PromptStep, payload: InboundPayload): void {
    const name = answerName(step) ?? step.id;
    const collected = Array.isArray(frame.answers[name]) ? (frame.answers[name] as Json[]) : [];
    const reading = readAnswer(payload, {
      step,
      ctx: contextOf(w, frame),
      page: frame.page,
      collected: step.kind === 'photo' ? collected : [],
      translate: w.env.translate,
    });
    switch (reading.type) {
      case 'answer':
        if (reading.notice) send(w, { texts: [reading.notice] });
        return answer(w, frame, step, reading.value, reading.label);
      case 'next_page':
        frame.page += 1;
        return ask(w, frame, step, []);
      case 'more_photos': {
        frame.answers[name] = reading.value;
        numberQuestion(w.state, frame);
        const max = step.kind === 'photo' ? (step.max ?? 1) : 1;
        const count = reading.value.length;
        return send(w, { texts: [t('common:photo.more', { count, max })], expect: 'photo' });
      }
      case 'small_talk':
        return reask(w, frame, [reading.reply]);
      case 'invalid': {
        if (reading.error.key !== 'common:invalid.which' && typedInstead(w, frame, step, payload)) {
          return;
        }
        frame.invalid += 1;
        const stuck = frame.invalid >= STUCK_AFTER_INVALID ? [t('common:stuck')] : [];
        return reask(w, frame, [reading.error, ...stuck]);
      }
    }
  }

  /**
   * A text that chose no option of a step with `typed`, taken as a new answer to the
   * earlier question it names (a number, a tie between options or a too-short text are not).
   */
  function typedInstead(w: Work, frame: Frame, step: PromptStep, payload: InboundPayload) {
    if (step.kind !== 'choice' || !step.typed || payload.type !== 'text') return false;
    const text = payload.text.trim().replace(/\s+/g, ' ');
    if (text.length < TYPED_MIN_CHARS || parseOptionNumber(text) !== undefined) return false;
    frame.answers[step.typed.save] = text;
    goTo(w, frame, step.typed.next);
    return true;
  }

  /** An idle person's message opens the entry flow, or help or language when they asked for it. */
  function onIdleInput(w: Work, payload: InboundPayload): void {
    const word = payload.type === 'text' ? readGlobalWord(payload.text, false) : undefined;
    if (word === 'help') return startFlow(w, options.helpFlow, 'reset');
    if (word === 'language') return startFlow(w, options.languageFlow, 'reset');
    startFlow(w, w.env.entryFlow, 'reset');
  }

  function onCommand(w: Work, name: string, args: string): void {
    const flow = commands.get(name);
    if (!flow) {
      const frame = topFrame(w.state);
      const unknown = t('common:command.unknown', { command: `/${name}` });
      if (frame) return reask(w, frame, [unknown]);
      send(w, { texts: [unknown] });
      return startFlow(w, w.env.entryFlow, 'reset');
    }
    if (flow.returns && w.state.frames.length > 0) return startFlow(w, flow.id, 'push', args);
    const held = draftFrame(w.state, (id) => flows.get(id));
    const top = topFrame(w.state);
    if (held && top && held.flow !== flow.id && top.flow !== LEAVE_FLOW) {
      const leaving: Leaving = { type: 'command', name, args };
      return startFlow(w, LEAVE_FLOW, 'push', JSON.stringify({ flow: held.flow, leaving }));
    }
    startFlow(w, flow.id, 'reset', args);
  }

  /**
   * Before `leaving` drops a draft: asks whether to keep it (and returns true), or, at that
   * question already, takes the word as "keep it and go".
   */
  function askBeforeLeaving(w: Work, top: Frame, leaving: Leaving): boolean {
    if (top.flow === LEAVE_FLOW) {
      w.state.frames.pop();
      leaveKeeping(w, readDraftArgs(top)?.flow ?? '', leaving);
      return true;
    }
    const held = draftFrame(w.state, (id) => flows.get(id));
    if (!held) return false;
    startFlow(w, LEAVE_FLOW, 'push', JSON.stringify({ flow: held.flow, leaving }));
    return true;
  }

  /** Keeps the draft of `flowId`, says so, and does what the person asked for. */
  function leaveKeeping(w: Work, flowId: string, leaving: Leaving | undefined): void {
    const held = [...w.state.frames].reverse().find((f) => f.flow === flowId);
    if (held) keepDraft(w.state, held, w.env.now);
    const saved = flows.get(flowId)?.draft?.saved;
    if (saved) send(w, { texts: [saved] });
    const command = leaving?.type === 'command' ? commands.get(leaving.name) : undefined;
    if (command)
      return startFlow(w, command.id, 'reset', leaving?.type === 'command' ? leaving.args : '');
    if (leaving?.type === 'word' && leaving.word === 'cancel') {
      keepDrafts(w);
      w.state.frames = [];
      return;
    }
    startFlow(w, w.env.entryFlow, 'reset');
  }

  /** The answer to a draft question: keep and leave, stay, continue the draft or start over. */
  function onDraftAnswer(w: Work, frame: Frame, value: Json): void {
    const args = readDraftArgs(frame);
    w.state.frames.pop();
    const below = topFrame(w.state);
    if (frame.flow === LEAVE_FLOW && value === 'keep') {
      return leaveKeeping(w, args?.flow ?? '', args?.leaving);
    }
    if (frame.flow === LEAVE_FLOW && value === 'discard') {
      const cancelled = flows.get(args?.flow ?? '')?.cancelled;
      w.state.frames = [];
      return send(w, { texts: [cancelled ?? t('common:cancelled')] });
    }
    if (frame.flow === LEAVE_FLOW || !args) {
      return below ? reask(w, below, []) : startFlow(w, w.env.entryFlow, 'reset');
    }
    const saved = w.state.drafts?.[args.flow];
    dropDraft(w, args.flow);
    if (value === 'continue' && saved) {
      const frame = draftToFrame(saved);
      w.state.frames.push(frame);
      return reask(w, frame, []);
    }
    startFlow(w, args.flow, 'push', args.args ?? '');
  }

  /** Keeps every frame of the conversation that holds a draft (before they are dropped). */
  function keepDrafts(w: Work): void {
    for (const frame of w.state.frames) {
      if (draftFrame({ ...w.state, frames: [frame] }, (id) => flows.get(id))) {
        keepDraft(w.state, frame, w.env.now);
      }
    }
  }

  function dropDraft(w: Work, flowId: string): void {
    if (!w.state.drafts) return;
    const { [flowId]: _dropped, ...rest } = w.state.drafts;
    if (Object.keys(rest).length > 0) w.state.drafts = rest;
    else delete w.state.drafts;
  }

  /** A kept draft can continue when its flow has not changed and its question still exists. */
  function resumable(saved: Frame): boolean {
    const flow = flows.get(saved.flow);
    const step = flow ? stepOf(flow, saved.step) : undefined;
    return flow?.version === saved.version && step !== undefined && isPrompt(step);
  }

  function onStart(w: Work, event: Extract<EngineEvent, { type: 'start' }>): void {
    const onTop = event.mode === 'push' && w.state.frames.length > 0;
    startFlow(w, event.flow, onTop ? 'push' : 'reset', event.args);
  }

  function onCallResult(w: Work, value: Json): void {
    const frame = topFrame(w.state);
    const step = frame ? stepOf(flowOf(frame.flow), frame.step) : undefined;
    if (!frame || !step || step.kind !== 'call' || !frame.waitingCall) {
      throw new FlowDefinitionError('a call result arrived while no call was waiting');
    }
    answer(w, frame, step, value);
  }

  return {
    flow: (id) => flows.get(id),
    commandFlow: (name) => commands.get(name),
    handle(state, event, env) {
      const w: Work = {
        state: structuredClone({ ...state, v: STATE_VERSION }),
        effects: [],
        env,
        budget: MAX_STEPS_PER_EVENT,
      };
      if (event.type === 'input') onInput(w, event.payload);
      else if (event.type === 'start') onStart(w, event);
      else onCallResult(w, event.value);
      return { state: w.state, effects: w.effects };
    },
  };
}

/**
 * A photo question collects into its answer while it is open, so it starts empty each
 * time it is asked anew: photos sent after `kembali` replace the earlier ones.
 */
function forgetPhotos(frame: Frame, step: Step): void {
  delete frame.answers[answerName(step) ?? step.id];
}

function outcomeOf(step: Step, value: Json): string | undefined {
  if (step.kind === 'yesno' && typeof value === 'string') return value;
  if (step.kind === 'yesno') return value ? 'yes' : 'no';
  if (step.kind === 'choice' && typeof value === 'string') return value;
  if (
    step.kind === 'call' &&
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value)
  ) {
    const outcome = (value as Record<string, Json>).outcome;
    return typeof outcome === 'string' ? outcome : undefined;
  }
  return undefined;
}

/** How a saved answer is shown back to the person after `kembali`. */
function describeAnswer(
  value: Json | undefined,
  label: Text | undefined,
): string | Text | undefined {
  if (label) return label;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return t(value ? 'common:yes' : 'common:no');
  if (Array.isArray(value)) return t('common:answer.photos', { count: value.length });
  if ('text' in value && typeof value.text === 'string') return value.text;
  return t('common:answer.location');
}
