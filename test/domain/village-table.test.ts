import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVillageDirectory } from '../../src/domain/villages.js';

const AREAS = {
  'provinces.csv': 'code,name\n32,Jawa Barat\n',
  'regencies.csv': 'code,province_code,name\n32.03,32,Kabupaten Cianjur\n',
  // Out of code order, as a release might be.
  'districts.csv': 'code,regency_code,name\n32.03.03,32.03,Cibeber\n32.03.01,32.03,Cianjur\n',
};
const HEADER = 'code,district_code,name\n';

const dataDirs: string[] = [];

afterEach(async () => {
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A data folder with the areas above and these village rows. */
async function release(villageRows: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'villages-'));
  dataDirs.push(dataDir);
  for (const [file, text] of Object.entries(AREAS)) await writeFile(path.join(dataDir, file), text);
  await writeFile(path.join(dataDir, 'villages.csv'), `\uFEFF${HEADER}${villageRows}`);
  return dataDir;
}

describe('the village table of a release', () => {
  it('orders villages by code when the file does not, with their areas and names', async () => {
    const directory = await loadVillageDirectory(
      await release(
        '32.03.03.2013,32.03.03,Sukamaju\r\n32.03.01.1001,32.03.01,"Soka""an"\n32.03.03.2001,32.03.03,Désa\n',
      ),
    );
    const codes = [0, 1, 2].map((position) => directory.at(position)?.code);
    expect(codes).toEqual(['32.03.01.1001', '32.03.03.2001', '32.03.03.2013']);
    expect(directory.size).toBe(3);
    expect(directory.nameAt(0)).toBe('Soka"an');
    expect(directory.get('32.03.03.2001')).toEqual({
      code: '32.03.03.2001',
      name: 'Désa',
      district: { code: '32.03.03', name: 'Cibeber' },
      regency: { code: '32.03', name: 'Kabupaten Cianjur' },
      province: { code: '32', name: 'Jawa Barat' },
    });
    expect(directory.range('32.03.03')).toEqual([1, 3]);
    expect(directory.range('32.03')).toEqual([0, 3]);
    expect(directory.range('32.03.03.2013')).toEqual([2, 3]);
    const [from, to] = directory.range('32.03.0');
    expect(to - from).toBe(0);
    expect(directory.get('32.03.03.2002')).toBeUndefined();
  });

  it('refuses a duplicate code, an unknown kecamatan and a malformed code', async () => {
    const row = '32.03.03.2013,32.03.03,Sukamaju\n';
    await expect(loadVillageDirectory(await release(row + row))).rejects.toThrow('duplicate codes');
    await expect(
      loadVillageDirectory(await release('32.03.09.2001,32.03.09,Nowhere\n')),
    ).rejects.toThrow('unknown parent code "32.03.09"');
    await expect(
      loadVillageDirectory(await release('32.03.03.201,32.03.03,Short\n')),
    ).rejects.toThrow('data row 1: malformed "32.03.03.201,32.03.03,Short"');
  });
});
