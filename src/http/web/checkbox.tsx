/**
 * Check boxes as every form of the admin web shows them: the box, then its words, in one
 * label (so a tap on the words ticks it); a group of them under one legend.
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
