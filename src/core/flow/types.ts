import type { Attachment, Json, Text } from '../messages.js';
import type { CallStep } from './action.js';
import type { NumberUnit } from './quantity.js';

export type { CallStep } from './action.js';
export type { NumberUnit } from './quantity.js';

/** Answers of one flow run, by the `save` name of each step. */
export type Answers = Record<string, Json>;

/** The person a flow talks with, as the runtime describes them at each event. */
export type ContactSnapshot = {
  id: string;
  /** One of src/domain/roles.ts ROLES. */
  role: string;
  language: string;
  /** Kemendagri code of their village; null until they give one. */
  villageCode: string | null;
  displayName: string | null;
};

/** What steps may look at: the answers so far and a snapshot of the contact. */
export interface StepContext {
  answers: Answers;
  contact: ContactSnapshot;
  /** Words typed after the command that started this flow, if any. */
  args: string;
}

/** A text, fixed or computed from the context. */
export type TextSource = Text | ((ctx: StepContext) => Text);

/** Ends the flow (and returns to the flow below it, if any). */
export const END = '$end';

/** A step target that starts another flow in place of this one. */
export function goto(flowId: string): string {
  return `$flow:${flowId}`;
}

/** A step target that starts another flow on top of this one; this step is asked again after it. */
export function push(flowId: string): string {
  return `$push:${flowId}`;
}

/** The flow a `goto` or `push` target names, with how it starts. */
export function flowTarget(target: string): { flow: string; mode: 'replace' | 'push' } | undefined {
  if (target.startsWith('$flow:')) return { flow: target.slice(6), mode: 'replace' };
  if (target.startsWith('$push:')) return { flow: target.slice(6), mode: 'push' };
  return undefined;
}

/**
 * Where to go after a step: a step id, {@link END}, {@link goto}, {@link push}, or, for choices,
 * yes/no and calls, a map from the chosen value / outcome to a target with `*` as fallback.
 */
export type Next = string | Record<string, string>;

/** An option of a choice step (plain JSON: an action may hand options to a flow). */
export type ChoiceOption = {
  value: string;
  label: Text;
  /**
   * Typed doubt ("tidak tahu", "gak tau", "don't know", "ragu") also chooses this option,
   * besides its label and number.
   */
  unsure?: boolean;
  /**
   * This option is the yes (or the no) of a question shown as options ("1. Ya, benar
   * 2. Ubah"): yes and no in people's words ("iya", "ok", "sudah", "gak", "belum") choose it.
   */
  means?: 'yes' | 'no';
};

/** Options of a step, fixed or computed from the context. */
export type OptionsSource = ChoiceOption[] | ((ctx: StepContext) => ChoiceOption[]);

/** A number bound of a step, fixed or computed from the context. */
export type NumberSource = number | ((ctx: StepContext) => number);

interface StepBase {
  /** Stable id: conversation state refers to it, so never reuse an id for another meaning. */
  id: string;
  /** Skipped (not shown, not saved) when this returns true. */
  skipIf?: (ctx: StepContext) => boolean;
  /** Defaults to the next step in the flow's list, or {@link END} after the last. */
  next?: Next;
  /** Shown when the person asks for help at this step. */
  help?: Text;
}

interface PromptBase extends StepBase {
  prompt: TextSource;
  /** Answer name in {@link Answers}; defaults to the step id. */
  save?: string;
  /**
   * Where `kembali` goes from this question, instead of the question answered before it:
   * for a step asked again and again in a loop (its history says nothing), usually a call
   * step that works out what came before.
   */
  back?: string;
}

/** Sends a text and moves on. */
export interface SayStep extends StepBase {
  kind: 'say';
  text: TextSource;
  /** Photos or a pin sent with the text (a report opened by staff). */
  attachments?: (ctx: StepContext) => Attachment[];
}

/** Free text between `min` and `max` characters (after trimming). */
export interface TextStep extends PromptBase {
  kind: 'text';
  min?: number;
  max?: number;
  /**
   * `phone`: an Indonesian mobile number (08…, 62…, +62…, 10-13 digits), saved in one form
   * ("+62812…"); anything else is asked again with an example.
   */
  format?: 'phone';
}

