import { describe, expect, it } from 'vitest';
import { Checkbox, CheckboxGroup, SelectField } from '../../../src/http/web/fields.js';

describe('admin web form fields', () => {
  it('show the box, then its words, in one label; ticked or required when told', () => {
    expect(
      String(Checkbox({ name: 'lewat', value: '1', checked: true, label: 'Lewat batas' })),
    ).toBe(
      '<label><input type="checkbox" name="lewat" value="1" checked="" style="width:auto"/> Lewat batas</label>',
    );
    expect(String(Checkbox({ name: 'yakin', value: '1', required: true, label: 'Yakin' }))).toBe(
      '<label><input type="checkbox" name="yakin" value="1" required="" style="width:auto"/> Yakin</label>',
    );
  });

  it('group one box a value under a legend, those chosen ticked', () => {
    const html = String(
      CheckboxGroup({
        legend: 'Peran',
        name: 'roles',
        values: ['warga', 'kader_digital'],
        checked: ['kader_digital'],
        label: (role) => role.toUpperCase(),
      }),
    );
    expect(html).toBe(
      '<fieldset><legend>Peran</legend>' +
        '<label><input type="checkbox" name="roles" value="warga" style="width:auto"/> WARGA</label>' +
        '<label><input type="checkbox" name="roles" value="kader_digital" checked="" style="width:auto"/> KADER_DIGITAL</label>' +
        '</fieldset>',
    );
  });

  it('offer a list to choose from, the empty choice first when named, the one chosen selected', () => {
    const html = String(
      SelectField({
        label: 'Saluran',
        name: 'channel',
        values: ['telegram', 'whatsapp'],
        selected: 'whatsapp',
        optionLabel: (channel) => channel.toUpperCase(),
        none: 'Semua',
      }),
    );
    expect(html).toBe(
      '<label>Saluran<select name="channel"><option value="">Semua</option>' +
        '<option value="telegram">TELEGRAM</option>' +
        '<option value="whatsapp" selected="">WHATSAPP</option></select></label>',
    );
  });
});
