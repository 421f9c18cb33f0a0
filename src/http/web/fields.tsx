/**
 * Form fields as every form of the admin web shows them: a check box, then its words, in
 * one label (so a tap on the words ticks it); a group of them under one legend; a list to
 * choose one from, under its words.
 */
import type { Child } from 'hono/jsx';

/** One check box with its words after it. */
export function Checkbox(props: {
  name: string;
  value: string;
  checked?: boolean;
  required?: boolean;
  label: Child;
}) {
  return (
    <label>
      <input
        type="checkbox"
        name={props.name}
        value={props.value}
        checked={props.checked}
        required={props.required}
        style="width:auto"
      />{' '}
      {props.label}
    </label>
  );
}

/** A box for each of `values` under `legend`, ticked when in `checked`. */
export function CheckboxGroup<V extends string>(props: {
  legend: Child;
  name: string;
  values: readonly V[];
  checked: readonly string[];
  label: (value: V) => Child;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.values.map((value) => (
        <Checkbox
          name={props.name}
          value={value}
          checked={props.checked.includes(value)}
          label={props.label(value)}
        />
      ))}
    </fieldset>
  );
}

/**
 * A list to choose one of `values` from, `selected` chosen, under `label`; with `none`, a
 * first choice of that name with the empty value (all, none).
 */
export function SelectField<V extends string>(props: {
  label: Child;
  name: string;
  values: readonly V[];
  selected: string | undefined;
  optionLabel: (value: V) => Child;
  none?: Child;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.none === undefined ? null : <option value="">{props.none}</option>}
        {props.values.map((value) => (
          <option value={value} selected={props.selected === value}>
            {props.optionLabel(value)}
          </option>
        ))}
      </select>
    </label>
  );
}