/**
 * A whole number in a range; digits, "15 menit" and number words are accepted.
 * `alternatives` are named answers besides a number ("Tidak tahu"), chosen by their label
 * (or a button press, where shown): a typed digit is always the number. One is saved as its
 * value, a string.
 */
export interface NumberStep extends PromptBase {
  kind: 'number';
  min?: NumberSource;
  max?: NumberSource;
  alternatives?: OptionsSource;
  /**
   * What the number counts: answers in other units of its kind are converted ("1 jam" is
   * 60 minutes, "2 km" 2000 meters, "50rb" 50000 rupiah), an answer it cannot read for sure
   * is asked again, and the bounds are said in those units ("paling lama 24 jam").
   */
  unit?: NumberUnit | ((ctx: StepContext) => NumberUnit | null | undefined);
}

/** One option; more than 9 are paged. `options` may be computed from earlier answers. */
export interface ChoiceStep extends PromptBase {
  kind: 'choice';
  options: OptionsSource;
  /**
   * The yes option cannot be undone (/hapusdata): only its number, its whole label or a
   * clear yes ("ya", "iya", "yes") chooses it; "ok", "sip" or a word of its label do not.
   */
  destructive?: boolean;
  /**
   * A typed text that chooses no option is a new answer to an earlier question: saved under
   * `save` and followed by `next` (a new village name typed at a list of villages is searched).
   */
  typed?: { save: string; next: string };
}

/** Several options at once ("1,3"); saved as a list of values. */
export interface MultiChoiceStep extends PromptBase {
  kind: 'multi';
  options: OptionsSource;
  minSelected?: number;
}

/**
 * Ya or tidak; saved as a boolean, `next` may map `yes` and `no`. `alternatives` are
 * numbered after them (3 "Tidak tahu") and saved as their value, a string, which `next`
 * may map too.
 */
export interface YesNoStep extends PromptBase {
  kind: 'yesno';
  alternatives?: OptionsSource;
}

/** Photos, saved as a list of media ids; with `max` over 1 the person sends "selesai" to go on. */
export interface PhotoStep extends PromptBase {
  kind: 'photo';
  min?: number;
  max?: number;
}

/** A shared pin, or typed text when `allowText`; `optional` accepts "lewati" (saved as null). */
export interface LocationStep extends PromptBase {
  kind: 'location';
  allowText?: boolean;
  optional?: boolean;
}

/** Any step of a flow. */
export type Step =
  | SayStep
  | TextStep
  | NumberStep
  | ChoiceStep
  | MultiChoiceStep
  | YesNoStep
  | PhotoStep
  | LocationStep
  | CallStep;

/** Steps that wait for the person's answer. */
export type PromptStep = Exclude<Step, SayStep | CallStep>;

/** A conversation flow: a graph of steps with stable ids and a version. */
export interface FlowDefinition {
  id: string;
  /** Raise when steps change meaning; a conversation saved on another version is restarted if its step is gone. */
  version: number;
  steps: Step[];
  /** Slash commands that start it (without the slash), e.g. `lapor`. */
  commands?: string[];
  /** Started on top of the current flow, which resumes when this one ends (help, language, privacy). */
  returns?: boolean;
  /**
   * Said instead of the usual "cancelled, nothing was saved" when the person cancels while
   * this flow talks: for a flow that saves as it goes.
   */
  cancelled?: Text;
  /**
   * The flow keeps drafts: leaving it by `menu`, `batal` or another command once something
   * is answered first asks whether to keep what was typed (`leave`, with `stay` as the option
   * to go on), says `saved` when kept, and its next start asks `resume` (computed from the
   * draft's answers): continue the draft or start over.
   */
  draft?: { leave: Text; stay: Text; saved: Text; resume: TextSource };
}

/** Declares a flow; identity function that gives the definition its type. */
export function defineFlow(definition: FlowDefinition): FlowDefinition {
  return definition;
}

/** True for steps that wait for the person. */
export function isPrompt(step: Step): step is PromptStep {
  return step.kind !== 'say' && step.kind !== 'call';
}

/** The answer name a step saves under. */
export function answerName(step: Step): string | undefined {
  if (step.kind === 'say') return undefined;
  return step.save ?? step.id;
}
