import { describe, expect, it } from 'vitest';
import { maskName, maskNumber } from '../../electron/domain/identity/mask.js';

describe('masking for public screens and slips', () => {
  it('hides the middle of a name', () => {
    expect(maskName('张晓明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });

  it('never shows a whole name, however short or padded', () => {
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('   ')).toBe('');
    expect(maskName(' 李四 ')).toBe('李*');
    // A character outside the BMP counts as one, not as two halves of a surrogate pair.
    expect(maskName('𠮷野家')).toBe('𠮷*家');
  });

  it('shows only the last four characters of a number', () => {
    expect(maskNumber('11010519491231002X')).toBe('**************002X');
    expect(maskNumber('110105491231002')).toBe('***********1002');
    expect(maskNumber('E12345678')).toBe('*****5678');
    expect(maskNumber('12345')).toBe('*2345');
    expect(maskNumber(' 150102198807153017 ')).toBe('**************3017');
  });

  it('hides a number of four characters or fewer whole', () => {
    expect(maskNumber('1234')).toBe('****');
    expect(maskNumber('123')).toBe('***');
    expect(maskNumber('X')).toBe('*');
    expect(maskNumber('')).toBe('');
    expect(maskNumber('   ')).toBe('');
  });

  it('is idempotent: a masked number stays as it is', () => {
    const once = maskNumber('11010519491231002X');
    expect(maskNumber(once)).toBe(once);
  });
});
